"""Staff pages inside the admin: the article intake (paste, review the proposals, confirm),
and the progress page of a background job."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
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


# A longer text is read by a background job, off the request: reading takes about a second
# per 100,000 characters, and a report of some 30,000 reads while staff wait.
READ_IN_REQUEST_CHARACTERS = 20_000


def read_report(*, article: dict) -> intake.Reading:
    """The intake's background job, on the article form's values: all of them are kept in
    the job's arguments, so that its review page fills the form as staff left it."""
    return intake.read_article(
        text=article["full_text"],
        published=article["published"],
        title=article["title"],
        url=article["url"],
    )


def article_intake(request):
    """Paste a report, review what was read in it, confirm. A long report is read by a job
    whose page links back here with `?job=<id>`, where its proposals are reviewed."""
    if not request.user.has_perms(INTAKE_PERMISSIONS):
        raise PermissionDenied
    job = _reading_job(request)
    if job is not None and not job.finished:
        return redirect(job.get_absolute_url())
    kept = job.arguments["article"] if job is not None else {}
    data = request.POST or ({**kept, "full_text": ""} if kept else None)
    article_form = ArticleForm(data, kept_text=kept.get("full_text", ""))
    reading = formset = places = None
    if data is not None and article_form.is_valid():
        article = article_form.instance
        values = {name: str(value or "") for name, value in article_form.cleaned_data.items()}
        # A field the job was not given (one added since) reads as empty.
        from_job = values == dict.fromkeys(values, "") | kept and "propose" not in request.POST
        if from_job and job.status == JobStatus.DONE:
            reading = job.return_value()
        elif from_job:
            article_form.add_error(None, job.error)
        elif len(article.full_text) > READ_IN_REQUEST_CHARACTERS:
            job = jobs.enqueue(
                read_report, title=f"Reading “{article.title}”", user=request.user, article=values
            )
            return redirect(job.get_absolute_url())
        else:
            reading = read_report(article=values)
        if reading is not None and reading.problems:
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
                intake.describe_source(
                    article, published=reading.published, language=reading.frame.language
                )
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
        "job": job,
    }
    return TemplateResponse(request, "admin/staff/intake.html", context)


def _reading_job(request) -> Job | None:
    """The reading job named by `?job=`, one of this staff member's: another's is a 404."""
    if "job" not in request.GET:
        return None
    try:
        return Job.objects.get(
            pk=request.GET["job"], user=request.user, function=jobs.name_of(read_report)
        )
    except (Job.DoesNotExist, ValidationError):
        raise Http404 from None


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
    reading = job.function == jobs.name_of(read_report)
    context = {
        **admin.site.each_context(request),
        "title": job.title,
        "job": job,
        "outcome": outcome if isinstance(outcome, jobs.Outcome) else None,
        "confirm_form": ConfirmImportForm(initial=confirm) if confirm else None,
        "confirm_action": confirm["action"] if confirm else "",
        "intake_url": f"{reverse('staff:intake')}?job={job.pk}" if reading else "",
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
