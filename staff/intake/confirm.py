"""Storing what staff confirmed: the source and the chosen records, in one transaction."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from events.models import Ceremony, GuidanceVisit, Source
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
    """The unsaved record for a choice, checked by the model; raises ValidationError."""
    model, kind_value, _ = EVENT_KINDS[choice.kind]
    event = choice.update if choice.update is not None else model()
    event.kind = kind_value
    event.date = choice.date
    event.county = choice.county
    event.province = choice.province
    event.place_name = choice.place_name or event.place_name
    event.leader_present = choice.leader_present or event.leader_present
    event.summary = choice.summary or event.summary
    if model is Ceremony:
        event.speakers = choice.speakers or event.speakers
    else:
        event.led_by = choice.speakers or event.led_by
    event.full_clean()
    return event


def _find_equal(event):
    return (
        type(event)
        .objects.filter(
            kind=event.kind,
            county=event.county,
            province=event.province,
            date_lower=event.date_lower,
            date_upper=event.date_upper,
        )
        .order_by("pk")
        .first()
    )


def _factories(choice: Choice, source: Source, outcome: Outcome) -> list[Factory]:
    factories = list(choice.factories)
    for name in choice.new_factories:
        factory = Factory.objects.filter(county=choice.county, name__iexact=name).first()
        if factory is None:
            factory = Factory(
                county=choice.county,
                name=name,
                slug=_free_slug(name),
                sector=sector_of(name),
                description="",
            )
            factory.full_clean()
            factory._change_reason = CHANGE_REASON
            factory.save()
            factory.sources.add(source)
            outcome.factories.append(factory)
        factories.append(factory)
    return factories


def _free_slug(name: str) -> str:
    base = slugify(name)[:200] or "factory"
    slug, number = base, 2
    while Factory.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


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
        event = build_event(choice)
        factories = _factories(choice, source, outcome) if choice.county else []
        equal = None if choice.update is not None else _find_equal(event)
        if equal is None:
            event._change_reason = CHANGE_REASON
            event.save()
            if factories:
                event.factories.add(*factories)
            event.sources.add(source)
            (outcome.updated if choice.update is not None else outcome.created).append(event)
        elif not equal.sources.filter(pk=source.pk).exists():
            equal.sources.add(source)
            if factories:
                equal.factories.add(*factories)
            outcome.cited.append(equal)
        else:
            outcome.unchanged.append(equal)
    return outcome
