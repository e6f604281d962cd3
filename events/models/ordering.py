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


# The one order of sources where they are not under one event (a source list, a county's or
# a factory's sources): the latest first, undated last on every database, then by headline
# (a source with none, by its description) and id. `source_sort_key` is the same for loaded
# rows.
SOURCE_ORDER = [F("published_lower").desc(nulls_last=True), "title", "description", "id"]

# Under an event, sources run by directness (docs/data-and-method.md, "One order of events"):
# first DPRK state media's own report of it, published from the event's first possible day
# to OWN_REPORT_DAYS after its last; then every other source by how many days lie between
# its publication and the event, whoever published it, so a same-day foreign report comes
# before a state-media retrospective months later; undated sources last; then headline, id.
OWN_REPORT_DAYS = 3


def days_apart(lower, upper, other_lower, other_upper) -> int:
    """Days between two spans of days; 0 where they meet or overlap."""
    if other_upper < lower:
        return (lower - other_upper).days
    if other_lower > upper:
        return (other_lower - upper).days
    return 0


def directness_key(source, lower, upper) -> tuple:
    """The order of `source` (a Source) under a record dated `lower`..`upper`; a record
    with no date leaves SOURCE_ORDER's key."""
    published = source.published_lower
    if lower is None or upper is None:
        return (0, *source_key(published, source.title, source.description, source.pk))
    if published is None:
        return (3, 0, source.title, source.description, source.pk)
    published_upper = source.published_upper or published
    own = source.state_media and lower <= published and (published - upper).days <= OWN_REPORT_DAYS
    distance = days_apart(lower, upper, published, published_upper)
    return (1 if own else 2, distance, source.title, source.description, source.pk)


def source_key(published_lower, title: str, description: str, pk) -> tuple:
    """SOURCE_ORDER for loaded rows."""
    return (
        published_lower is None,
        -published_lower.toordinal() if published_lower else 0,
        title,
        description,
        pk,
    )


def by_directness(items, record, source=lambda item: item) -> list:
    """`items` (sources, or what holds one: `source(item)`) in their order under `record`,
    an event (or anything with `date_lower` and `date_upper`)."""
    lower = getattr(record, "date_lower", None)
    upper = getattr(record, "date_upper", None)
    return sorted(items, key=lambda item: directness_key(source(item), lower, upper))
