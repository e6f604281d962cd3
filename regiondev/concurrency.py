"""Two people editing one record: the second save must not silently undo the first.

Every model has `updated_at`, changed on each save; a record's version is that instant.
- API: a detail response carries the version as its ETag; a PUT, PATCH or DELETE that sends
  `If-Match` with an older ETag is refused with 412 Precondition Failed, and changes nothing.
- Admin: the change form carries the version it was opened at in a hidden field; saving after
  someone else saved is refused with a message naming who changed it and when.
The check and the write happen under a row lock in one transaction, so two saves cannot both
pass the check.
"""

import hashlib

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.permissions import SAFE_METHODS

VERSION_FIELD = "seen_updated_at"


def version(instance) -> str:
    return instance.updated_at.isoformat() if instance.updated_at else ""


def etag(instance) -> str:
    """A strong ETag naming the record and the version it is at."""
    stamp = f"{instance._meta.label}:{instance.pk}:{version(instance)}"
    return '"' + hashlib.sha256(stamp.encode()).hexdigest()[:32] + '"'


def if_match_holds(header: str, current: str) -> bool:
    """RFC 9110 If-Match: `*` or a strong match with one of the listed tags."""
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or current in tags


def lock_latest(instance):
    """The record's row as it is now, locked until the transaction ends (PostgreSQL)."""
    return type(instance)._default_manager.select_for_update().get(pk=instance.pk)


def last_change(instance) -> str:
    """Who changed the record last and when, in words, from its history if it has one."""
    history = getattr(instance, "history", None)
    latest = history.select_related("history_user").first() if history is not None else None
    when = timezone.localtime(instance.updated_at).strftime("%d %B %Y, %H:%M:%S")
    who = latest.history_user if latest is not None and latest.history_user else None
    return f"{who} changed it at {when}" if who else f"it was changed at {when}"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class VersionedViewSetMixin:
    """ETag on detail responses; If-Match checked on writes; every write one transaction."""

    writing = False

    def dispatch(self, request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            return super().dispatch(request, *args, **kwargs)
        self.writing = True
        with transaction.atomic():
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code >= 400:
                # Refused writes leave nothing behind, whatever ran before the refusal.
                transaction.set_rollback(True)
            return response

    def get_object(self):
        instance = super().get_object()
        # `writing`, not the method: OPTIONS asks as if for a PUT, to show the PUT's fields.
        if self.writing:
            instance = lock_latest(instance)
            header = self.request.headers.get("If-Match")
            if header is not None and not if_match_holds(header, etag(instance)):
                raise PreconditionFailed(
                    f"This record has changed since you read it ({last_change(instance)}). "
                    "Nothing was changed: fetch it again, apply your change to the new "
                    f"version and send it with If-Match: {etag(instance)}."
                )
        if self.action in {"retrieve", "update", "partial_update", "destroy"}:
            self.versioned_instance = instance
        return instance

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self.versioned_instance = serializer.instance

    def finalize_response(self, request, response, *args, **kwargs):
        instance = getattr(self, "versioned_instance", None)
        if instance is not None and 200 <= response.status_code < 300 and response.data:
            response["ETag"] = etag(instance)
        return super().finalize_response(request, response, *args, **kwargs)


class VersionedForm(forms.ModelForm):
    """Carries the version the form was opened at; refuses to save over a newer one."""

    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            # The stored version, not the instance's: a history page's form shows an older
            # version of the record, and reverting to it is a change made to the latest.
            self.fields[VERSION_FIELD].initial = version(
                type(self.instance)._default_manager.only("updated_at").get(pk=self.instance.pk)
            )

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get(VERSION_FIELD)
        if self.instance.pk and seen:
            latest = lock_latest(self.instance)
            if version(latest) != seen:
                raise ValidationError(
                    f"Someone else saved this record after you opened it: {last_change(latest)}. "
                    "Your changes were not saved. Open the record again to see theirs, then "
                    "make yours.",
                    code="changed_since_opened",
                )
        return cleaned


class VersionedAdminMixin:
    """For a ModelAdmin: the change form refuses to overwrite a newer version of the record."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(base.__name__, (VersionedForm, base), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or VERSION_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        *others, (name, options) = fieldsets
        return [*others, (name, {**options, "fields": [*options["fields"], VERSION_FIELD]})]
