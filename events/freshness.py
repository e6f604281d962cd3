"""How current the record is: the publication date of the newest source and the date of the
newest event that cites one, read in one query and kept for the data's generation
(regiondev/caching.py), so pages and downloads say it without asking again."""

from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Subquery

from events.models import Ceremony, Citation, GuidanceVisit, Source
from regiondev import dates
from regiondev.caching import TIMEOUT, generation

KEY = "regiondev:as-of:{generation}"
# Each kind of event by the Citation field that points at it.
EVENT_MODELS = {"ceremony": Ceremony, "visit": GuidanceVisit}
BOUNDS = ("date", "date_lower", "date_upper")
ANNOTATED = [f"{name}_{bound}" for name in EVENT_MODELS for bound in BOUNDS]


class Span(NamedTuple):
    """A date as its earliest and latest day, and its EDTF text."""

    text: str
    lower: object
    upper: object

    def in_words(self) -> str:
        return dates.in_words(self.lower, self.upper)


class AsOf(NamedTuple):
    source: Span | None
    event: Span | None


def newest_event(name: str, bound: str) -> Subquery:
    """`bound` of the latest-starting event of kind `name` that cites a source (one without
    is a draft, not part of the public record)."""
    cited = Citation.objects.filter(**{name: OuterRef("pk")})
    return Subquery(
        EVENT_MODELS[name]
        .objects.filter(Exists(cited))
        .order_by("-date_lower", "-date_upper")
        .values(bound)[:1]
    )


def read() -> AsOf:
    """One query: the newest dated source, with the newest event of each kind beside it."""
    row = (
        Source.objects.filter(published_lower__isnull=False)
        .order_by("-published_lower", "-published_upper")
        .annotate(
            **{
                f"{name}_{bound}": newest_event(name, bound)
                for name in EVENT_MODELS
                for bound in BOUNDS
            }
        )
        .values("published", "published_lower", "published_upper", *ANNOTATED)
        .first()
    )
    if row is None:
        return AsOf(None, None)
    events = [
        Span(row[f"{name}_date"], row[f"{name}_date_lower"], row[f"{name}_date_upper"])
        for name in EVENT_MODELS
        if row[f"{name}_date_lower"] is not None
    ]
    return AsOf(
        Span(row["published"], row["published_lower"], row["published_upper"]),
        max(events, key=lambda span: (span.lower, span.upper), default=None),
    )


def data_as_of() -> AsOf:
    """`read()`, once per generation of the data."""
    key = KEY.format(generation=generation())
    found = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, TIMEOUT)
    return found


def in_plain_text(as_of: AsOf) -> str:
    """For the downloads' README: ISO dates as EDTF, as the CSVs give them."""
    source = as_of.source.text if as_of.source else "none"
    event = as_of.event.text if as_of.event else "none"
    return (
        f"Data as of: the newest source was published {source}; the newest event is dated {event}."
    )
