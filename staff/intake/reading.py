"""Reading a report into proposed records: `read_article()`, a plain function, no request.

The frame is read first (header, dateline, language), then each sentence for places, dates
and event kinds. A sentence naming a kind proposes one event per place it names, dated by its
first date; without a place of its own it takes the report's subject (the first county of
its title or lead), marked as such. Mentions of the same kind at the same place in one report
are one event, at the most precise date they give. Then the proposals are compared with what
is stored, and each is ticked only when it has a named place, a kind and a date at day or
month precision, and is not stored already; the others say why not.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from rapidfuzz import fuzz

from events.choices import LeaderPresence
from events.models import Ceremony, GuidanceVisit, Source
from regiondev import dates
from sites.models import County, Factory, Province
from staff.intake.dates import DateReader, FoundDate
from staff.intake.frame import (
    LANGUAGES_READ,
    Frame,
    dateline_date,
    language_name,
    read_frame,
    sentences,
)
from staff.intake.kinds import (
    EVENT_KINDS,
    LEADER,
    SIMILAR,
    facilities_in,
    kinds_in,
    leader_present,
    present_in,
    sector_of,
    speakers_in,
)
from staff.intake.people import ProposedPerson, proposed
from staff.intake.places import FoundPlace, Gazetteer, resolve_by_province, targets
from staff.intake.stored import existing_source, mark_existing

FACTORY_MATCH = 80


@dataclass
class Facility:
    """A facility the report names, and the stored factory it is, if any."""

    text: str
    factory: Factory | None = None
    score: float = 0.0

    @property
    def new_name(self) -> str:
        return self.text[:1].upper() + self.text[1:]

    @property
    def sector(self) -> str:
        return sector_of(self.text)


@dataclass
class ProposedEvent:
    """A record the report supports, for staff to tick, correct and confirm."""

    kind: str
    date: str
    lower: datetime.date | None
    upper: datetime.date | None
    county: County | None
    province: Province | None
    sentence: str
    leader_present: bool
    candidates: list = field(default_factory=list)
    place_found: FoundPlace | None = None
    place_from_context: bool = False
    date_found: FoundDate | None = None
    sentences: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    present: str = ""
    facilities: list[Facility] = field(default_factory=list)
    existing: Ceremony | GuidanceVisit | None = None
    cites_source: bool = False
    update: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def model(self):
        return EVENT_KINDS[self.kind][0]

    @property
    def date_from_context(self) -> bool:
        return bool(self.date_found and self.date_found.from_context)

    @property
    def precise(self) -> bool:
        return bool(self.date_found and self.date_found.precise)

    @property
    def leader_presence(self) -> str:
        """As a citation states it: present, absent from the list of who was there, or
        unstated."""
        if self.leader_present:
            return LeaderPresence.YES
        return LeaderPresence.NO if self.present else LeaderPresence.UNSTATED

    @property
    def said_today(self) -> bool:
        return bool(self.date_found and self.date_found.today)

    @property
    def is_new(self) -> bool:
        """Whether the reader proposes storing it: a new record or a sharper date."""
        return self.existing is None or self.update

    @property
    def ticked(self) -> bool:
        return self.is_new and not self.reasons

    @property
    def place(self) -> str:
        if self.county:
            return f"{self.county}, {self.province}"
        if self.province:
            return str(self.province)
        if self.candidates:
            return " or ".join(f"{place} ({place.province})" for place in self.candidates)
        return "place not named"

    @property
    def summary(self) -> str:
        return " ".join(self.sentences)

    @property
    def speakers_text(self) -> str:
        return "; ".join(self.speakers)

    @property
    def people(self) -> list[ProposedPerson]:
        """The speakers, each matched to a stored person or proposed as new."""
        return proposed(self.speakers_text)


@dataclass
class Reading:
    frame: Frame
    published: dates.FuzzyDate | None
    sentences: list[str]
    places: list[FoundPlace] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    events: list[ProposedEvent] = field(default_factory=list)
    source: Source | None = None

    @property
    def new_events(self) -> list[ProposedEvent]:
        return [event for event in self.events if event.is_new]

    @property
    def ticked(self) -> list[ProposedEvent]:
        return [event for event in self.events if event.ticked]

    @property
    def named_places(self) -> list:
        """Each place found, once, in the order the report names them."""
        unique = []
        for found in self.places:
            for place in found.candidates:
                if place not in unique:
                    unique.append(place)
        return unique

    @property
    def fuzzy_places(self) -> list[FoundPlace]:
        return [found for found in self.places if found.fuzzy]

    @property
    def problems(self) -> list[str]:
        """What makes the text unreadable as a report, in words."""
        found = []
        if self.frame.language not in LANGUAGES_READ:
            return [
                f"The text is written in {language_name(self.frame.language)}; the intake "
                f"reads {', '.join(LANGUAGES_READ.values())} reports."
            ]
        if not self.places:
            found.append(
                "No county, city, district or province of the gazetteer is named in the text."
            )
        if not self.dates:
            found.append("No date is found in the text, and no publication date dates it.")
        return found


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
            candidates += _propose(kind, sentence, places, found_dates)
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
    reading.events = _merge(candidates)
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
        event.reasons = _reasons(event)
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


def _propose(kind, sentence, places, found_dates) -> list[ProposedEvent]:
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


def _merge(candidates: list[ProposedEvent]) -> list[ProposedEvent]:
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


def _reasons(event: ProposedEvent) -> list[str]:
    """Why a proposal is not ticked; none when it is."""
    reasons = []
    if event.existing and not event.update:
        reasons.append(
            "Already stored from this report."
            if event.cites_source
            else "Already stored; tick it to cite this report on it."
        )
        return reasons
    if event.candidates:
        reasons.append("The name fits several places; choose the county.")
    elif event.county is None and event.province is None:
        reasons.append("No place is named for it.")
    elif event.county is None:
        reasons.append("Only a province is named; give the county if there is one.")
    elif event.place_from_context:
        reasons.append("The place is the report's subject, not named beside the event; check it.")
    if event.lower is None:
        reasons.append("No date is given for it.")
    elif not event.precise and not event.date_found.text:
        reasons.append(
            f"No date is given for it; {event.date_found.words} is the year the report told last."
        )
    elif not event.precise:
        reasons.append(f"The date is only “{event.date_found.text}” ({event.date_found.words}).")
    return reasons
