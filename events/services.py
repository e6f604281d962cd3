"""Every write of a ceremony or guidance visit: the admin, the API, the import, the intake and
the seed load call these, so the rules that connect an event to its places and factories
live here alone.

Each `save_*` validates everything once (the record's own fields, then the rules across
records), saves, sets the relations and recomputes what the factories derive from their
ceremonies, in one transaction; bad input raises a ValidationError keyed by field and saves
nothing. It is its `check_*`, which validates without writing (for a file's preview, and for
forms that must show errors before they save), then save_checked(), which writes what the
check passed without validating again. Writes of one batch (regiondev.batch)
share what they read, and each sees the milestones the batch's earlier rows gave, written
yet or not.

The milestone rule, in phases: a factory's first groundbreaking and first inauguration are its
first phase; a later one says what it is (`repeat`: "second phase", "re-inauguration"), and
ceremonies that say the same are one phase. A phase holds one groundbreaking and one
inauguration, its inauguration does not come before its groundbreaking, and a repeat does not
come before the first phase's groundbreaking or the first phase's ceremony of its kind.
"""

import dataclasses
import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from events.choices import CeremonyKind
from events.milestones import refresh_milestones
from events.models import Ceremony, Event, GuidanceVisit
from events.models.ordering import chronological_key
from events.people_services import keep_leader
from regiondev.batch import Batch, Checked, Row
from sites.models import County, Factory, Province

MILESTONES = (CeremonyKind.GROUNDBREAKING, CeremonyKind.INAUGURATION)
# What every event's save takes beside its kind's own (speakers and repeat, or led_by); the
# factories before the place, which is filled from them. Forms, the API and the import use it.
EVENT_FIELDS = (
    "kind",
    "date",
    "factories",
    "county",
    "province",
    "place_name",
    "leader_present",
    "summary",
    "summary_ko",
    "sources",
)
_ARTICLE = {CeremonyKind.GROUNDBREAKING: "a", CeremonyKind.INAUGURATION: "an"}


def phase_of(repeat: str) -> str:
    """The phase a milestone belongs to: "" for the first, else what its repeat says, read
    without regard to case or spacing."""
    return " ".join(repeat.casefold().split())


@dataclasses.dataclass(frozen=True)
class Milestone:
    """A factory's groundbreaking or inauguration as the milestone rule reads it."""

    owner: object  # the ceremony's id, or the file's row that makes it
    kind: str
    lower: dt.date
    upper: dt.date
    repeat: str
    in_words: str
    where: str  # its page, or the row of the file

    @property
    def phase(self) -> str:
        return phase_of(self.repeat)

    def named(self) -> str:
        phase = f" (“{self.repeat.strip()}”)" if self.phase else ""
        return f"{self.kind}{phase}, {self.in_words} ({self.where})"


def save_ceremony(
    *,
    ceremony: Ceremony | None = None,
    kind: str,
    date: str,
    county: County | None = None,
    province: Province | None = None,
    place_name: str = "",
    factories: Iterable[Factory] = (),
    sources: Iterable | None = None,
    leader_present: bool = False,
    speakers: str = "",
    summary: str = "",
    summary_ko: str = "",
    repeat: str = "",
    batch: Batch | None = None,
) -> Ceremony:
    """Create `ceremony` or change it to the values given; `repeat` says what a factory's
    second groundbreaking or inauguration is (a re-inauguration, a second phase)."""
    fields = {
        "kind": kind,
        "date": date,
        "county": county,
        "province": province,
        "place_name": place_name,
        "leader_present": leader_present,
        "speakers": speakers,
        "summary": summary,
        "summary_ko": summary_ko,
        "repeat": repeat,
    }
    with transaction.atomic():
        checked = check_ceremony(
            ceremony=ceremony, batch=batch, factories=factories, sources=sources, **fields
        )
        return save_checked(checked)


def check_ceremony(
    *, ceremony: Ceremony | None = None, batch: Batch | None = None, **values
) -> Checked:
    """What save_ceremony() would refuse, refused the same way, with nothing written; what it
    passes, for save_checked() to write. In a batch, its milestones count for the batch's
    later writes, as its save would make them."""
    return _check(ceremony if ceremony is not None else Ceremony(), values, batch)


def save_guidance_visit(
    *,
    visit: GuidanceVisit | None = None,
    kind: str,
    date: str,
    county: County | None = None,
    province: Province | None = None,
    place_name: str = "",
    factories: Iterable[Factory] = (),
    sources: Iterable | None = None,
    leader_present: bool = False,
    led_by: str = "",
    summary: str = "",
    summary_ko: str = "",
    batch: Batch | None = None,
) -> GuidanceVisit:
    """Create `visit` or change it to the values given."""
    fields = {
        "kind": kind,
        "date": date,
        "county": county,
        "province": province,
        "place_name": place_name,
        "leader_present": leader_present,
        "led_by": led_by,
        "summary": summary,
        "summary_ko": summary_ko,
    }
    with transaction.atomic():
        checked = check_guidance_visit(
            visit=visit, batch=batch, factories=factories, sources=sources, **fields
        )
        return save_checked(checked)


