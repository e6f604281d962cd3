"""Answers for requests Regiondev refuses or cannot serve: JSON under /api/, HTML elsewhere.

A refusal always says why and what to do, with the right status: 413 for a body over its
limit, 429 for a login locked out, 503 while the database cannot be reached. None is a 500.
"""

import re
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.html import format_html
from django.views import defaults

API_PREFIX = "/api/"
# Seconds a client should wait before retrying while the database comes back.
DATABASE_RETRY_AFTER = 5


def wants_json(request) -> bool:
    return request.path.startswith(API_PREFIX)


def error_response(request, status: int, title: str, message: str, **headers) -> HttpResponse:
    if wants_json(request):
        response = JsonResponse({"detail": message}, status=status)
    else:
        response = HttpResponse(
            format_html(
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                "<title>{} · Regiondev</title></head>"
                '<body><main><h1>{}</h1><p>{}</p><p><a href="/">Regiondev home</a></p>'
                "</main></body></html>",
                title,
                title,
                message,
            ),
            status=status,
        )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def database_unavailable(request) -> HttpResponse:
    return error_response(
        request,
        503,
        "Temporarily unavailable",
        "The database cannot be reached for a moment. Nothing was changed; "
        f"please try again in {DATABASE_RETRY_AFTER} seconds.",
        Retry_After=str(DATABASE_RETRY_AFTER),
    )


def server_error(request):
    """handler500: a lost database connection is a 503 to retry; anything else a plain 500.

    Django calls this inside the `except` block that caught the error, wherever it was raised
    (a view, a template, a middleware), so the error is still at hand.
    """
    error = sys.exc_info()[1]
    # OperationalError and InterfaceError mean a lost, refused or closed connection (or a
    # server shutting down); Django closes the broken connection when the request finishes,
    # so the client's retry opens a fresh one.
    if isinstance(error, (OperationalError, InterfaceError)):
        return database_unavailable(request)
    if wants_json(request):
        return JsonResponse({"detail": "Server error. It has been logged."}, status=500)
    return defaults.server_error(request)


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes: too many failed logins from this client."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    wait = f"Try again in {minutes} minutes." if minutes else "Ask an administrator to unlock it."
    retry = {"Retry_After": str(int(cool_off.total_seconds()))} if cool_off else {}
    return error_response(
        request,
        429,
        "Too many failed logins",
        f"Logins from here are locked after too many failed attempts. {wait}",
        **retry,
    )


def constraint_message(error) -> str:
    """The words for a database constraint's refusal: the constraint's own message if it has
    one (every named constraint here does), else which unique value is taken."""
    from django.apps import apps

    text = str(error)
    diagnosis = getattr(error.__cause__, "diag", None)  # psycopg's details, on PostgreSQL
    named = getattr(diagnosis, "constraint_name", None)
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if constraint.name == named or constraint.name in text:
                return str(constraint.get_violation_error_message())
    table = getattr(diagnosis, "table_name", None)
    match = re.search(r"UNIQUE constraint failed: (\w+)\.(\w+)", text)  # SQLite's words
    column = match.group(2) if match else None
    table = table or (match.group(1) if match else None)
    key = re.search(r"Key \((\w+)\)=", getattr(diagnosis, "message_detail", None) or text)
    column = column or (key.group(1) if key else None)
    for model in apps.get_models():
        if model._meta.db_table == table:
            for field in model._meta.concrete_fields:
                if field.column == column:
                    return (
                        f"Another {model._meta.verbose_name} already has this {field.verbose_name}."
                    )
    return "It conflicts with another record."


def integrity_conflict(request, error) -> HttpResponse:
    return error_response(
        request,
        409,
        "Not saved: a conflict with another record",
        f"{constraint_message(error)} Nothing was saved; reload the page and try again.",
    )


class RefusalsWithoutTraceback:
    """Logging filter: a refused request (403: a missing permission) is logged in one line.
    Django attaches the PermissionDenied's traceback, which says nothing about a fault and
    would bury real errors."""

    def filter(self, record) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
