"""What every record's admin shares (staff/place_admin.py, staff/event_admin.py).

- History: each record's History page lists who changed it, when, why (the optional change
  message typed on the form) and what changed, field by field (simple-history's
  `diff_against`); an earlier version can be restored from there by those who may change
  the record.
- Bulk import and export (CSV, XLSX) for the records staff keep in spreadsheets: a preview
  that shows what would be created, updated, skipped or refused, then one transaction.
"""

from functools import wraps

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import URLPattern
from django.utils import timezone
from django_rq.admin import QueueAdmin
from django_rq.models import Dashboard
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from regiondev.concurrency import VersionedAdminMixin
from sites.models import MILESTONE_FIELDS
from staff import exports, imports, jobs
from staff.formats import CSV, XLSX

# Fields whose changes the history does not list: bookkeeping, and values derived from other
# records (a factory's status follows its ceremonies, whose own history shows the change).
UNLISTED_IN_HISTORY = [
    "updated_at",
    "search_keys",
    "date_lower",
    "date_upper",
    "published_lower",
    "published_upper",
    *MILESTONE_FIELDS,
]


class ChangeMessageForm(forms.ModelForm):
    """Every admin form offers a short note on why the change was made, kept in the history."""

    change_message = forms.CharField(
        label="change message",
        max_length=100,
        required=False,
        help_text="Optional: why you made this change (shown in the record's history).",
    )


class SourceCountAdmin:
    """A "sources" column for a model with `sources`: how many sources each record cites,
    counted in the list's own query (a subquery per row, no query per row)."""

    def get_queryset(self, request):
        sources = self.model._meta.get_field("sources")
        record = sources.m2m_field_name()
        cited = (
            sources.remote_field.through.objects.filter(**{record: OuterRef("pk")})
            .order_by()
            .values(record)
            .annotate(count=Count(sources.m2m_reverse_field_name(), distinct=True))
            .values("count")
        )
        return super().get_queryset(request).annotate(source_count=Coalesce(Subquery(cited), 0))

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, record):
        return record.source_count


DRAFT_MARK = "draft — no source yet"


class PublicationFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("draft", DRAFT_MARK), ("public", "public")]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.drafts()
        if self.value() == "public":
            return queryset.public()
        return queryset


class DraftMarkAdmin:
    """A record that cites no source is a draft (sites.models.CitedQuerySet): public pages,
    the API for anonymous clients, feeds and downloads leave it out until it cites one, so
    staff see it marked in the list and on its form."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_draft_mark()

    def get_list_display(self, request):
        return [*super().get_list_display(request), "publication"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), PublicationFilter]

    def get_readonly_fields(self, request, obj=None):
        return ["publication", *super().get_readonly_fields(request, obj)]

    @admin.display(description="publication")
    def publication(self, record):
        cited = getattr(record, "is_cited", None)
        if cited is None:  # a record not read through the list's queryset
            cited = record.pk is not None and record.citations.exists()
        return "public" if cited else DRAFT_MARK


class HistoryAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    form = ChangeMessageForm
    object_history_list_template = "admin/history_list.html"

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            fields = [field for field in fields if field != "change_message"]
        return fields

    def save_model(self, request, obj, form, change):
        message = form.cleaned_data.get("change_message", "")
        obj._change_reason = message or getattr(request, "restored_version_note", None)
        self.write(obj, form)

    def write(self, obj, form):
        """Save the record; a record written through a service overrides this to call it."""
        obj.save()

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version is a change: refuse it to those who may only read."""
        if request.method == "POST":
            obj = self.get_object(request, object_id)
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
            history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
            version = history.filter(history_id=version_id).first()
            if version is not None:
                when = timezone.localtime(version.history_date)
                request.restored_version_note = f"Restored the version of {when:%d %B %Y %H:%M}"
        return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each version's changes against the one before it, without bookkeeping fields."""
        excluded = [
            field.name
            for field in self.model._meta.get_fields()
            if field.name in UNLISTED_IN_HISTORY
        ]
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current,
                    excluded_fields=excluded,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current


