"""Ceremonies and guidance visits in one chronological order, for pages and feeds.

They are two tables, so a page of "events" is a UNION of (kind, id, date bounds, same-day
rank) rows, ordered by EVENT_ORDER (events/models/ordering.py) and sliced in the database; only the
rows on the page are then loaded as records, with what the pages show of them, in a fixed
number of queries.

Everything here is read for public pages and feeds, so only public events (and factories)
are read: a draft, an event that cites no source yet, is left out here for all of them
(`public()`, sites/models.py CitedQuerySet).
"""

from itertools import islice

from django.db.models import CharField, Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from events.claims import judged
from events.models import (
    SOURCE_ORDER,
    Ceremony,
    Citation,
    GuidanceVisit,
    Photo,
    Source,
    by_directness,
    chronological_key,
    in_event_order,
)
from sites.models import Factory

ROW_FIELDS = ("category", "id", "date_lower", "date_upper", "same_day_rank", "updated_at")
# Rows of events loaded as records at a time where a list is read whole (the CSV).
CHUNK = 500

# The orders the events list offers, one a column, by the `ordering` values of its links
# ("-place" reverses "place"): the columns each sorts on. Ties keep the one event order,
# newest first, which is also the list's own order ("-date"; "date" is oldest first).
SORTS = {
    "date": (),
    "kind": ("category", "kind"),
    "place": ("place_key",),
    "leader": ("leader_present",),
    "sources": ("source_count",),
}
DEFAULT_SORT = "-date"


def sort_choices() -> list[str]:
    return [value for key in SORTS for value in (key, f"-{key}")]


def sorted_by(sort: str) -> list[str]:
    """`order_by()` arguments of an `event_rows(sort=sort)` queryset."""
    key = sort.removeprefix("-")
    descending = sort.startswith("-")
    if not SORTS[key]:
        return in_event_order(newest_first=descending)
    columns = [f"-{column}" if descending else column for column in SORTS[key]]
    return [*columns, *in_event_order(newest_first=True)]


def sort_column(name: str, category: str, *, korean: bool):
    """A column SORTS asks for that the model does not have, for `event_rows()`."""
    if name == "place_key":  # the place as the table names it, in the page's language
        names = ("name_ko", "name") if korean else ("name",)
        return Coalesce(
            *(NullIf(F(f"county__{field}"), Value("")) for field in names),
            NullIf(F("place_name"), Value("")),
            *(NullIf(F(f"province__{field}"), Value("")) for field in names),
            Value(""),
        )
    if name == "source_count":
        cited = Citation.objects.filter(**{category: OuterRef("pk")}).order_by()
        return Coalesce(
            Subquery(cited.values(category).annotate(n=Count("*")).values("n")),
            0,
            output_field=IntegerField(),
        )
    return None


def event_rows(ceremonies, visits, *, sort: str = "", korean: bool = False):
    """Both kinds of event as one queryset of ROW_FIELDS rows (and the columns `sort`, one of
    SORTS, needs); order (`in_event_order()`, `sorted_by(sort)`) and slice it freely."""
    extra = SORTS[sort.removeprefix("-")] if sort else ()

    def rows(queryset, category):
        added = {
            name: column
            for name in extra
            if (column := sort_column(name, category, korean=korean)) is not None
        }
        return (
            queryset.order_by()
            .ranked()
            .annotate(category=Value(category, output_field=CharField()), **added)
            .values_list(*ROW_FIELDS, *(name for name in extra if name != "category"))
        )

    return rows(ceremonies.public(), "ceremony").union(rows(visits.public(), "visit"), all=True)


def with_details(queryset, *, photos: bool = False, claims: bool = False):
    """What every page shows of an event: its place, and its `factory_list` by name,
    `source_list` (by directness, once `marked()`) and (if asked) `photo_list` and
    `claim_list`, what each source states; `marked()` orders and adds the rest."""
    relations = [
        Prefetch(
            "factories",
            Factory.objects.public().select_related("county").order_by("name", "pk"),
            to_attr="factory_list",
        ),
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
    return (
        queryset.public()
        .select_related("county__province", "province")
        .prefetch_related(*relations)
    )


def photos_prefetch() -> Prefetch:
    return Prefetch(
        "photos",
        Photo.objects.public().select_related("source").order_by("pk"),
        to_attr="photo_list",
    )


def marked(event, category: str):
    """The event with its `category` ("ceremony" or "visit"), as the templates read it."""
    event.category = category
    if hasattr(event, "source_list"):
        event.source_list = by_directness(event.source_list, event)
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


def every_event(rows):
    """The events behind `event_rows` rows, every one, loaded CHUNK at a time."""
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK)):
        yield from load_events(chunk)


def timeline(ceremonies, visits, *, photos: bool = False) -> list:
    """All of a place's or factory's events in EVENT_ORDER; for the few one record has."""
    events = [
        *(marked(event, "ceremony") for event in with_details(ceremonies, photos=photos)),
        *(marked(event, "visit") for event in with_details(visits, photos=photos)),
    ]
    return sorted(events, key=chronological_key)
