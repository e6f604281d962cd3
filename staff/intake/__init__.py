"""Article intake: read a pasted report against the gazetteer and propose records.

`read_article()` (reading.py) is a plain function that writes nothing, so it can run outside
a request; `confirm()` (confirm.py) stores what staff chose. The reading is split by concern:
the report's frame (frame.py), dates (dates.py), places (places.py), event kinds, people and
facilities (kinds.py), mentions merged into events (mentions.py), the proposals (proposals.py)
and what is stored of them (stored.py).
"""

from staff.intake.confirm import Choice, Outcome, build_event, confirm, describe_source
from staff.intake.kinds import EVENT_KINDS
from staff.intake.proposals import ProposedEvent, Reading
from staff.intake.reading import read_article
from staff.intake.stored import existing_source

__all__ = [
    "EVENT_KINDS",
    "Choice",
    "Outcome",
    "ProposedEvent",
    "Reading",
    "build_event",
    "confirm",
    "describe_source",
    "existing_source",
    "read_article",
]
