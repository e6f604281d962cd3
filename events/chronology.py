"""Ceremonies and guidance visits in one chronological order, for pages and feeds.

They are two tables, so a page of "events" is a UNION of (kind, id, date bounds, same-day
rank) rows, ordered by EVENT_ORDER (events/models/ordering.py) and sliced in the database; only the
rows on the page are then loaded as records, with what the pages show of them, in a fixed
number of queries.
"""

from django.db.models import CharField, Prefetch, Value

from events.claims import judged
from events.models import (
    SOURCE_ORDER,
    Ceremony,
    Citation,
    GuidanceVisit,
    Photo,
    Source,
    chronological_key,
)
from sites.models import Factory

ROW_FIELDS = ("category", "id", "date_lower", "date_upper", "same_day_rank", "updated_at")


def event_rows(ceremonies, visits):
    """Both kinds of event as one queryset of ROW_FIELDS rows; order (`in_event_order()`)
    and slice it freely."""

    def rows(queryset, category):
        return (
            queryset.order_by()
            .ranked()
            .annotate(category=Value(category, output_field=CharField()))
            .values_list(*ROW_FIELDS)
        )

    return rows(ceremonies, "ceremony").union(rows(visits, "visit"), all=True)


def with_details(queryset, *, photos: bool = False, claims: bool = False):
    """What every page shows of an event: its place, and its `factory_list` by name,
    `source_list` in SOURCE_ORDER and (if asked) `photo_list` and `claim_list`, what each
    source states in Citation order; `marked()` adds the rest."""
    relations = [
        Prefetch("factories", Factory.objects.order_by("name", "pk"), to_attr="factory_list"),
        Prefetch("sources", Source.objects.order_by(*SOURCE_ORDER), to_attr="source_list"),
    ]
    if photos:
        relations.append(photos_prefetch())
    if claims:
        relations.append(
            Prefetch(
                "citations",
                Citation.objects.in_order().select_related("source"),
                to_attr="claim_list",
            )
        )
    return queryset.select_related("county__province", "province").prefetch_related(*relations)


def photos_prefetch() -> Prefetch:
    return Prefetch(
        "photos", Photo.objects.select_related("source").order_by("pk"), to_attr="photo_list"
    )


def marked(event, category: str):
    """The event with its `category` ("ceremony" or "visit"), as the templates read it."""
    event.category = category
    if not hasattr(event, "photo_list"):
        event.photo_list = []
    if hasattr(event, "claim_list"):
        judged(event, event.claim_list)
    return event


def load_events(rows) -> list:
    """The events behind `event_rows` rows, in the rows' order."""
    rows = list(rows)
    wanted = {"ceremony": [], "visit": []}
    for category, pk, *_ in rows:
        wanted[category].append(pk)
    found = {}
    for category, model in (("ceremony", Ceremony), ("visit", GuidanceVisit)):
        if wanted[category]:
            for event in with_details(model.objects.filter(pk__in=wanted[category])):
                found[category, event.pk] = marked(event, category)
    return [found[category, pk] for category, pk, *_ in rows]


def timeline(ceremonies, visits, *, photos: bool = False) -> list:
    """All of a place's or factory's events in EVENT_ORDER; for the few one record has."""
    events = [
        *(marked(event, "ceremony") for event in with_details(ceremonies, photos=photos)),
        *(marked(event, "visit") for event in with_details(visits, photos=photos)),
    ]
    return sorted(events, key=chronological_key)
