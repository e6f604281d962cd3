"""Check constraints whose validation is remembered for one batch of writes.

Django validates a CheckConstraint in `full_clean()` by asking the database to evaluate its
condition: one query per constraint and record, four for a factory. The answer depends on
nothing but the values of the fields the condition reads, so within a batch
(regiondev.batch: a file's rows, the seed load) it is remembered for those values: a
20,000-row import whose rows have no coordinates asks the database once, not 80,000 times.
Outside a batch each check asks. The database still enforces every constraint on write; this
class changes only how often `full_clean()` asks, and migrations see Django's own
CheckConstraint.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DEFAULT_DB_ALIAS, models

from regiondev import batch

_EXCLUDED = object()  # stands for a field full_clean() was told to leave out


class CheckConstraint(models.CheckConstraint):
    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        running = batch.current()
        try:
            key = ("check", model._meta.label, self.name, using)
            key += self._values(model, instance, exclude)
            hash(key)
        except (FieldDoesNotExist, TypeError):  # not a plain value: ask the database each time
            running = None
        if running is None:
            super().validate(model, instance, exclude, using)
            return
        answers = running.answers
        if key not in answers:
            try:
                super().validate(model, instance, exclude, using)
            except ValidationError as error:
                answers[key] = error.messages[0]
            else:
                answers[key] = None
        if answers[key] is not None:
            raise ValidationError(answers[key], code=self.violation_error_code)

    def _values(self, model, instance, exclude) -> tuple:
        return tuple(
            (name, _EXCLUDED)
            if exclude and name in exclude
            else (name, getattr(instance, model._meta.get_field(name).attname))
            for name in sorted(self.condition.referenced_base_fields)
        )

    def deconstruct(self):
        _, args, kwargs = super().deconstruct()
        return "django.db.models.CheckConstraint", args, kwargs
