"""Every write of a ceremony or guidance visit: the admin, the API, the import and the intake
call these, so the rules that connect an event to its places and factories live here alone.

Each `save_*` validates everything at once (the record's own fields, then the rules across
records), saves, sets the relations and recomputes what the factories derive from their
ceremonies, in one transaction; bad input raises a ValidationError keyed by field and saves
nothing. Each `check_*` runs the same validation without writing, for forms that must show
errors before they save.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from events.choices import CeremonyKind
from events.milestones import refresh_milestones
from events.models import Ceremony, Event, GuidanceVisit
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
    "sources",
)
_ARTICLE = {CeremonyKind.GROUNDBREAKING: "a", CeremonyKind.INAUGURATION: "an"}


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
    repeat: str = "",
    bulk_checked: bool = False,
) -> Ceremony:
    """Create `ceremony` or change it to the values given; `repeat` says what a factory's
    second groundbreaking or inauguration is (a re-inauguration, a second phase)."""
    ceremony = ceremony if ceremony is not None else Ceremony()
    fields = {
        "kind": kind,
        "date": date,
        "county": county,
        "province": province,
        "place_name": place_name,
        "leader_present": leader_present,
        "speakers": speakers,
        "summary": summary,
        "repeat": repeat,
    }
    return _save_event(ceremony, fields, list(factories), sources, bulk_checked)


def check_ceremony(
    *, ceremony: Ceremony | None = None, bulk_checked: bool = False, **values
) -> Ceremony:
    """What save_ceremony() would refuse, refused the same way, with nothing written."""
    return _check(ceremony if ceremony is not None else Ceremony(), values, bulk_checked)


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
    bulk_checked: bool = False,
) -> GuidanceVisit:
    """Create `visit` or change it to the values given."""
    visit = visit if visit is not None else GuidanceVisit()
    fields = {
        "kind": kind,
        "date": date,
        "county": county,
        "province": province,
        "place_name": place_name,
        "leader_present": leader_present,
        "led_by": led_by,
        "summary": summary,
    }
    return _save_event(visit, fields, list(factories), sources, bulk_checked)


def check_guidance_visit(
    *, visit: GuidanceVisit | None = None, bulk_checked: bool = False, **values
) -> GuidanceVisit:
    """What save_guidance_visit() would refuse, refused the same way, with nothing written."""
    return _check(visit if visit is not None else GuidanceVisit(), values, bulk_checked)


def delete_ceremony(*, ceremony: Ceremony) -> None:
    """Delete it, and give its factories back the status and dates their other ceremonies give."""
    with transaction.atomic():
        factories = list(ceremony.factories.all())
        ceremony.delete()
        _refresh_milestones(factories)


def _check(event: Event, values: dict, bulk_checked: bool) -> Event:
    factories = list(values.pop("factories", ()))
    values.pop("sources", None)
    _validate(event, _with_defaults(type(event), values), factories, bulk_checked)
    return event


def _with_defaults(model, values: dict) -> dict:
    """The keyword arguments a check was given, with the save's defaults for the rest."""
    defaults = {"county": None, "province": None, "place_name": "", "leader_present": False}
    defaults.update(
        {"speakers": "", "summary": "", "repeat": ""}
        if model is Ceremony
        else {"led_by": "", "summary": ""}
    )
    return {**defaults, **values}


def _save_event(
    event: Event, fields: dict, factories: list, sources, bulk_checked: bool = False
) -> Event:
    """`sources` None leaves the event's citations as they are: each carries what its source
    states, which a form or request that does not list the sources must not wipe."""
    with transaction.atomic():
        before = list(event.factories.all()) if event.pk else []
        _validate(event, fields, factories, bulk_checked)
        event.save()
        event.factories.set(factories)
        if sources is not None:
            event.sources.set(list(sources))
        if isinstance(event, Ceremony):
            _refresh_milestones({*before, *factories})
    return event


def _validate(event: Event, fields: dict, factories: list, bulk_checked: bool = False) -> None:
    """Assign the values and refuse them, all reasons at once, if they do not hold together.

    `bulk_checked` says the event's place was read from the database for many events at once
    (an import reads a file's places and factories once per file), so full_clean() need not
    ask again whether it exists.
    """
    for name, value in fields.items():
        setattr(event, name, value)
    errors: dict = {}
    _connect_places(event, factories, errors)
    unchecked = [
        name
        for name in ("county", "province")
        if name in errors or (bulk_checked and getattr(event, f"{name}_id"))
    ]
    try:
        event.full_clean(exclude=unchecked)
    except ValidationError as error:
        error.update_error_dict(errors)
    if isinstance(event, Ceremony) and "date" not in errors and "kind" not in errors:
        _check_milestones(event, factories, errors)
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


def _check_milestones(ceremony: Ceremony, factories: list, errors: dict) -> None:
    """The milestone rule: a factory's inauguration does not come before its groundbreaking,
    and a second groundbreaking or inauguration says what it is."""
    if ceremony.kind not in MILESTONES or not factories:
        return
    others = (
        Ceremony.objects.filter(kind__in=MILESTONES, factories__in=factories)
        .exclude(pk=ceremony.pk)
        .prefetch_related("factories")
        .select_related("county__province", "province")
        .distinct()
        .order_by("date_lower", "pk")
    )
    ids = {factory.pk for factory in factories}
    for other in others:
        concerned = ", ".join(str(f) for f in other.factories.all() if f.pk in ids)
        if other.kind == ceremony.kind:
            if not ceremony.repeat.strip():
                _add(
                    errors,
                    "repeat",
                    f"{concerned} already has {_ARTICLE[other.kind]} {other.kind} ceremony, "
                    f"{other.date_in_words}: "
                    f"{other.get_absolute_url()}. If this is another one, say what it is "
                    "(a re-inauguration, a second phase); if it is the same one, change that "
                    "record instead.",
                )
            continue
        groundbreaking, inauguration = (
            (ceremony, other) if ceremony.kind == CeremonyKind.GROUNDBREAKING else (other, ceremony)
        )
        if groundbreaking.date_lower > inauguration.date_upper:
            _add(
                errors,
                "date",
                f"An inauguration cannot come before its factory's groundbreaking: the "
                f"groundbreaking of {concerned} is dated {groundbreaking.date_in_words}, its "
                f"inauguration {inauguration.date_in_words} ({other.get_absolute_url()}).",
            )


def _refresh_milestones(factories: Iterable[Factory]) -> None:
    for factory in factories:
        refresh_milestones(factory)
