"""Ceremonies and guidance visits in one chronological order, for pages and feeds.

They are two tables, so a page of "events" is a UNION of (kind, id, date bounds) rows, ordered
and sliced in the database; only the rows on the page are then loaded as records, with what
the pages show of them, in a fixed number of queries.
"""

from django.db.models import CharField, Value

from events.choices import CeremonyKind
from events.claims import claim_order, judged
from events.models import Ceremony, Citation, GuidanceVisit, Photo, Source
from regiondev.packing import fields_of, packed, unpack
from sites.models import Factory

ROW_FIELDS = ("category", "id", "date_lower", "date_upper", "updated_at")
FACTORY_FIELDS = fields_of("id", "slug", "name")
SOURCE_NAMES = ("id", "title", "publisher", "published", "published_lower", "published_upper")
SOURCE_FIELDS = fields_of(*SOURCE_NAMES)
PHOTO_FIELDS = {
    **fields_of("id", "image", "thumbnail", "caption", "credit", "width", "height"),
    **fields_of(*SOURCE_NAMES, prefix="source__"),
}
PHOTO_LINK = {Ceremony: "ceremony", GuidanceVisit: "visit"}
# What a list of events shows of a departing claim (no quote: the event's page has it).
CLAIM_FIELDS = {
    **fields_of(
        "id",
        "date_as_written",
        "date",
        "date_lower",
        "date_upper",
        "leader_present",
        "place_as_written",
        "facilities_as_written",
        "note",
        "follows",
    ),
    **fields_of(*SOURCE_NAMES, "state_media", prefix="source__"),
}
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


def with_details(queryset, *, photos: bool = False, claims: bool = False):
    """What every page shows of an event, in the event's own query: its place, and its
    factories and sources (and photos and claims, if asked) packed (regiondev/packing.py);
    `unpacked()` turns them into records."""
    model = queryset.model
    packs = {
        "packed_factories": packed(
            Factory.objects.all(),
            model._meta.get_field("factories").related_query_name(),
            FACTORY_FIELDS,
        ),
        "packed_sources": packed(
            Source.objects.all(),
            model._meta.get_field("sources").related_query_name(),
            SOURCE_FIELDS,
        ),
    }
    if photos:
        packs["packed_photos"] = packed(
            Photo.objects.all(), Photo._meta.get_field(PHOTO_LINK[model]).name, PHOTO_FIELDS
        )
    if claims:
        packs["packed_claims"] = packed(Citation.objects.all(), PHOTO_LINK[model], CLAIM_FIELDS)
    return queryset.select_related("county__province", "province").annotate(**packs)


def unpacked(event, category: str):
    """The event as the pages show it: its `category`, and its `factory_list`,
    `source_list` and `photo_list` in their order, from `with_details`."""
    event.category = category
    event.factory_list = sorted(unpack(Factory, event.packed_factories), key=by_name)
    event.source_list = sorted(unpack(Source, event.packed_sources), key=newest_first)
    event.photo_list = sorted(
        unpack(Photo, getattr(event, "packed_photos", None), source=Source), key=by_pk
    )
    if hasattr(event, "packed_claims"):
        judged(event, sorted(unpack(Citation, event.packed_claims, source=Source), key=claim_order))
    return event


def by_name(record):
    return (record.name, record.pk)


def by_pk(record):
    return record.pk


def newest_first(source: Source):
    """Sources as their lists show them: the latest first, undated last, then by title."""
    lower = source.published_lower
    return (lower is None, -lower.toordinal() if lower else 0, source.title, source.pk)


def _mark(events, category):
    return [unpacked(event, category) for event in events]


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
    return timeline_order(events)


def timeline_order(events) -> list:
    """Oldest first; on a shared date the groundbreaking first and the inauguration last."""
    return sorted(
        events,
        key=lambda event: (
            event.date_lower,
            event.date_upper,
            SAME_DAY_ORDER.get(event.kind, 1) if event.category == "ceremony" else 1,
            event.pk,
        ),
    )
