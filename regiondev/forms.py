import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.models import construct_instance
from django.utils.html import escape
from django.utils.safestring import mark_safe

_PAGE_PATH = re.compile(r"(?<=\s)(/[a-z]+/[a-z]+/\d+/)")


def linked(message: str) -> str:
    """The message with the pages it names (the existing ceremony, …) as links."""
    return mark_safe(_PAGE_PATH.sub(r'<a href="\1">\1</a>', escape(message)))  # noqa: S308


class ServiceForm(forms.ModelForm):
    """The form of a record written through its service, validated once, by the service.

    The form reads its fields; the service's check, not the model's full_clean() beside it,
    validates the record (its own fields, then the rules across records, every reason at once)
    and returns what passed, which the save hands to the service's save_checked() to write
    without validating again. A subclass names the fields the service takes, the fields
    without which there is nothing to check, and `check(values)`.
    """

    service_fields: tuple[str, ...] = ()
    needed_for_check: tuple[str, ...] = ()
    checked = None  # what the service's check passed, once the form is valid

    def service_values(self) -> dict:
        """The service's keyword arguments; a field the form could not read is left to the
        service's default, its error already shown."""
        values = {name: self.cleaned_data.get(name) for name in self.service_fields}
        return {name: value for name, value in values.items() if value is not None}

    def check(self, values: dict):
        raise NotImplementedError

    def _post_clean(self):
        opts = self._meta
        try:
            self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)
        except ValidationError as error:
            self._update_errors(error)
        if not set(self.needed_for_check) <= set(self.cleaned_data):
            return
        try:
            self.checked = self.check(self.service_values())
        except ValidationError as error:
            self._update_errors(ValidationError(self._unseen(error)))

    def _unseen(self, error: ValidationError) -> dict:
        """The service's reasons the form's own fields have not given, each under its field (or
        the form's, for a field it does not show), with the pages they name linked."""
        unseen: dict = {}
        for field, messages in error.message_dict.items():
            if field in self.errors:
                continue
            key = field if field in self.fields else NON_FIELD_ERRORS
            unseen.setdefault(key, []).extend(linked(message) for message in messages)
        return unseen
