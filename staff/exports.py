"""Big exports as background jobs (staff/jobs.py): the file is made by the worker with the
model admin's own resource and format, and kept with the job for its page to hand over."""

from django.apps import apps
from django.contrib import admin

from staff.jobs import Outcome, report


def export(*, model: str, pks: list, file_format: int, resource: int, fields: list | None):
    model_class = apps.get_model(model)
    model_admin = admin.site.get_model_admin(model_class)
    chosen_format = model_admin.get_export_formats()[file_format]()
    resource_class = model_admin.get_export_resource_classes(None)[resource]
    queryset = model_class.objects.filter(pk__in=pks).order_by(*model_class._meta.ordering, "pk")
    report(0, len(pks), "Reading the records")
    dataset = resource_class().export(queryset=queryset, export_fields=fields)
    report(len(pks), len(pks), "Writing the file")
    content = chosen_format.export_data(dataset)
    if isinstance(content, str):
        content = content.encode(model_admin.to_encoding or "utf-8")
    return Outcome(
        summary=f"{len(pks):,} {model_class._meta.verbose_name_plural} exported.",
        file=content,
        file_name=model_admin.get_export_filename(None, queryset, chosen_format),
        content_type=chosen_format.get_content_type(),
    )
