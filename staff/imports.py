"""Imports as background jobs (staff/jobs.py): the check of an uploaded file (a dry run that
writes nothing) and, once staff confirm, the import itself, each reporting its progress row
by row and ending with an Outcome its job page shows: totals, or every refused row in words.

Both go through the model admin's own import machinery (django-import-export's formats,
resources and temporary storage), so a job imports exactly what the admin's page would.
"""

import tablib
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from import_export.results import RowResult

from staff.jobs import Outcome, report


def check(*, model: str, file_name: str, original_name: str, file_format: int, resource: int):
    """The preview: what the file would create, update or skip, or why rows are refused."""
    result = _import(model, file_name, original_name, file_format, resource, dry_run=True)
    errors = row_errors(result)
    model_admin = _admin(model)
    if errors:
        return Outcome(
            summary=f"Nothing will be imported: {len(errors)} problem"
            f"{'' if len(errors) == 1 else 's'} to correct first. Correct these rows in the "
            "file, then upload it again. No row of this file has been written.",
            errors=errors,
            next_url=_url(model_admin, "import"),
            next_label="Upload a corrected file",
        )
    return Outcome(
        summary=f"{_totals(result)} Nothing is written until you confirm.",
        confirm={
            "action": _url(model_admin, "process_import"),
            "import_file_name": file_name,
            "original_file_name": original_name,
            "format": file_format,
            "resource": resource,
        },
    )


def apply(
    *,
    model: str,
    file_name: str,
    original_name: str,
    file_format: int,
    resource: int,
    user_id: int,
):
    """The confirmed import, in one transaction: all rows or, if any fails now, none."""
    user = get_user_model().objects.get(pk=user_id)
    result = _import(
        model, file_name, original_name, file_format, resource, dry_run=False, user=user
    )
    model_admin = _admin(model)
    errors = row_errors(result)
    if errors:
        return Outcome(
            summary="Nothing was imported: the rows below are refused, each with its reason. "
            "Correct them in the file and upload it again; no row of it has been written.",
            errors=errors,
            next_url=_url(model_admin, "import"),
            next_label="Upload it again",
        )
    rows = {}
    for row in result:
        rows.setdefault(row.import_type, []).append(row.instance)
    model_admin._create_log_entries(user.pk, rows)
    _storage(model_admin, file_name, file_format).remove()
    return Outcome(
        summary=f"Import finished: {_totals(result)}",
        next_url=_url(model_admin, "changelist"),
        next_label=f"See the {model_admin.opts.verbose_name_plural}",
    )


def row_errors(result) -> list[str]:
    """Every refused row and cell, in words, row numbers counting the file's data rows."""
    errors = []
    for row in result.invalid_rows:
        for column, messages in row.field_specific_errors.items():
            errors.extend(f"Row {row.number}, column “{column}”: {text}" for text in messages)
        errors.extend(f"Row {row.number}: {text}" for text in row.non_field_specific_errors)
    for number, row_errors_ in result.row_errors():
        errors.extend(f"Row {number}: {error.error}" for error in row_errors_)
    errors.extend(f"The file: {error.error}" for error in result.base_errors)
    return errors


class ReportingDataset(tablib.Dataset):
    """The rows of a file, reporting to the job how many have been read."""

    def __iter__(self):
        total = len(self)
        for index in range(total):
            report(index + 1, total)
            yield self[index]


def _import(model, file_name, original_name, file_format, resource, *, dry_run, user=None):
    model_admin = _admin(model)
    storage = _storage(model_admin, file_name, file_format)
    input_format = model_admin.get_import_formats()[file_format](encoding=model_admin.from_encoding)
    read = input_format.create_dataset(storage.read())
    dataset = ReportingDataset(*read, headers=read.headers)
    resource_class = model_admin.get_import_resource_classes(None)[resource]
    return resource_class().import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        file_name=original_name,
        user=user,
        rollback_on_validation_errors=True,
        retain_instance_in_row_result=not dry_run,
    )


def _admin(model: str):
    return admin.site.get_model_admin(apps.get_model(model))


def _storage(model_admin, file_name: str, file_format: int):
    input_format = model_admin.get_import_formats()[file_format]()
    return model_admin.get_tmp_storage_class()(
        name=file_name,
        encoding=None if input_format.is_binary() else model_admin.from_encoding,
        read_mode=input_format.get_read_mode(),
        **model_admin.get_tmp_storage_class_kwargs(),
    )


def _url(model_admin, step: str) -> str:
    opts = model_admin.opts
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{step}")


def _totals(result) -> str:
    totals = result.totals
    return (
        f"{totals[RowResult.IMPORT_TYPE_NEW]} new, {totals[RowResult.IMPORT_TYPE_UPDATE]} "
        f"updated, {totals[RowResult.IMPORT_TYPE_SKIP]} unchanged (skipped)."
    )
