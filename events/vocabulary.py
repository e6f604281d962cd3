"""The words people search events by, in English and Korean, beside the places.

A search for "inauguration", "준공식", "field guidance" or "Kim Jong Un" means a kind of event
or the leader's presence, not a place; these tables say which. Words are matched as the
start of a word in the query, case ignored, so "inaugurations" and "groundbreaking
ceremony" are understood too.
"""

import re

from events.choices import CeremonyKind, VisitKind

# (model name, kind) → words that name it.
KIND_WORDS = {
    ("ceremony", CeremonyKind.GROUNDBREAKING): (
        "groundbreaking",
        "ground-breaking",
        "ground breaking",
        "start of construction",
        "착공",
    ),
    ("ceremony", CeremonyKind.INAUGURATION): (
        "inauguration",
        "inaugural",
        "completion ceremony",
        "opening ceremony",
        "준공",
    ),
    ("guidancevisit", VisitKind.FIELD_GUIDANCE): ("field guidance", "현지지도", "현지 지도"),
    ("guidancevisit", VisitKind.CONSULTATIVE_MEETING): (
        "consultative meeting",
        "consultation",
        "협의회",
    ),
}
# The leader, by the names the sources give him; an event he attended is found by them.
LEADER_NAMES = ("kim jong un", "kim jong-un", "김정은", "marshal kim", "the leader")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def _names(query: str, words) -> bool:
    """Whether the query holds one of the words, or is the start of one (3 letters at least)."""
    query = _normal(query)
    return any(word in query or (len(query) >= 3 and word.startswith(query)) for word in words)


def kinds_named(model_name: str, query: str) -> list[str]:
    """The kinds of event of this model that the query names."""
    return [
        kind
        for (model, kind), words in KIND_WORDS.items()
        if model == model_name and _names(query, words)
    ]


def names_the_leader(query: str) -> bool:
    return _names(query, LEADER_NAMES)
