"""What every record's admin shares (sites/admin.py, events/admin.py).

- History: each record's History page lists who changed it, when, why (the optional change
  message typed on the form) and what changed, field by field (simple-history's
  `diff_against`); an earlier version can be restored from there by those who may change
  the record.
- Bulk import and export (CSV, XLSX) for the records staff keep in spreadsheets: a preview
  that shows what would be created, updated, skipped or refused, then one transaction.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from regiondev.changes import differs_from_stored
from regiondev.concurrency import VersionedAdminMixin

# Fields whose changes the history does not list: bookkeeping, and values derived from other
# records (a factory's status follows its ceremonies, whose own history shows the change).
UNLISTED_IN_HISTORY = [
    "updated_at",
    "search_keys",
    "date_lower",
    "date_upper",
    "published_lower",
    "published_upper",
    "status",
    "groundbreaking_date",
    "groundbreaking_lower",
    "groundbreaking_upper",
    "inauguration_date",
    "inauguration_lower",
    "inauguration_upper",
]


class ChangeMessageForm(forms.ModelForm):
    """Every admin form offers a short note on why the change was made, kept in the history."""

    change_message = forms.CharField(
        label="change message",
        max_length=100,
        required=False,
        help_text="Optional: why you made this change (shown in the record's history).",
    )


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
        """Save the record; a record written through a service overrides this to call it.

        A form saved without a change writes nothing, so the history gains no empty version.
        """
        if differs_from_stored(obj):
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


class ImportExportHistoryAdmin(ImportExportModelAdmin, HistoryAdmin):
    """History as above, plus import and export in CSV and XLSX."""

    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    import_error_display = ("message",)

    def has_import_permission(self, request):
        # An import creates and changes records, so it needs both permissions.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # If the data changed between the preview and the confirmation, write nothing.
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                "Nothing was imported: the file no longer passes the checks it passed in the "
                "preview. Upload it again to see why.",
            )
            opts = self.model._meta
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))
        return super().process_result(result, request)
