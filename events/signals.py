"""Keep each factory's derived status and dates in step with its ceremonies."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from events.models import Ceremony
from sites.models import Factory


def _refresh(factories) -> None:
    for factory in factories:
        factory.refresh_milestones()


@receiver(post_save, sender=Ceremony)
def ceremony_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh(instance.factories.all())


@receiver(pre_delete, sender=Ceremony)
def ceremony_deleting(sender, instance, **kwargs):
    instance._factories_before_delete = list(instance.factories.all())


@receiver(post_delete, sender=Ceremony)
def ceremony_deleted(sender, instance, **kwargs):
    _refresh(getattr(instance, "_factories_before_delete", []))


@receiver(m2m_changed, sender=Ceremony.factories.through)
def ceremony_factories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        instance._factories_before_clear = [instance] if reverse else list(instance.factories.all())
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # factory.ceremonies.add(...): the instance is the factory
        _refresh([instance])
    elif action == "post_clear":
        _refresh(getattr(instance, "_factories_before_clear", []))
    else:
        _refresh(Factory.objects.filter(pk__in=pk_set or ()))
