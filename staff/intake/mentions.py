"""From mentions to events: a sentence naming a kind proposes one event per place it names;
mentions of the same kind at the same place are one event, at the most precise date they
give."""

from staff.intake.kinds import leader_present
from staff.intake.places import targets
from staff.intake.proposals import ProposedEvent


def propose(kind, sentence, places, found_dates) -> list[ProposedEvent]:
    # The sentence's most precise date: "In 2024, … on February 28" is the 28th.
    date = min(found_dates, key=lambda found: found.upper - found.lower, default=None)
    pairs = targets(places)
    ambiguous = [found for found in places if len(found.candidates) > 1 and found.place is None]
    proposals = []
    for county, province in pairs or ([] if ambiguous else [(None, None)]):
        place_found = next((f for f in places if f.place in (county, province)), None)
        proposals.append(_event(kind, sentence, county, province, date, place_found))
    for found in ambiguous:
        event = _event(kind, sentence, None, None, date, found)
        event.candidates = list(found.candidates)
        proposals.append(event)
    return proposals


def _event(kind, sentence, county, province, date, place_found) -> ProposedEvent:
    return ProposedEvent(
        kind=kind,
        date=date.edtf if date else "",
        lower=date.lower if date else None,
        upper=date.upper if date else None,
        county=county,
        province=province,
        sentence=sentence,
        leader_present=leader_present(sentence),
        place_found=place_found,
        date_found=date,
        sentences=[sentence],
    )


def _same_place(one: ProposedEvent, other: ProposedEvent) -> bool:
    if one.candidates or other.candidates:
        return one.candidates == other.candidates and one.county is None and other.county is None
    return (one.county, one.province) == (other.county, other.province)


def _compatible(one: ProposedEvent, other: ProposedEvent) -> bool:
    if one.lower is None or other.lower is None:
        return True
    return (one.lower <= other.lower and other.upper <= one.upper) or (
        other.lower <= one.lower and one.upper <= other.upper
    )


def merge(candidates: list[ProposedEvent]) -> list[ProposedEvent]:
    """One event per kind and place, unless the report gives dates that cannot be one day.

    An undated mention joins the event of its kind and place told last before it (or first
    after it); a dated one joins an event whose dates hold it, and sharpens it.
    """
    events: list[ProposedEvent] = []
    for candidate in candidates:
        same = [
            event
            for event in events
            if event.kind == candidate.kind and _same_place(event, candidate)
        ]
        if candidate.lower is None or candidate.said_today:
            target = same[-1] if same else None
        else:
            target = next(
                (
                    event
                    for event in reversed(same)
                    if event.said_today or _compatible(event, candidate)
                ),
                None,
            )
        if target is None:
            events.append(candidate)
            continue
        _absorb(target, candidate)
    return events


def _absorb(event: ProposedEvent, other: ProposedEvent) -> None:
    if other.lower is not None and (
        event.lower is None
        or (event.said_today and not other.said_today)
        or (
            event.said_today == other.said_today
            and (other.upper - other.lower) < (event.upper - event.lower)
        )
    ):
        event.date, event.lower, event.upper = other.date, other.lower, other.upper
        event.date_found, event.sentence = other.date_found, other.sentence
    if event.place_from_context and not other.place_from_context:
        event.place_from_context, event.place_found = False, other.place_found
    event.leader_present = event.leader_present or other.leader_present
    for sentence in other.sentences:
        if sentence not in event.sentences:
            event.sentences.append(sentence)
