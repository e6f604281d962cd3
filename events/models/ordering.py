"""The one order of events and the one order of sources, in SQL and for loaded records."""

from django.db import models
from django.db.models import Case, F, Value, When

from events.choices import CeremonyKind

# The one order of events, for pages, the API timeline, feeds and exports: oldest first by
# the date bounds; where two events share them, the groundbreaking first and the
# inauguration last, so a factory's path reads in the order it was taken; then the id.
SAME_DAY_RANK = {CeremonyKind.GROUNDBREAKING: 0, CeremonyKind.INAUGURATION: 2}
OTHER_RANK = 1
EVENT_ORDER = ("date_lower", "date_upper", "same_day_rank", "id")


def same_day_rank():
    """SAME_DAY_RANK in SQL, for `EventQuerySet.ranked()`."""
    return Case(
        *(When(kind=kind, then=Value(rank)) for kind, rank in SAME_DAY_RANK.items()),
        default=Value(OTHER_RANK),
        output_field=models.IntegerField(),
    )


def event_ordering() -> list:
    """EVENT_ORDER as a model's `Meta.ordering`: without the same-day rank, which is computed,
    so that the dates-and-id index serves the default order; `chronological()` adds it."""
    return [name for name in EVENT_ORDER if name != "same_day_rank"]


def chronological_key(event) -> tuple:
    """EVENT_ORDER for events already loaded (ceremonies and visits together)."""
    return (
        event.date_lower,
        event.date_upper,
        SAME_DAY_RANK.get(event.kind, OTHER_RANK),
        event.pk,
    )


# Newest first by the earliest day a date may mean, the more precise date first where two
# share that day, so a vague date never outranks a precise later one: "2024" comes after
# 20 December 2024, "early 2025" before it. Same-day kinds and ids are EVENT_ORDER reversed.
LATEST_FIRST = ("-date_lower", "date_upper", "-same_day_rank", "-id")


def in_event_order(*, newest_first: bool = False) -> list[str]:
    """EVENT_ORDER (or LATEST_FIRST) as `order_by()` arguments."""
    return list(LATEST_FIRST if newest_first else EVENT_ORDER)


# The one order of sources wherever a record's sources are listed: the latest first, undated
# last on every database, then by title and id. `source_sort_key` is the same for loaded rows.
SOURCE_ORDER = [F("published_lower").desc(nulls_last=True), "title", "id"]