def check_guidance_visit(
    *, visit: GuidanceVisit | None = None, batch: Batch | None = None, **values
) -> Checked:
    """What save_guidance_visit() would refuse, refused the same way, with nothing written;
    what it passes, for save_checked() to write."""
    return _check(visit if visit is not None else GuidanceVisit(), values, batch)


def delete_ceremony(*, ceremony: Ceremony) -> None:
    """Delete it, and give its factories back the status and dates their other ceremonies give."""
    with transaction.atomic():
        factories = list(ceremony.factories.all())
        ceremony.delete()
        _refresh_milestones(factories)


def _check(event: Event, values: dict, batch: Batch | None) -> Checked:
    batch = batch if batch is not None else Batch()
    factories = list(values.pop("factories", ()))
    sources = values.pop("sources", None)
    owner = batch.owner_of(event)
    _validate(event, _with_defaults(type(event), values), factories, batch)
    _record(batch, event, owner, factories)
    relations = {"factories": factories, "sources": None if sources is None else list(sources)}
    return Checked(event, batch, owner, relations)


def _with_defaults(model, values: dict) -> dict:
    """The keyword arguments a check was given, with the save's defaults for the rest."""
    defaults = {
        "county": None,
        "province": None,
        "place_name": "",
        "leader_present": False,
        "summary_ko": "",
    }
    defaults.update(
        {"speakers": "", "summary": "", "repeat": ""}
        if model is Ceremony
        else {"led_by": "", "summary": ""}
    )
    return {**defaults, **values}


def save_checked(checked: Checked) -> Event:
    """Write the event check_ceremony() or check_guidance_visit() passed, as it passed it.
    Sources None leave the event's citations as they are: each carries what its source
    states, which a form or request that does not list the sources must not wipe."""
    checked.confirm()
    event, batch = checked.record, checked.batch
    factories, sources = checked.relations["factories"], checked.relations["sources"]
    with transaction.atomic():
        before = list(event.factories.all()) if event.pk else []
        event.save()
        keep_leader(event)
        event.factories.set(factories)
        if sources is not None:
            event.sources.set(sources)
        if checked.owner is None:  # a new record, checked before it had an id
            _forget(batch, None)
        _record(batch, event, checked.owner if checked.owner is not None else event.pk, factories)
        if isinstance(event, Ceremony):
            _refresh_milestones({*before, *factories})
    return event


def _validate(event: Event, fields: dict, factories: list, batch: Batch) -> None:
    """Assign the values and refuse them, all reasons at once, if they do not hold together."""
    for name, value in fields.items():
        setattr(event, name, value)
    errors: dict = {}
    _connect_places(event, factories, errors)
    try:
        batch.full_clean(event, exclude=[name for name in ("county", "province") if name in errors])
    except ValidationError as error:
        error.update_error_dict(errors)
    if isinstance(event, Ceremony) and "date" not in errors and "kind" not in errors:
        _check_milestones(event, factories, errors, batch)
    if errors:
        raise ValidationError(errors)


