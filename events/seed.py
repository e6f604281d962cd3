"""The seed dataset: the gazetteer and the programme's record, from the files in seed/.

`seed/build_from_pack.py` writes those files from the source pack; this module only loads
them. Every record is found by a natural key (a province by ISO code, a county by hangul and
province, a source by its key, a factory by slug, an event by kind, place and date, a citation
by record and source) and saved only when a value differs, so loading twice changes nothing
and adds no history. Factories and events are written through their services, as staff write
them; every record is checked in full, constraints included. The load is one batch
(regiondev.batch), so each question put to the database while checking is asked once, and
one transaction: a malformed row stops it with its file, line and reason, and the database
stays as it was.
"""

import csv
from collections import Counter
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from events import people_services
from events import services as event_services
from events.choices import CeremonyKind, LeaderPresence, VisitKind
from events.models import Ceremony, Citation, GuidanceVisit, Person, Source
from regiondev.batch import Batch
from sites import services as site_services
from sites.choices import CountyKind, ProvinceKind
from sites.models import County, Factory, Province

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
GAZETTEER = SEED_DIR / "gazetteer.csv"
FILES = ("sources", "counties", "factories", "events", "citations", "people", "appearances")

PROVINCE_KINDS = {kind.value: kind for kind in ProvinceKind}
COUNTY_KINDS = {
    "county": CountyKind.COUNTY,
    "city": CountyKind.CITY,
    "district": CountyKind.DISTRICT,
    "other": CountyKind.AREA,
}
EVENT_MODELS = {"ceremony": (Ceremony, CeremonyKind), "visit": (GuidanceVisit, VisitKind)}
YES = {"yes": True, "": False, "no": False}


class SeedError(Exception):
    """A row the loader cannot use: its file, line and the reason."""


