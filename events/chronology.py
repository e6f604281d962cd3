"""Ceremonies and guidance visits in one chronological order, for pages and feeds.

They are two tables, so a page of "events" is a UNION of (kind, id, date bounds) rows, ordered
and sliced in the database; only the rows on the page are then loaded as records, with what
the pages show of them, in a fixed number of queries.
"""

from django.db.models import CharField, Prefetch, Value

from events.choices import CeremonyKind
from events.models import Ceremony, GuidanceVisit, Photo

ROW_FIELDS = ("category", "id", "date_lower", "date_upper", "updated_at")
# Where two events share a date, the groundbreaking comes first and the inauguration last.
SAME_DAY_ORDER = {CeremonyKind.GROUNDBREAKING: 0, CeremonyKind.INAUGURATION: 2}


def event_rows(ceremonies, visits):
    """Both kinds of event as one queryset of ROW_FIELDS rows; order and slice it freely."""

    def rows(queryset, category):
        return (
            queryset.order_by()
            .annotate(category=Value(category, output_field=CharField()))
            .values_list(*ROW_FIELDS)
        )

    return rows(ceremonies, "ceremony").union(rows(visits, "visit"), all=True)


def with_details(queryset, *, photos: bool = False):
    """What every page shows of an event: its place, factories and sources; photos if asked."""
    related = ["sources", "factories"]
    if photos:
        related.append(Prefetch("photos", queryset=Photo.objects.select_related("source")))
    return queryset.select_related("county__province", "province").prefetch_related(*related)


def _mark(events, category):
    for event in events:
        event.category = category
    return events


def load_events(rows) -> list:
    """The events behind `event_rows` rows, in the rows' order."""
    rows = list(rows)
    wanted = {"ceremony": [], "visit": []}
    for category, pk, *_ in rows:
        wanted[category].append(pk)
    found = {}
    for category, model in (("ceremony", Ceremony), ("visit", GuidanceVisit)):
        if wanted[category]:
            for event in _mark(
                with_details(model.objects.filter(pk__in=wanted[category])), category
            ):
                found[category, event.pk] = event
    return [found[category, pk] for category, pk, *_ in rows]


def timeline(ceremonies, visits, *, photos: bool = False) -> list:
    """All of a place's or factory's events, oldest first; for the few one record has."""
    events = [
        *_mark(with_details(ceremonies, photos=photos), "ceremony"),
        *_mark(with_details(visits, photos=photos), "visit"),
    ]
    return sorted(
        events,
        key=lambda event: (
            event.date_lower,
            event.date_upper,
            SAME_DAY_ORDER.get(event.kind, 1) if event.category == "ceremony" else 1,
            event.pk,
        ),
    )
