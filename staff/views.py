"""Staff pages inside the admin: the article intake (paste, review the proposals, confirm),
and the progress page of a background job."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from import_export.forms import ConfirmImportForm

from staff import intake, jobs
from staff.forms import ArticleForm, PlaceChoices, ProposalFormSet, proposal_initial
from staff.models import Job, JobStatus

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


def job_progress(request, pk):
    """A background job's page: its progress while it runs (the page reloads itself), then
    its outcome. Staff may leave it and come back; only the job's owner and superusers see it."""
    job = get_object_or_404(Job, pk=pk)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    job = jobs.refresh(job)
    outcome = job.return_value() if job.status == JobStatus.DONE else None
    confirm = getattr(outcome, "confirm", None)
    context = {
        **admin.site.each_context(request),
        "title": job.title,
        "job": job,
        "outcome": outcome if isinstance(outcome, jobs.Outcome) else None,
        "confirm_form": ConfirmImportForm(initial=confirm) if confirm else None,
        "confirm_action": confirm["action"] if confirm else "",
    }
    return TemplateResponse(request, "admin/staff/job.html", context)


def job_file(request, pk):
    """The file a finished job made (a big export), for the job's owner."""
    job = get_object_or_404(Job, pk=pk, status=JobStatus.DONE)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    outcome = job.return_value()
    if not getattr(outcome, "file", None):
        raise Http404
    response = HttpResponse(outcome.file, content_type=outcome.content_type)
    response["Content-Disposition"] = f'attachment; filename="{outcome.file_name}"'
    return response
