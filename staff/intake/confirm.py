"""Storing what staff confirmed: the source and the chosen records, in one transaction.

Every record is written through the services of the app that owns it (`events.services`,
`sites.services`), so the intake keeps the rules the admin, the API and the import keep.
"""

from dataclasses import dataclass, field

from django.db import transaction

from events import services as event_services
from events.models import Ceremony, GuidanceVisit, Source
from sites import services as site_services
from sites.models import County, Factory, Province
from staff.intake.kinds import EVENT_KINDS, sector_of
from staff.intake.reading import existing_source

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
        return event_services.check_ceremony(ceremony=choice.update, **values)
    return event_services.check_guidance_visit(visit=choice.update, **values)


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
        factories = _factories(choice, source, outcome) if choice.county else []
        if choice.update is not None:
            record = choice.update
            _save(
                choice,
                record,
                factories=_with(record.factories.all(), factories),
                sources=_with(record.sources.all(), [source]),
            )
            outcome.updated.append(record)
            continue
        equal = _find_equal(choice)
        if equal is None:
            outcome.created.append(_save(choice, None, factories=factories, sources=[source]))
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
        outcome.cited.append(equal)
    return outcome


def _with(stored, added) -> list:
    return list(dict.fromkeys([*stored, *added]))
