"""A record's history gains a version only when the record changed: saving or reloading it
as it was (a form saved untouched, a file imported twice, the seed loaded again) adds none.

django-simple-history adds a version on every save; `History` reads the stored row just
before the save (one query) and skips the version when no field a person can change differs.
"""

from django.db import models
from simple_history.models import HistoricalRecords

# Moved by every save, whatever changed.
BOOKKEEPING = {"updated_at"}


class History(HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            models.signals.pre_save.connect(self.note_unchanged, sender=sender, weak=False)

    def note_unchanged(self, sender, instance, raw=False, using=None, **kwargs):
        instance._saved_unchanged = not raw and unchanged(instance, using)

    def post_save(self, instance, created, using=None, **kwargs):
        if not created and getattr(instance, "_saved_unchanged", False):
            return
        super().post_save(instance, created, using=using, **kwargs)


def unchanged(instance: models.Model, using=None) -> bool:
    """Whether the stored row already holds every value a person can change."""
    if instance.pk is None:
        return False
    # What a person can change; the rest (search keys, date bounds, a factory's status) is
    # derived from it or from other records.
    names = [
        field.attname
        for field in instance._meta.concrete_fields
        if field.editable and field.name not in BOOKKEEPING and not field.primary_key
    ]
    manager = type(instance)._base_manager.using(using)
    stored = manager.filter(pk=instance.pk).values(*names).first()
    return stored is not None and all(stored[name] == getattr(instance, name) for name in names)
