"""What happened and who says so: ceremonies, guidance visits, sources and photos.

One module per concern (orderings, querysets, events, sources, photos); the models are
imported here, in the order they are registered, so `events.models.Ceremony` stays their path.
"""

# isort: off
# In the order the models were always registered, which the whole record's JSON follows.
from events.models.events import CITING_FIELD, Ceremony, DatedModel, Event, GuidanceVisit
from events.models.sources import OPEN_START, UNKNOWN_YEAR, Citation, Source, source_sort_key
from events.models.photos import Photo
from events.models.people import LEADER_SLUG, Appearance, Person

# isort: on
from events.models.ordering import (
    EVENT_ORDER,
    LATEST_FIRST,
    OTHER_RANK,
    OWN_REPORT_DAYS,
    SAME_DAY_RANK,
    SOURCE_ORDER,
    by_directness,
    chronological_key,
    in_event_order,
    same_day_rank,
)
from events.models.querysets import CitationQuerySet, EventQuerySet

__all__ = [
    "CITING_FIELD",
    "EVENT_ORDER",
    "LATEST_FIRST",
    "LEADER_SLUG",
    "OPEN_START",
    "OTHER_RANK",
    "OWN_REPORT_DAYS",
    "SAME_DAY_RANK",
    "SOURCE_ORDER",
    "UNKNOWN_YEAR",
    "Appearance",
    "Ceremony",
    "Citation",
    "CitationQuerySet",
    "DatedModel",
    "Event",
    "EventQuerySet",
    "GuidanceVisit",
    "Person",
    "Photo",
    "Source",
    "by_directness",
    "chronological_key",
    "in_event_order",
    "same_day_rank",
    "source_sort_key",
]