def rows(path: Path):
    """(line number, row) of a CSV file; a row with missing or extra cells is refused."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            if None in row or None in row.values():
                raise SeedError(f"{path.name}, line {reader.line_num}: wrong number of columns")
            yield reader.line_num, row


@contextmanager
def at(path: Path, line: int):
    """Name the file and line of any error raised while a row is loaded."""
    try:
        yield
    except SeedError:
        raise
    except ValidationError as error:
        reason = (
            "; ".join(
                f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
                for name, messages in error.message_dict.items()
            )
            if hasattr(error, "error_dict")
            else " ".join(error.messages)
        )
        raise SeedError(f"{path.name}, line {line}: {reason}") from error
    except (KeyError, ValueError, ObjectDoesNotExist, IntegrityError) as error:
        raise SeedError(f"{path.name}, line {line}: {error}") from error


def differs(instance, values: dict) -> bool:
    """Whether `instance` is new or any of `values` is not what it holds."""
    return instance.pk is None or any(
        getattr(instance, name) != value for name, value in values.items()
    )


def sync(instance, values: dict, *, batch: Batch, m2m: dict | None = None) -> bool:
    """Set `values` on `instance` and save it only if one differs (or it is new); set its
    many-to-many `m2m` only where they differ. Whether anything was written. For records
    whose write touches no other (places, sources, citations)."""
    changed = differs(instance, values)
    for name, value in values.items():
        setattr(instance, name, value)
    if changed:
        owner, before = batch.owner_of(instance), batch.unique_values(instance)
        batch.full_clean(instance)
        instance.save()
        batch.claim(instance, owner if owner is not None else instance.pk, before)
    for name, wanted in (m2m or {}).items():
        manager = getattr(instance, name)
        if {item.pk for item in manager.all()} != {item.pk for item in wanted}:
            manager.set(wanted)
            changed = True
    return changed


def load_gazetteer(batch: Batch | None = None) -> tuple[dict, dict]:
    """Provinces by ISO code and counties by "hangul|ISO": the gazetteer's, with their seats'
    coordinates, and the names, cohorts and further spellings of seed/counties.csv."""
    batch = batch if batch is not None else Batch()
    path = SEED_DIR / "counties.csv"
    record = {}
    for line, row in rows(path):
        record[row["county"]] = (line, row)
    found = list(rows(GAZETTEER))
    provinces = {}
    for line, row in found:
        if row["level"] != "province":
            continue
        with at(GAZETTEER, line):
            province = Province.objects.filter(iso_code=row["province_iso"]).first()
            province = province or Province(iso_code=row["province_iso"])
            sync(
                province,
                {
                    "name": row["name"],
                    "slug": slugify(row["name"]),
                    "kind": PROVINCE_KINDS[row["kind"]],
                    "name_ko": row["hangul"],
                    "name_mr": row["mccune_reischauer"],
                    "aliases": row["aliases"],
                },
                batch=batch,
            )
            provinces[row["province_iso"]] = province
    planned = {}
    for line, row in found:
        if row["level"] != "county":
            continue
        key = f"{row['hangul']}|{row['province_iso']}"
        with at(GAZETTEER, line):
            values = {
                "name": row["name"],
                "kind": COUNTY_KINDS[row["kind"]],
                "name_mr": row["mccune_reischauer"],
                "aliases": row["aliases"],
                "latitude": coordinate(row["lat"]),
                "longitude": coordinate(row["lon"]),
                "programme_year": None,
                "description": "",
                "description_ko": "",
            }
            province = provinces[row["province_iso"]]
        if key in record:
            line, extra = record.pop(key)
            with at(path, line):
                spellings = [*values["aliases"].split(";"), *extra["aliases"].split(";")]
                values.update(
                    name=extra["name"],
                    programme_year=int(extra["programme_year"])
                    if extra["programme_year"]
                    else None,
                    aliases=";".join(dict.fromkeys(s for s in spellings if s)),
                    description=extra["description"],
                    description_ko=extra.get("description_ko", ""),
                )
        planned[key] = (province, row["hangul"], values, line)
    for key, (line, _) in record.items():
        raise SeedError(f"{path.name}, line {line}: no county {key} in the gazetteer")
    # A name used in two provinces (Unsan) gets the province in both slugs.
    repeated = Counter(values["name"] for _, _, values, _ in planned.values())
    counties = {}
    for key, (province, hangul, values, line) in planned.items():
        with at(GAZETTEER, line):
            slug = slugify(values["name"])
            if repeated[values["name"]] > 1:
                slug = f"{slug}-{province.slug}"
            county = County.objects.filter(name_ko=hangul, province=province).first()
            county = county or County(name_ko=hangul, province=province)
            sync(county, {**values, "slug": slug}, batch=batch)
            counties[key] = county
    return provinces, counties


def coordinate(text: str):
    return Decimal(text).quantize(Decimal("0.000001")) if text else None


def load_sources(batch: Batch) -> dict:
    path = SEED_DIR / "sources.csv"
    sources = {}
    for line, row in rows(path):
        with at(path, line):
            source = Source.objects.filter(key=row["key"]).first() or Source(key=row["key"])
            text = (SEED_DIR / row["text"]).read_text(encoding="utf-8") if row["text"] else ""
            if row["text"] and not YES[row["state_media"]]:
                raise SeedError(f"{path.name}, line {line}: only DPRK state media's texts are kept")
            sync(
                source,
                {
                    "title": row["title"],
                    "description": row["description"],
                    "title_note": row["title_note"],
                    "publisher": row["publisher"],
                    "publisher_detail": row["publisher_detail"],
                    "state_media": YES[row["state_media"]],
                    "url": row["url"],
                    "published": row["published"],
                    "published_note": row["published_note"],
                    "language": row["language"],
                    "completeness": row["completeness"],
                    "full_text": text.strip(),
                },
                batch=batch,
            )
            sources[row["key"]] = source
    return sources


def load_factories(counties: dict, batch: Batch) -> dict:
    """Through the factory service; what the seed does not say (products where it gives none,
    coordinates…) is left as staff wrote it. A row without `in_programme` is in the programme."""
    path = SEED_DIR / "factories.csv"
    found = list(rows(path))
    stored = Factory.objects.in_bulk([row["slug"] for _, row in found], field_name="slug")
    site_services.read_factory_slugs(batch, slugs=stored, names=[])
    factories = {}
    for line, row in found:
        with at(path, line):
            if not row["slug"]:
                raise ValueError("a factory is found by its slug, and this row gives none")
            factory = stored.get(row["slug"])
            values = {
                "county": counties[row["county"]],
                "name": row["name"],
                "name_ko": row.get("name_ko", ""),
                "sector": row["sector"],
                "in_programme": YES[row.get("in_programme", "yes")],
            }
            if row.get("products"):
                values["products"] = row["products"]
            if factory is None or differs(factory, values):
                kept = ("products", "description", "latitude", "longitude")
                factory = site_services.save_factory(
                    factory=factory,
                    slug=row["slug"],
                    **{
                        name: getattr(factory, name)
                        for name in kept
                        if factory is not None and name not in values
                    },
                    **values,
                    batch=batch,
                )
            factories[row["slug"]] = factory
    return factories


def load_events(counties: dict, provinces: dict, factories: dict, batch: Batch) -> dict:
    path = SEED_DIR / "events.csv"
    events = {}
    for line, row in rows(path):
        with at(path, line):
            model, kinds = EVENT_MODELS[row["model"]]
            kind = kinds(row["kind"])
            county = counties[row["county"]] if row["county"] else None
            province = provinces[row["province"]] if row["province"] else None
            key = {
                "kind": kind,
                "county": county,
                "province": province,
                "place_name": row["place_name"],
            }
            event = model(date=row["date"], **key)
            event.derive_date_bounds()  # the stored text, as the model normalises it
            existing = model.objects.filter(date=event.date, **key).first()
            people = "speakers" if model is Ceremony else "led_by"
            # Through the services, which keep the factories' milestone dates; saving a record
            # as it was adds no history version, so a reload writes nothing new.
            save, record = (
                (event_services.save_ceremony, "ceremony")
                if model is Ceremony
                else (event_services.save_guidance_visit, "visit")
            )
            events[row["key"]] = save(
                **{record: existing},
                **key,
                date=event.date,
                leader_present=YES[row["leader_present"]],
                **{people: row["people"]},
                summary=row["summary"],
                summary_ko=row.get("summary_ko", ""),
                factories=[factories[slug] for slug in row["factories"].split(";") if slug],
                batch=batch,
            )
    return events


def load_citations(events: dict, factories: dict, sources: dict, batch: Batch) -> int:
    path = SEED_DIR / "citations.csv"
    presence = {choice.value for choice in LeaderPresence}
    count = 0
    for line, row in rows(path):
        with at(path, line):
            kind, _, key = row["record"].partition(":")
            if kind == "event":
                record = events[key]
                field = "ceremony" if isinstance(record, Ceremony) else "visit"
            elif kind == "factory":
                record, field = factories[key], "factory"
            else:
                raise ValueError(f"record “{row['record']}” is neither event: nor factory:")
            leader = row["leader_present"] or LeaderPresence.UNSTATED
            if leader not in presence:
                raise ValueError(f"leader_present “{leader}” is not yes, no or unstated")
            source = sources[row["source"]]
            if row["quote"] and not source.state_media:
                raise ValueError("a quote is kept only from DPRK state media")
            citation = Citation.objects.filter(**{field: record}, source=source).first()
            sync(
                citation or Citation(**{field: record}, source=source),
                {
                    "date_as_written": row["date_as_written"],
                    "date": row["date"],
                    "leader_present": leader,
                    "place_as_written": row["place_as_written"],
                    "facilities_as_written": row["facilities_as_written"],
                    "quote": row["quote"],
                    "note": row["note"],
                    "note_ko": row.get("note_ko", ""),
                    "follows": YES[row["follows"]],
                },
                batch=batch,
            )
            count += 1
    return count


def load_county_sources(counties: dict, sources: dict, batch: Batch) -> None:
    path = SEED_DIR / "counties.csv"
    for line, row in rows(path):
        with at(path, line):
            wanted = [sources[key] for key in row["sources"].split(";") if key]
            sync(counties[row["county"]], {}, m2m={"sources": wanted}, batch=batch)


def load_people(batch: Batch) -> dict:
    path = SEED_DIR / "people.csv"
    stored = Person.objects.in_bulk(field_name="slug")
    people = {}
    for line, row in rows(path):
        with at(path, line):
            people[row["slug"]] = people_services.save_person(
                person=stored.get(row["slug"]),
                slug=row["slug"],
                name=row["name"],
                name_ko=row["name_ko"],
                name_mr=row["name_mr"],
                aliases=row["aliases"],
                batch=batch,
            )
    return people


def load_appearances(people: dict, counties: dict, provinces: dict, sources: dict, batch) -> int:
    """Each row names its event by the source cited on it, its kind, place and date, so a
    renumbering of events.csv does not move an appearance."""
    path = SEED_DIR / "appearances.csv"
    count = 0
    for line, row in rows(path):
        with at(path, line):
            model, kinds = EVENT_MODELS[row["model"]]
            source = sources[row["source"]]
            event = model(date=row["date"])
            event.derive_date_bounds()
            found = model.objects.filter(
                kind=kinds(row["kind"]),
                county=counties[row["county"]] if row["county"] else None,
                province=provinces[row["province"]] if row["province"] else None,
                date=event.date,
                citations__source=source,
            ).distinct()
            matched = list(found[:2])
            if len(matched) != 1:
                raise ValueError(f"{len(matched) or 'no'} events fit this row, not one")
            people_services.save_appearance(
                person=people[row["person"]],
                event=matched[0],
                role=row["role"],
                title=row["title"],
                source=source,
                quote=row["quote"],
                batch=batch,
            )
            count += 1
    return count


@transaction.atomic
def load() -> dict[str, int]:
    batch = Batch()
    provinces, counties = load_gazetteer(batch)
    sources = load_sources(batch)
    load_county_sources(counties, sources, batch)
    factories = load_factories(counties, batch)
    events = load_events(counties, provinces, factories, batch)
    citations = load_citations(events, factories, sources, batch)
    for event in events.values():  # the ceremonies count for their factories once cited
        event_services.citations_changed(event=event)
    appearances = load_appearances(load_people(batch), counties, provinces, sources, batch)
    return {
        "provinces": Province.objects.count(),
        "counties": County.objects.count(),
        "counties in the programme": County.objects.exclude(programme_year=None).count(),
        "factories": Factory.objects.count(),
        "ceremonies": Ceremony.objects.count(),
        "guidance visits": GuidanceVisit.objects.count(),
        "sources": Source.objects.count(),
        "citations": citations,
        "people": Person.objects.count(),
        "appearances": appearances,
    }
