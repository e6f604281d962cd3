"""The seed dataset: the gazetteer, and what the founding article states — nothing more.

Every record is found by a natural key before it is written, so loading twice changes
nothing. Where the article is vague, the record is vague the same way (an EDTF range, an
empty place); see seed/README.md for the statement behind each record.
"""

import csv
from collections import Counter
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from events import services
from events.choices import CeremonyKind, Publisher, VisitKind
from events.models import Ceremony, GuidanceVisit, Source
from sites.choices import CountyKind, ProvinceKind, Sector
from sites.models import County, Factory, Province

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
GAZETTEER = SEED_DIR / "gazetteer.csv"
ARTICLE = SEED_DIR / "kim-jong-uns-world-of-devoted-service-2.txt"
ARTICLE_TITLE = "Kim Jong Un's World of Devoted Service for People (2)"
LEADER = "Kim Jong Un"

PROVINCE_KINDS = {kind.value: kind for kind in ProvinceKind}
COUNTY_KINDS = {
    "county": CountyKind.COUNTY,
    "city": CountyKind.CITY,
    "district": CountyKind.DISTRICT,
    "other": CountyKind.AREA,
}


def load_gazetteer() -> tuple[int, int]:
    with GAZETTEER.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    provinces = {}
    for row in (row for row in rows if row["level"] == "province"):
        provinces[row["province_iso"]], _ = Province.objects.update_or_create(
            iso_code=row["province_iso"],
            defaults={
                "name": row["name"],
                "slug": slugify(row["name"]),
                "kind": PROVINCE_KINDS[row["kind"]],
                "name_ko": row["hangul"],
                "name_mr": row["mccune_reischauer"],
                "aliases": row["aliases"],
            },
        )
    counties = [row for row in rows if row["level"] == "county"]
    # A name used in two provinces (Unsan) gets the province in both slugs.
    repeated = Counter(slugify(row["name"]) for row in counties)
    for row in counties:
        province = provinces[row["province_iso"]]
        slug = slugify(row["name"])
        if repeated[slug] > 1:
            slug = f"{slug}-{province.slug}"
        County.objects.update_or_create(
            slug=slug,
            defaults={
                "province": province,
                "name": row["name"],
                "kind": COUNTY_KINDS[row["kind"]],
                "name_ko": row["hangul"],
                "name_mr": row["mccune_reischauer"],
                "aliases": row["aliases"],
            },
        )
    return len(provinces), len(counties)


def _event(model, *, sources, factories=(), **fields):
    """Create or update an event found by its kind, date and place; cite `sources`."""
    key = {name: fields[name] for name in ("kind", "date", "county", "province", "place_name")}
    event = model.objects.filter(**key).first()
    if event is not None:
        sources = {*event.sources.all(), *sources}
        factories = {*event.factories.all(), *factories}
    if model is Ceremony:
        return services.save_ceremony(
            ceremony=event, sources=sources, factories=factories, **fields
        )
    return services.save_guidance_visit(visit=event, sources=sources, factories=factories, **fields)


