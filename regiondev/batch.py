"""What one batch of writes has read and what its earlier writes claimed.

A batch is a file's rows (a preview or an import), the seed load, or one save. The services
check every write through one: each question put to the database (does this county exist,
what does this check constraint say of these values, who holds this slug) is asked once per
batch and its answer kept for the batch's later writes, and a value an earlier write claimed
counts as taken whether or not it is written yet. A preview writes nothing, so it is the
batch, not the database, that lets it see what the rows before would have done: the preview
and the import refuse the same rows for the same reasons.

Nothing is remembered beyond the batch: the next one reads the database afresh.
"""

import contextvars
import dataclasses
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

_current: contextvars.ContextVar = contextvars.ContextVar("batch", default=None)


@dataclasses.dataclass(frozen=True)
class Row:
    """The owner of a record a file's row makes, before (or without) its being written: never
    equal to a record's id."""

    number: int

    def __str__(self) -> str:
        return f"row {self.number} of this file"


class Batch:
    def __init__(self):
        self.row: Row | None = None  # the file's row being written, if any
        self.answers: dict = {}  # question -> answer, for this batch only
        self.owners: dict = {}  # (model label, field, value) -> owner, None when free
        self.state: dict = {}  # what a service keeps for the batch, under its own names

    def owner_of(self, instance: models.Model):
        """Who `instance` is to the batch: its id, or the row making it."""
        return instance.pk if instance.pk is not None else self.row

    @contextmanager
    def active(self):
        """Check constraints (regiondev.constraints) keep their answers in this batch."""
        token = _current.set(self)
        try:
            yield self
        finally:
            _current.reset(token)

    def full_clean(self, instance: models.Model, *, exclude=()) -> None:
        """`instance.full_clean()`, step by step as Django takes it, but with each foreign key's
        existence and each single-field unique value asked of the database once per batch, and
        the values claimed by the batch's earlier writes taken."""
        exclude = set(exclude)
        fields = [field for field in instance._meta.concrete_fields if field.name not in exclude]
        related = [field for field in fields if field.is_relation]
        unique = [field for field in fields if field.unique and not field.primary_key]
        errors: dict = {}
        with self.active():
            try:
                instance.clean_fields(exclude={*exclude, *(field.name for field in related)})
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            for field in related:
                try:
                    self._clean_related(instance, field)
                except ValidationError as error:
                    errors.setdefault(field.name, []).extend(error.error_list)
            try:
                instance.clean()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            for field in unique:
                if field.name not in errors:
                    self._check_unique(instance, field, errors)
            refused = {*exclude, *(name for name in errors if name != NON_FIELD_ERRORS)}
            try:
                instance.validate_unique(exclude={*refused, *(field.name for field in unique)})
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            try:
                instance.validate_constraints(exclude=refused)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_related(self, instance: models.Model, field) -> None:
        """What clean_fields() does for a foreign key, its record's existence asked once."""
        raw = getattr(instance, field.attname)
        if field.blank and raw in field.empty_values:
            return
        value = field.to_python(raw)
        models.Field.validate(field, value, instance)  # null, blank, choices: no query
        field.run_validators(value)
        if value is None:
            return
        key = ("exists", field.related_model._meta.label, value)
        if key not in self.answers:
            try:
                field.validate(value, instance)
            except ValidationError as error:
                self.answers[key] = error
            else:
                self.answers[key] = None
        if self.answers[key] is not None:
            raise self.answers[key]

    def _check_unique(self, instance: models.Model, field, errors: dict) -> None:
        value = getattr(instance, field.attname)
        if value in (None, ""):
            return
        owner = self.holder(type(instance), field.name, value)
        if owner is None or owner == self.owner_of(instance):
            return
        message = (
            ValidationError(
                "%(row)s gives this %(field)s too: give each record its own.",
                code="unique",
                params={"row": str(owner).capitalize(), "field": field.verbose_name},
            )
            if isinstance(owner, Row)
            else instance.unique_error_message(type(instance), (field.name,))
        )
        errors.setdefault(field.name, []).append(message)

    def holder(self, model, field: str, value):
        """Who holds `value` in `model.field` as the batch knows it."""
        key = (model._meta.label, field, value)
        if key not in self.owners:
            self.read_holders(model, field, [value])
        return self.owners[key]

    def read_holders(self, model, field: str, values) -> None:
        """Read in few queries who holds each of `values` (a file's keys, say) in the database;
        what the batch knows already is kept."""
        label = model._meta.label
        wanted = [value for value in set(values) if (label, field, value) not in self.owners]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found = dict(
                model._base_manager.filter(**{f"{field}__in": chunk}).values_list(field, "pk")
            )
            for value in chunk:
                self.owners[label, field, value] = found.get(value)

    def claim(self, instance: models.Model, owner, before: dict) -> None:
        """Record `instance`'s unique values as `owner`'s (taken from owner_of() before the
        record was saved), and free those it held `before`."""
        label = instance._meta.label
        for name, new in self.unique_values(instance).items():
            old = before.get(name)
            if old not in (None, "") and old != new:
                self.owners[label, name, old] = None
            self.owners[label, name, new] = owner

    def unique_values(self, instance: models.Model) -> dict:
        """The single-field unique values `instance` holds, to pass to claim() after a change."""
        return {
            field.name: getattr(instance, field.attname)
            for field in instance._meta.concrete_fields
            if field.unique and not field.primary_key
        }


@dataclasses.dataclass
class Checked:
    """A write its service has checked: the record with the values it was checked with, what
    it relates to, and who it is to the batch. The service's save_checked() writes it as it
    stands, without validating again, and refuses a record changed since its check."""

    record: models.Model
    batch: Batch
    owner: object  # batch.owner_of(record) before the check
    relations: dict  # name -> the records to set, or None to leave them as they are
    before: dict = dataclasses.field(default_factory=dict)  # its unique values before the check
    seen: dict = dataclasses.field(init=False)

    def __post_init__(self):
        self.seen = self._values()

    def _values(self) -> dict:
        # The fields hold immutable values (text, numbers, dates): no copy is needed.
        return {
            field.attname: getattr(self.record, field.attname)
            for field in self.record._meta.concrete_fields
        }

    def confirm(self) -> None:
        """Refuse to write what was not checked: the record changed after its check."""
        changed = [name for name, value in self._values().items() if self.seen[name] != value]
        if changed:
            raise ValueError(
                f"{self.record._meta.label} changed after its check ({', '.join(changed)}): "
                "check it again before saving it."
            )


def current() -> Batch | None:
    """The batch whose checks are running, if any."""
    return _current.get()