class ServiceAdmin:
    """For a record written through its service: the form's check (regiondev/forms.py) has
    validated it, the service's `save_checked` (a staticmethod here) writes it with its
    relations as checked, and only the inlines are left to save."""

    save_checked = None

    def write(self, obj, form):
        self.save_checked(form.checked)

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


class ImportExportHistoryAdmin(ImportExportModelAdmin, HistoryAdmin):
    """History as above, plus import and export in CSV and XLSX.

    An uploaded file is checked, and once confirmed imported, by background jobs
    (staff/imports.py): staff watch each on its progress page, however long the file. An
    export of more than `export_in_request_rows` records is made by a job too.
    """

    export_in_request_rows = 5_000

    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    import_error_display = ("message",)

    def has_import_permission(self, request):
        # An import creates and changes records, so it needs both permissions.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        pks = list(queryset.values_list("pk", flat=True)[: self.export_in_request_rows + 1])
        if len(pks) <= self.export_in_request_rows:
            return super()._do_file_export(file_format, request, queryset, export_form)
        job = jobs.enqueue(
            exports.export,
            title=f"Exporting {self.opts.verbose_name_plural} as {file_format.get_title()}",
            user=request.user,
            model=self.opts.label,
            pks=list(queryset.values_list("pk", flat=True)),
            file_format=self.get_export_formats().index(type(file_format)),
            resource=self.get_resource_index(export_form) if export_form else 0,
            fields=self.get_export_resource_fields_from_form(export_form),
        )
        return redirect(job)

    def import_action(self, request, **kwargs):
        if request.method != "POST" or not self.has_import_permission(request):
            return super().import_action(request, **kwargs)
        form = self.create_import_form(request)
        if not form.is_valid():
            return super().import_action(request, **kwargs)
        file_format = int(form.cleaned_data["format"])
        upload = form.cleaned_data["import_file"]
        stored = self.write_to_tmp_storage(upload, self.get_import_formats()[file_format]())
        job = jobs.enqueue(
            imports.check,
            title=f"Checking {upload.name} for import into {self.opts.verbose_name_plural}",
            user=request.user,
            model=self.opts.label,
            file_name=stored.name,
            original_name=upload.name,
            file_format=file_format,
            resource=int(form.cleaned_data.get("resource") or 0),
        )
        return redirect(job)

    def process_import(self, request, **kwargs):
        if request.method != "POST" or not self.has_import_permission(request):
            return super().process_import(request, **kwargs)
        form = self.create_confirm_form(request)
        if not form.is_valid():
            return super().process_import(request, **kwargs)
        job = jobs.enqueue(
            imports.apply,
            title=f"Importing {form.cleaned_data['original_file_name']} into "
            f"{self.opts.verbose_name_plural}",
            user=request.user,
            model=self.opts.label,
            file_name=form.cleaned_data["import_file_name"],
            original_name=form.cleaned_data["original_file_name"],
            file_format=int(form.cleaned_data["format"]),
            resource=int(form.cleaned_data.get("resource") or 0),
            user_id=request.user.pk,
        )
        return redirect(job)


def superusers_only(view):
    """A view for superusers alone; others signed in are refused (403), and the admin's own
    wrapper sends anyone signed out to its login page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class JobQueueAdmin(QueueAdmin):
    """django-rq's dashboard of the job queue, for superusers alone: from it any job can be
    stopped, deleted or requeued and a queue emptied, whoever started it. Staff follow their
    own jobs on the jobs' pages (staff/views.py), which show each job to its owner and to
    superusers only."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_urls(self):
        return [
            URLPattern(url.pattern, superusers_only(url.callback), url.default_args, url.name)
            for url in super().get_urls()
        ]


# django-rq registers its own, open to all staff, unless RQ_SHOW_ADMIN_LINK is off (settings).
admin.site.register(Dashboard, JobQueueAdmin)