def _add(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(ValidationError(message))


def _connect_places(event: Event, factories: list, errors: dict) -> None:
    """An event is held where its factories are: the county and province come from them when
    not given, and a place that contradicts them, or the county's own province, is refused."""
    counties = {factory.county for factory in factories}
    if event.county_id is None and len(counties) == 1:
        event.county = next(iter(counties))
    if event.county_id is not None:
        for factory in factories:
            if factory.county_id != event.county_id:
                _add(
                    errors,
                    "county",
                    f"{factory} is in {factory.county}, not in {event.county}: "
                    "give the factory's county, or leave the county empty.",
                )
        county_province = event.county.province
        if event.province_id is None:
            event.province = county_province
        elif event.province_id != county_province.pk:
            _add(
                errors, "province", f"{event.county} is in {county_province}, not {event.province}."
            )
        return
    provinces = {county.province for county in counties}
    if event.province_id is None and len(provinces) == 1:
        event.province = next(iter(provinces))
    if event.province_id is not None:
        for factory in factories:
            if factory.county.province_id != event.province_id:
                _add(
                    errors,
                    "province",
                    f"{factory} is in {factory.county.province}, not in {event.province}.",
                )


def _check_milestones(ceremony: Ceremony, factories: list, errors: dict, batch: Batch) -> None:
    """The milestone rule (see the module's docstring), against the factories' other
    milestones as the batch knows them."""
    if ceremony.kind not in MILESTONES or not factories:
        return
    this = _milestone(ceremony, batch.owner_of(ceremony))
    known = _milestones_of(batch, [factory.pk for factory in factories])
    for factory in factories:
        for other in sorted(known[factory.pk], key=lambda m: (m.lower, m.upper, str(m.owner))):
            if other.owner == this.owner and this.owner is not None:
                continue
            for field, message in _conflict(factory, this, other):
                _add(errors, field, message)


def _conflict(factory: Factory, this: Milestone, other: Milestone) -> list[tuple[str, str]]:
    """What the milestone rule says against `this` milestone of `factory`, given `other`."""
    if this.phase == other.phase:
        if this.kind == other.kind:
            if not this.phase:
                return [
                    (
                        "repeat",
                        f"{factory} already has {_ARTICLE[other.kind]} {other.kind} ceremony, "
                        f"{other.in_words}: {other.where}. If this is another one, say what it "
                        "is (a re-inauguration, a second phase); if it is the same one, change "
                        "that record instead.",
                    )
                ]
            return [
                (
                    "repeat",
                    f"{factory} already has {_ARTICLE[other.kind]} {other.kind} ceremony marked "
                    f"“{other.repeat.strip()}”, {other.in_words}: {other.where}. Give this one "
                    "another name, or change that record instead.",
                )
            ]
        groundbreaking, inauguration = (
            (this, other) if this.kind == CeremonyKind.GROUNDBREAKING else (other, this)
        )
        if groundbreaking.lower > inauguration.upper:
            phase = f" (“{this.repeat.strip()}”)" if this.phase else ""
            return [
                (
                    "date",
                    f"An inauguration cannot come before its factory's groundbreaking: the "
                    f"groundbreaking{phase} of {factory} is dated {groundbreaking.in_words}, its "
                    f"inauguration {inauguration.in_words} ({other.where}).",
                )
            ]
        return []
    if this.phase and other.phase:
        return []  # two repeats: each is ordered within its phase and after the first
    first, repeat = (other, this) if this.phase else (this, other)
    relevant = first.kind == repeat.kind or first.kind == CeremonyKind.GROUNDBREAKING
    if relevant and first.lower > repeat.upper:
        return [
            (
                "date",
                f"A repeat cannot come before what it repeats: {factory}'s first "
                f"{first.kind} is dated {first.in_words}, its {repeat.kind} "
                f"“{repeat.repeat.strip()}” {repeat.in_words} ({other.where}).",
            )
        ]
    return []


def _milestone(ceremony: Ceremony, owner) -> Milestone:
    return Milestone(
        owner=owner,
        kind=ceremony.kind,
        lower=ceremony.date_lower,
        upper=ceremony.date_upper,
        repeat=ceremony.repeat,
        in_words=ceremony.date_in_words,
        where=str(owner)
        if isinstance(owner, Row)
        else (ceremony.get_absolute_url() if ceremony.pk else "this record"),
    )


def _milestones_of(batch: Batch, factory_ids: Iterable[int]) -> dict[int, list[Milestone]]:
    """Each factory's milestones as the batch knows them: those in the database, read once
    per factory, overlaid with what the batch's writes made of them."""
    read = batch.state.setdefault("milestones read", {})
    missing = [pk for pk in set(factory_ids) if pk not in read]
    for pk in missing:
        read[pk] = []
    if missing:
        links = Ceremony.factories.through.objects.filter(
            factory_id__in=missing, ceremony__kind__in=MILESTONES
        ).select_related("ceremony")
        for link in sorted(links, key=lambda link: chronological_key(link.ceremony)):
            read[link.factory_id].append(_milestone(link.ceremony, link.ceremony_id))
    written = batch.state.setdefault("ceremonies written", set())
    made = batch.state.setdefault("milestones written", {})
    return {
        pk: [m for m in read[pk] if m.owner not in written] + list(made.get(pk, {}).values())
        for pk in factory_ids
    }


def read_milestones(batch: Batch, factories: Iterable[Factory]) -> None:
    """Read the milestones of a file's factories at once, before its rows are checked."""
    _milestones_of(batch, [factory.pk for factory in factories])


def _record(batch: Batch, event: Event, owner, factories: list) -> None:
    """What a write (or, in a preview, a check) of `event` makes the batch's milestones."""
    if not isinstance(event, Ceremony):
        return
    written = batch.state.setdefault("ceremonies written", set())
    made = batch.state.setdefault("milestones written", {})
    concerned = batch.state.setdefault("factories of ceremonies written", {})
    _forget(batch, owner)
    if event.pk is not None:
        written.add(event.pk)  # what the database says of it is no longer the batch's word
    concerned[owner] = [factory.pk for factory in factories]
    if event.kind in MILESTONES:
        milestone = _milestone(event, owner)
        for factory in factories:
            made.setdefault(factory.pk, {})[owner] = milestone


def _forget(batch: Batch, owner) -> None:
    """Drop the milestones the batch holds from `owner`'s last check or write."""
    made = batch.state.setdefault("milestones written", {})
    concerned = batch.state.setdefault("factories of ceremonies written", {})
    for pk in concerned.pop(owner, ()):
        made.get(pk, {}).pop(owner, None)


def citations_changed(*, event: Event) -> None:
    """After an event's citations change outside save_checked() (the admin's citation inline,
    the seed loader): a ceremony counts for its factories' milestones only once it cites a
    source, so their status and dates are read again."""
    if isinstance(event, Ceremony):
        _refresh_milestones(event.factories.all())


def _refresh_milestones(factories: Iterable[Factory]) -> None:
    for factory in factories:
        refresh_milestones(factory)
