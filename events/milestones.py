"""A factory's status and key dates, as its cited ceremonies decide them: a draft (a ceremony
that cites no source yet) is not public, so it changes nothing a visitor sees.

They are stored on the factory (sites.models.MILESTONE_FIELDS) for filtering and ordering;
the events that decide them live here, above the places, which do not import events.
"""

from events.choices import CeremonyKind
from events.models import Ceremony
from sites.choices import FactoryStatus
from sites.models import Factory


def milestones(factory: Factory) -> dict:
    """Status and key dates as the ceremonies of the factory's first phase give them (a repeat,
    marked as a second phase or re-inauguration, is a later phase)."""
    first = {}
    for ceremony in Ceremony.objects.public().filter(
        factories=factory,
        kind__in=[CeremonyKind.GROUNDBREAKING, CeremonyKind.INAUGURATION],
        repeat="",
    ).chronological():
        first.setdefault(ceremony.kind, ceremony)
    groundbreaking = first.get(CeremonyKind.GROUNDBREAKING)
    inauguration = first.get(CeremonyKind.INAUGURATION)
    if inauguration:
        status = FactoryStatus.OPERATING
    elif groundbreaking:
        status = FactoryStatus.UNDER_CONSTRUCTION
    else:
        status = FactoryStatus.PLANNED
    return {
        "status": status,
        "groundbreaking_date": groundbreaking.date if groundbreaking else "",
        "groundbreaking_lower": groundbreaking.date_lower if groundbreaking else None,
        "groundbreaking_upper": groundbreaking.date_upper if groundbreaking else None,
        "inauguration_date": inauguration.date if inauguration else "",
        "inauguration_lower": inauguration.date_lower if inauguration else None,
        "inauguration_upper": inauguration.date_upper if inauguration else None,
    }


def refresh_milestones(factory: Factory) -> None:
    """Store the derived status and dates; an update, so it adds no history row."""
    values = milestones(factory)
    for field, value in values.items():
        setattr(factory, field, value)
    Factory.objects.filter(pk=factory.pk).update(**values)
