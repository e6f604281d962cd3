"""What a reading proposes: the events a report supports, each with the facilities it names
and why it is not ticked, and the reading as a whole."""

import datetime
from dataclasses import dataclass, field

from events.choices import LeaderPresence
from events.models import Ceremony, GuidanceVisit, Source
from regiondev import dates
from sites.models import County, Factory, Province
from staff.intake.dates import FoundDate
from staff.intake.frame import LANGUAGES_READ, Frame, language_name
from staff.intake.kinds import EVENT_KINDS, sector_of
from staff.intake.people import ProposedPerson, proposed
from staff.intake.places import FoundPlace


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


def reasons(event: ProposedEvent) -> list[str]:
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
