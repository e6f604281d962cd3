"""Storing what staff confirmed: the source and the chosen records, in one transaction.

Every record is written through the services of the app that owns it (`events.services`,
`sites.services`), so the intake keeps the rules the admin, the API and the import keep. What
the report says of each record (the date as written and as EDTF, the supporting sentence, the
leader's presence) is kept on the record's citation of it, and a county's first programme
groundbreaking gives the county its programme year when staff confirm it.
"""

from dataclasses import dataclass, field

from django.db import transaction

from events import services as event_services
from events.choices import LeaderPresence
from events.models import Ceremony, Citation, GuidanceVisit, Source
from events.publishers import state_media_outlet
from sites import services as site_services
from sites.models import County, Factory, Province
from staff.intake.kinds import EVENT_KINDS, sector_of
from staff.intake.people import record_speakers
from staff.intake.stored import existing_source

CHANGE_REASON = "Article intake"


@dataclass
class Choice:
    """One proposal as staff confirmed it, after their corrections."""

    kind: str
    date: str
    county: County | None = None
    province: Province | None = None
    place_name: str = ""
    leader_present: bool = False
    summary: str = ""
    speakers: str = ""
    factories: list[Factory] = field(default_factory=list)
    new_factories: list[str] = field(default_factory=list)
    update: Ceremony | GuidanceVisit | None = None
    # What the report says, for the record's citation of it.
    date_as_written: str = ""
    quote: str = ""
    leader_presence: str = LeaderPresence.UNSTATED
    place_as_written: str = ""
    # The county's programme year, when this confirms its first programme groundbreaking.
    programme_year: int | None = None

    @property
    def model(self):
        return EVENT_KINDS[self.kind][0]

    def values(self, *, factories=(), sources=()) -> dict:
        """The keyword arguments of the service that saves this record."""
        record = self.update
        values = {
            "kind": EVENT_KINDS[self.kind][1],
            "date": self.date,
            "county": self.county,
            "province": self.province,
            "place_name": self.place_name or (record.place_name if record else ""),
            "leader_present": self.leader_present or bool(record and record.leader_present),
            "summary": self.summary or (record.summary if record else ""),
            "factories": factories,
            "sources": sources,
        }
        person = "speakers" if self.model is Ceremony else "led_by"
        values[person] = self.speakers or (getattr(record, person) if record else "")
        return values


@dataclass
class Outcome:
    source: Source
    source_created: bool
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    cited: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    factories: list = field(default_factory=list)


def build_event(choice: Choice):
    """The record a choice would store, checked by its service; raises ValidationError."""
    values = choice.values(factories=choice.factories)
    values.pop("sources")
    if choice.model is Ceremony:
        return event_services.check_ceremony(ceremony=choice.update, **values).record
    return event_services.check_guidance_visit(visit=choice.update, **values).record


def _save(choice: Choice, record, *, factories, sources):
    values = choice.values(factories=factories, sources=sources)
    if choice.model is Ceremony:
        return event_services.save_ceremony(ceremony=record, **values)
    return event_services.save_guidance_visit(visit=record, **values)


def _find_equal(choice: Choice):
    checked = build_event(choice)
    return (
        choice.model.objects.filter(
            kind=checked.kind,
            county=choice.county,
            province=choice.province,
            date_lower=checked.date_lower,
            date_upper=checked.date_upper,
        )
        .order_by("pk")
        .first()
    )


def _factories(choice: Choice, source: Source, outcome: Outcome) -> list[Factory]:
    factories = list(choice.factories)
    for name in choice.new_factories:
        factory = Factory.objects.filter(county=choice.county, name__iexact=name).first()
        if factory is None:
            factory = site_services.save_factory(
                county=choice.county, name=name, sector=sector_of(name), sources=[source]
            )
            outcome.factories.append(factory)
        factories.append(factory)
    return factories


def describe_source(article: Source, *, published, language: str) -> Source:
    """The report as read: its publication day where the text dates it more sharply than the
    form did, its language, and whether its publisher is DPRK state media."""
    if published is not None and (
        article.published_lower is None
        or (
            article.published_lower <= published.lower
            and published.upper <= article.published_upper
        )
    ):
        article.published = published.text
    article.derive_published_bounds()
    article.language = language or article.language
    article.state_media = bool(state_media_outlet(article.publisher))
    return article


def _cite(record, source: Source, choice: Choice) -> None:
    """Write on the record's citation of the source what the source says of the record."""
    field = "ceremony" if isinstance(record, Ceremony) else "visit"
    citation = Citation.objects.get(**{field: record, "source": source})
    citation.date_as_written = choice.date_as_written[:200]
    citation.date = choice.date
    citation.leader_present = (
        LeaderPresence.YES if choice.leader_present else choice.leader_presence
    )
    citation.place_as_written = choice.place_as_written[:200]
    citation.facilities_as_written = "; ".join(
        [*(factory.name for factory in choice.factories), *choice.new_factories]
    )[:300]
    # The supporting sentence is quoted only from state media's own texts (their wording is
    # kept in full); other publishers' wording stays theirs.
    citation.quote = choice.quote if source.state_media else ""
    citation.full_clean()
    citation.save()


def _programme_year(choice: Choice) -> None:
    county = choice.county
    if county is None or choice.programme_year is None or county.programme_year is not None:
        return
    county.programme_year = choice.programme_year
    county.full_clean()
    county._change_reason = CHANGE_REASON
    county.save()


@transaction.atomic
def confirm(*, article: Source, choices: list[Choice]) -> Outcome:
    """Store the report (unless it is stored already) and the chosen records, citing it."""
    source = existing_source(title=article.title, url=article.url)
    created_source = source is None
    if created_source:
        article.full_clean()
        article._change_reason = CHANGE_REASON
        article.save()
        source = article
    outcome = Outcome(source=source, source_created=created_source)
    for choice in choices:
        _programme_year(choice)
        factories = _factories(choice, source, outcome) if choice.county else []
        if choice.update is not None:
            record = choice.update
            _save(
                choice,
                record,
                factories=_with(record.factories.all(), factories),
                sources=_with(record.sources.all(), [source]),
            )
            _cite(record, source, choice)
            record_speakers(record, choice.speakers, source)
            outcome.updated.append(record)
            continue
        equal = _find_equal(choice)
        if equal is None:
            record = _save(choice, None, factories=factories, sources=[source])
            _cite(record, source, choice)
            record_speakers(record, choice.speakers, source)
            outcome.created.append(record)
            continue
        stored_factories = list(equal.factories.all())
        if equal.sources.filter(pk=source.pk).exists() and set(factories) <= set(stored_factories):
            outcome.unchanged.append(equal)
            continue
        # The same record: it keeps what it says, and gains this source and the factories named.
        keep = Choice(
            kind=choice.kind,
            date=equal.date,
            county=equal.county,
            province=equal.province,
            update=equal,
        )
        _save(
            keep,
            equal,
            factories=_with(stored_factories, factories),
            sources=_with(equal.sources.all(), [source]),
        )
        _cite(equal, source, choice)
        record_speakers(equal, choice.speakers, source)
        outcome.cited.append(equal)
    return outcome


def _with(stored, added) -> list:
    return list(dict.fromkeys([*stored, *added]))