def load_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8").strip()
    article, _ = Source.objects.update_or_create(
        title=ARTICLE_TITLE,
        defaults={
            "publisher": Publisher.UNKNOWN,
            # Its own words place it in 2025: "On December 20, 2024 … the beginning of this year".
            "published": "2025",
            "language": "en",
            "excerpt": "Journey of Devotion",
            "full_text": text,
        },
    )
    cite = [article]
    county = {
        c.name: c
        for c in County.objects.filter(
            name__in=["Songchon", "Hamju", "Jaeryong", "Sinpho", "Sukchon", "Unpha"]
        )
    }
    north_phyongan = Province.objects.get(iso_code="KP-03")

    songchon = county["Songchon"]
    songchon.programme_year = 2024
    songchon.description = "A typical intermediate, mountainous area of the DPRK."
    songchon.save()
    songchon.sources.add(article)
    for name in ("Jaeryong", "Sukchon", "Unpha"):
        place = county[name]
        place.description = (
            f"New regional-industry factories in {name} County are shown in "
            f"“{ARTICLE_TITLE}” (2025)."
        )
        place.save()
        place.sources.add(article)

    factories, _ = Factory.objects.update_or_create(
        slug="songchon-regional-industry-factories",
        defaults={
            "county": songchon,
            "name": "Songchon regional-industry factories",
            "description": (
                "Modern regional-industry factories equipped with highly automated and "
                "scientific production lines and suited to regional features, built in "
                "290-odd days since the beginning of the construction."
            ),
        },
    )
    factories.sources.add(article)
    if factories.sector != Sector.OTHER:  # the article names no sector
        factories.sector = Sector.OTHER
        factories.save()

    _event(
        Ceremony,
        sources=cite,
        factories=[factories],
        kind=CeremonyKind.GROUNDBREAKING,
        date="2024-02-21/2024-02-29",
        county=songchon,
        province=songchon.province,
        place_name="",
        leader_present=True,
        speakers=LEADER,
        summary=(
            "A groundbreaking ceremony signalling the start of the implementation of the "
            "Regional Development 20×10 Policy."
        ),
    )
    _event(
        Ceremony,
        sources=cite,
        kind=CeremonyKind.GROUNDBREAKING,
        date="2024",
        county=None,
        province=None,
        place_name="19 cities and counties, not named in the source",
        summary=(
            "The Songchon ceremony “was followed by similar ceremonies in 19 cities and counties.”"
        ),
    )
    _event(
        Ceremony,
        sources=cite,
        factories=[factories],
        kind=CeremonyKind.INAUGURATION,
        date="2024-12-20",
        county=songchon,
        province=songchon.province,
        place_name="",
        leader_present=True,
        summary="An inauguration ceremony of regional-industry factories in Songchon County.",
    )
    _event(
        Ceremony,
        sources=cite,
        kind=CeremonyKind.INAUGURATION,
        date="2025-01/2025-03",
        county=None,
        province=None,
        place_name="other cities and counties, not named in the source",
        summary="“Similar events in other cities and counties with the beginning of this year.”",
    )
    _event(
        GuidanceVisit,
        sources=cite,
        kind=VisitKind.CONSULTATIVE_MEETING,
        date="2024",
        county=None,
        province=None,
        place_name="on site, places not named in the source",
        leader_present=True,
        led_by=LEADER,
        summary=(
            "On-site consultative meetings where strategies for the successful promotion of "
            "the policy were advanced."
        ),
    )
    for place, province, where in (
        (county["Hamju"], county["Hamju"].province, ""),
        (None, north_phyongan, "construction sites; county not named in the source"),
        (county["Jaeryong"], county["Jaeryong"].province, ""),
    ):
        _event(
            GuidanceVisit,
            sources=cite,
            kind=VisitKind.FIELD_GUIDANCE,
            date="2024",
            county=place,
            province=province,
            place_name=where,
            leader_present=True,
            led_by=LEADER,
            summary="Field guidance at the construction sites of regional-industry factories.",
        )
    _event(
        GuidanceVisit,
        sources=cite,
        kind=VisitKind.CONSULTATIVE_MEETING,
        date="2024-07",
        county=county["Sinpho"],
        province=county["Sinpho"].province,
        place_name="the shore in Sinpho",
        leader_present=True,
        led_by=LEADER,
        summary=(
            "A consultative meeting for regional economic development. Afterwards he toured "
            "the offshore farming ground aboard a small boat."
        ),
    )


@transaction.atomic
def load() -> dict[str, int]:
    load_gazetteer()
    load_article()
    return {
        "provinces": Province.objects.count(),
        "counties": County.objects.count(),
        "factories": Factory.objects.count(),
        "ceremonies": Ceremony.objects.count(),
        "guidance visits": GuidanceVisit.objects.count(),
        "sources": Source.objects.count(),
    }
