"""Whether a save would change anything: a save that changes nothing must not add a version
to the record's history (django-simple-history adds one for every save)."""

from django.db import models

# Bookkeeping that every save moves by itself.
IGNORED = {"updated_at"}


def differs_from_stored(instance: models.Model) -> bool:
    """True for a new record, or when any stored column would take another value."""
    if instance.pk is None:
        return True
    names = [
        field.attname
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.name not in IGNORED
    ]
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*names).first()
    return stored is None or any(stored[name] != getattr(instance, name) for name in names)
