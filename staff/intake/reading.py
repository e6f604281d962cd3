"""Reading a report into proposed records: `read_article()`, a plain function, no request.

The frame is read first (header, dateline, language), then each sentence for places, dates
and event kinds. A sentence naming a kind proposes one event per place it names, dated by its
first date (mentions.py); without a place of its own it takes the report's subject (the first
county of its title or lead), marked as such. Mentions of the same kind at the same place in
one report are one event, at the most precise date they give. Then the proposals
(proposals.py) are compared with what is stored, and each is ticked only when it has a named
place, a kind and a date at day or month precision, and is not stored already; the others
say why not.
"""

import datetime

from django.core.exceptions import ValidationError
from rapidfuzz import fuzz

from events.models import Ceremony
from regiondev import dates
from sites.models import County, Factory
from staff.intake.dates import DateReader, FoundDate
from staff.intake.frame import (
    Frame,
    dateline_date,
    read_frame,
    sentences,
)
from staff.intake.kinds import (
    LEADER,
    SIMILAR,
    facilities_in,
    kinds_in,
    leader_present,
    present_in,
    speakers_in,
)
from staff.intake.mentions import merge, propose
from staff.intake.places import FoundPlace, Gazetteer, resolve_by_province
from staff.intake.proposals import Facility, Reading, reasons
from staff.intake.stored import existing_source, mark_existing

FACTORY_MATCH = 80


def publication_of(frame: Frame, published: str) -> dates.FuzzyDate | None:
    """The publication date: as given, sharpened by the dateline's day, or the archive's."""
    given = None
    if published:
        try:
            given = dates.read(published)
        except ValidationError:
            given = None
    year = given.lower.year if given and given.lower.year == given.upper.year else None
    if year is None and frame.published:
        year = frame.published.year
    day = dateline_date(frame, year) or frame.published
    if day and (given is None or given.lower <= day <= given.upper):
        return dates.FuzzyDate(text=day.isoformat(), lower=day, upper=day)
    return given


def read_article(*, text: str, published: str = "", title: str = "", url: str = "") -> Reading:
    """Propose places, dates and events for a report; writes nothing."""
    frame = read_frame(text)
    publication = publication_of(frame, published)
    body = "\n".join(
        part for part in (frame.title if frame.title != title else "", frame.body) if part
    )
    reading = Reading(frame=frame, published=publication, sentences=sentences(body))
    gazetteer, date_reader = Gazetteer(), DateReader(publication, frame.language)
    heading = [*gazetteer.names_in(title or frame.title, -1)] if (title or frame.title) else []
    candidates, speakers, present, leader_there = [], [], [], False
    previous_kinds = []
    for number, sentence in enumerate(reading.sentences):
        context_year = date_reader.context_year
        places = gazetteer.names_in(sentence, number)
        found_dates = date_reader.dates_in(sentence, number)
        reading.places.extend(places)
        reading.dates.extend(found_dates)
        speakers += speakers_in(sentence)
        if who := present_in(sentence):
            present.append(who)
            leader_there = leader_there or bool(LEADER.search(who))
        kinds = [kind for kind, mention in kinds_in(sentence) if not mention]
        if not kinds and SIMILAR.search(sentence):
            kinds = previous_kinds[-1:]
        previous_kinds += kinds
        if not kinds and leader_present(sentence) and not places and not found_dates:
            leader_there = True  # "Kim Jong Un … was present at the ceremony."
        if not found_dates and context_year:
            # Reports tell their story in order: an undated event is in the year told last.
            found_dates = [_year_of(context_year, number)]
        for kind in kinds:
            candidates += propose(kind, sentence, places, found_dates)
    # A name two counties share is settled by a province named anywhere in the report.
    resolve_by_province(reading.places, [*heading, *reading.places])
    subject = _subject(heading, reading.places)
    for event in candidates:
        if event.county is None and event.place_found and event.place_found.place:
            place = event.place_found.place
            event.county, event.province = (
                (place, place.province) if isinstance(place, County) else (None, place)
            )
            event.candidates = []
        elif event.county is None and event.province is None and not event.candidates and subject:
            event.county, event.province, event.place_from_context = subject, subject.province, True
    reading.events = merge(candidates)
    facilities = list(
        {
            text.casefold().replace("-", " "): text
            for sentence in reading.sentences
            for text in facilities_in(sentence)
        }.values()
    )
    _attach_people_and_facilities(reading.events, speakers, present, leader_there, facilities)
    reading.source = existing_source(title=title, url=url)
    mark_existing(reading.events, reading.source)
    for event in reading.events:
        event.reasons = reasons(event)
    return reading


def _year_of(year: int, number: int) -> FoundDate:
    lower, upper = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return FoundDate("", number, str(year), lower, upper, from_context=True)


def _subject(heading: list[FoundPlace], places: list[FoundPlace]) -> County | None:
    """The county a report is about: the one it names, or the one its title names."""
    named = {found.place for found in [*heading, *places] if isinstance(found.place, County)}
    if len(named) == 1:
        return named.pop()
    titled = {found.place for found in heading if isinstance(found.place, County)}
    return titled.pop() if len(titled) == 1 else None


def _attach_people_and_facilities(events, speakers, present, leader_there, facilities) -> None:
    """Who spoke, who was there and what was built belong to the report's main event."""
    told = [event for event in events if event.precise and event.county]
    # Reports lead with their own event; a ceremony's speakers belong to a ceremony.
    main = [event for event in told if event.model is Ceremony][:1] or told[:1]
    for event in main:
        event.speakers = list(dict.fromkeys(speakers))
        event.present = "; ".join(present)
        event.leader_present = event.leader_present or leader_there
    counties = {event.county for event in events if event.county}
    stored = {}
    for factory in Factory.objects.filter(county__in=counties).order_by("pk"):
        stored.setdefault(factory.county_id, []).append(factory)
    for event in events:
        if event.county is None:
            continue
        for text in facilities:
            event.facilities.append(
                _match_factory(text, event.county, stored.get(event.county.pk, []))
            )


def _match_factory(text: str, county: County, factories: list[Factory]) -> Facility:
    words = text.casefold().replace("-", " ")
    best, best_score = None, 0.0
    for factory in factories:
        name = factory.name.casefold().replace("-", " ").replace(county.name.casefold(), "")
        score = fuzz.token_set_ratio(words, name)
        if score > best_score:
            best, best_score = factory, score
    if best_score >= FACTORY_MATCH:
        return Facility(text, best, best_score)
    name = text if text.casefold().startswith(county.name.casefold()) else f"{county.name} {text}"
    return Facility(name)
