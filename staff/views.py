"""The article intake page, inside the admin: paste, review the proposals, confirm."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from staff import intake
from staff.forms import ArticleForm, PlaceChoices, ProposalFormSet, proposal_initial

# Storing a source and its records, or citing it on records already stored.
INTAKE_PERMISSIONS = [
    "events.add_source",
    "events.add_ceremony",
    "events.change_ceremony",
    "events.add_guidancevisit",
    "events.change_guidancevisit",
    "sites.add_factory",
]


def article_intake(request):
    if not request.user.has_perms(INTAKE_PERMISSIONS):
        raise PermissionDenied
    article_form = ArticleForm(request.POST or None)
    reading = formset = places = None
    if request.method == "POST" and article_form.is_valid():
        article = article_form.instance
        reading = intake.read_article(
            text=article.full_text,
            published=article.published,
            title=article.title,
            url=article.url,
        )
        if reading.problems:
            for problem in reading.problems:
                article_form.add_error("full_text", problem)
            reading = None
    if reading is not None:
        places = PlaceChoices()
        if "confirm" in request.POST:
            formset = ProposalFormSet(request.POST, form_kwargs={"places": places})
            if formset.is_valid():
                choices = [
                    form.choice for form in formset.forms if form.cleaned_data.get("include")
                ]
                outcome = intake.confirm(article=article, choices=choices)
                messages.success(request, _summary(outcome))
                return redirect(reverse("admin:events_source_change", args=[outcome.source.pk]))
        else:
            formset = ProposalFormSet(
                initial=[proposal_initial(event) for event in reading.events],
                form_kwargs={"places": places},
            )
    context = {
        **admin.site.each_context(request),
        "title": "Article intake",
        "article_form": article_form,
        "reading": reading,
        "formset": formset,
        "places": places,
        "proposals": _rows(formset, reading),
    }
    return TemplateResponse(request, "admin/staff/intake.html", context)


def _rows(formset, reading):
    """Each form beside the proposal it shows; the last, blank form is a row to add by hand."""
    if not formset:
        return []
    events = reading.events
    return [
        (
            form,
            events[index] if index < len(events) else None,
            _admin_url(events[index].existing if index < len(events) else None),
        )
        for index, form in enumerate(formset.forms)
    ]


def _admin_url(record) -> str:
    if record is None:
        return ""
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def _summary(outcome: intake.Outcome):
    def records(count: int) -> str:
        return f"{count} record{'' if count == 1 else 's'}"

    stored = "Stored the source" if outcome.source_created else "The source was already stored:"
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        (
            (_admin_url(record), str(record))
            for record in [*outcome.created, *outcome.updated, *outcome.cited, *outcome.factories]
        ),
    )
    return format_html(
        "{} “{}”. {} created, {} updated, {} already stored now cite it, {} cited it already; "
        "{} new factories. {}",
        stored,
        outcome.source,
        records(len(outcome.created)),
        records(len(outcome.updated)),
        records(len(outcome.cited)),
        records(len(outcome.unchanged)),
        len(outcome.factories),
        links,
    )
