"""Synthetic records at a chosen scale, written with PostgreSQL's COPY.

Every row made here is marked: names, titles, captions and summaries start with
"[synthetic]" and slugs with "synthetic-". The places are the real gazetteer; everything on
them is invented. Fields the app derives on save (a factory's status, milestone dates and
search keys; every date's bounds) are computed here the same way, because COPY bypasses
`save()` and the signals.

Of the events, 30% are ceremonies and 70% guidance visits. Each factory gets its
groundbreaking and inauguration ceremonies first (10% stay planned, 30% under construction,
60% operating, while the ceremony budget lasts), then "other" ceremonies fill the budget.
"""

import datetime
import random
from array import array
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from bench.copying import (
    LOADED_TABLES,
    copy_pairs,
    copy_rows,
    foreign_keys_checked_at_the_end,
    next_id,
    reset_sequence,
)
from bench.spans import Span, day, late_month, month, year
from events.choices import CeremonyKind, VisitKind
from sites.choices import FactoryStatus, Sector
from sites.models import FACTORY_FIELDS, MILESTONE_FIELDS, County, Factory
from sites.search import search_keys

MARK = "[synthetic]"
SLUG_PREFIX = "synthetic-"
PHOTO_NAME = "photos/synthetic.png"
CEREMONY_SHARE = 0.3
FIRST_DAY = datetime.date(2024, 1, 1)
LAST_DAY = datetime.date(2034, 12, 31)


@dataclass
class Counts:
    factories: int = 0
    ceremonies: int = 0
    visits: int = 0
    sources: int = 0
    photos: int = 0


class Generator:
    def __init__(self, *, factories: int, events: int, seed: int = 20):
        self.factory_count = factories
        self.event_count = events
        self.random = random.Random(seed)
        self.now = timezone.now()
        self.counties = list(County.objects.values_list("id", "province_id", "name", "slug"))
        if not self.counties:
            raise ValueError("Load the gazetteer first: synthetic factories need its counties.")

    # Dates ---------------------------------------------------------------------------------

    def some_day(self, start=FIRST_DAY, end=LAST_DAY) -> datetime.date:
        return start + datetime.timedelta(days=self.random.randint(0, (end - start).days))

    def vague(self, when: datetime.date, shapes=(day, day, month, late_month, year)) -> Span:
        return self.random.choice(shapes)(when)

    # Plans ---------------------------------------------------------------------------------

    def plan(self):
        """Factories with their milestone ceremonies, then the other events, all in memory
        as plain tuples so each table is written by one COPY."""
        first_id = next_id("sites_factory")
        ceremony_budget = round(self.event_count * CEREMONY_SHARE)
        self.factories, self.ceremonies, self.factory_counties = [], [], []
        self.ceremony_factories = (array("q"), array("q"))
        sectors = [choice.value for choice in Sector]
        ceremony_id = self.first_ceremony_id = next_id("events_ceremony")
        for n in range(self.factory_count):
            factory_id = first_id + n
            county_id, province_id, county_name, county_slug = self.random.choice(self.counties)
            sector = self.random.choice(sectors)
            name = f"{MARK} {county_name} {sector} factory {n + 1}"
            wanted = self.random.random()
            groundbreaking = inauguration = None
            if wanted >= 0.1 and len(self.ceremonies) < ceremony_budget:
                groundbreaking = self.vague(
                    self.some_day(FIRST_DAY, datetime.date(2033, 6, 30)),
                    (day, month, late_month),
                )
                self.ceremonies.append(
                    self.ceremony_row(
                        ceremony_id,
                        CeremonyKind.GROUNDBREAKING,
                        groundbreaking,
                        county_id,
                        province_id,
                    )
                )
                self.link(self.ceremony_factories, ceremony_id, factory_id)
                ceremony_id += 1
            if groundbreaking and wanted >= 0.4 and len(self.ceremonies) < ceremony_budget:
                opened = groundbreaking.upper + datetime.timedelta(
                    days=self.random.randint(200, 400)
                )
                inauguration = self.vague(opened, (day, day, month))
                self.ceremonies.append(
                    self.ceremony_row(
                        ceremony_id, CeremonyKind.INAUGURATION, inauguration, county_id, province_id
                    )
                )
                self.link(self.ceremony_factories, ceremony_id, factory_id)
                ceremony_id += 1
            latitude = longitude = None
            if self.random.random() < 0.5:
                latitude = Decimal(self.random.randint(38_000_000, 42_900_000)) / 1_000_000
                longitude = Decimal(self.random.randint(124_300_000, 130_600_000)) / 1_000_000
            status = (
                FactoryStatus.OPERATING
                if inauguration
                else FactoryStatus.UNDER_CONSTRUCTION
                if groundbreaking
                else FactoryStatus.PLANNED
            )
            given = {
                "slug": f"{SLUG_PREFIX}{slugify(county_slug)}-factory-{n + 1}",
                "name": name,
                "name_ko": "",
                "county": county_id,
                "sector": sector,
                "products": "",
                "description": "",
                "latitude": latitude,
                "longitude": longitude,
            }
            self.factory_counties.append((factory_id, county_id))
            self.factories.append(
                (
                    factory_id,
                    *(given[field] for field in FACTORY_FIELDS),
                    status.value,
                    groundbreaking.text if groundbreaking else "",
                    groundbreaking.lower if groundbreaking else None,
                    groundbreaking.upper if groundbreaking else None,
                    inauguration.text if inauguration else "",
                    inauguration.lower if inauguration else None,
                    inauguration.upper if inauguration else None,
                    search_keys([name]),
                    self.now,
                    True,
                )
            )
        by_county = {}
        for factory_id, county_id in self.factory_counties:
            by_county.setdefault(county_id, []).append(factory_id)
        self.factories_by_county = by_county
        county_rows = [c for c in self.counties if c[0] in by_county]
        while len(self.ceremonies) < ceremony_budget:
            county_id, province_id, *_ = self.random.choice(county_rows)
            self.ceremonies.append(
                self.ceremony_row(
                    ceremony_id,
                    CeremonyKind.OTHER,
                    self.vague(self.some_day()),
                    county_id,
                    province_id,
                )
            )
            self.link(
                self.ceremony_factories, ceremony_id, self.random.choice(by_county[county_id])
            )
            ceremony_id += 1

    @staticmethod
    def link(pairs, left: int, right: int) -> None:
        pairs[0].append(left)
        pairs[1].append(right)

    def ceremony_row(self, pk, kind, when: Span, county_id, province_id):
        return (
            pk,
            when.text,
            when.lower,
            when.upper,
            "",
            self.random.random() < 0.05,
            f"{MARK} {kind.label.capitalize()} ceremony.",
            self.now,
            kind.value,
            "",
            county_id,
            province_id,
            "",
        )

    # Writing -------------------------------------------------------------------------------

    @transaction.atomic
    def write(self) -> Counts:
        with foreign_keys_checked_at_the_end(LOADED_TABLES):
            return self.write_tables()

    def write_tables(self) -> Counts:
        self.plan()
        counts = Counts(factories=len(self.factories), ceremonies=len(self.ceremonies))
        copy_rows("sites_factory", FACTORY_COLUMNS, self.factories)
        copy_rows("events_ceremony", CEREMONY_COLUMNS, self.ceremonies)
        copy_pairs(
            "events_ceremony_factories", ("ceremony_id", "factory_id"), self.ceremony_factories
        )
        del self.ceremonies

        source_ids = self.write_sources()
        counts.sources = len(source_ids)
        first_visit_id = next_id("events_guidancevisit")
        counts.visits = self.write_visits(first_visit_id, self.event_count - counts.ceremonies)
        visit_ids = range(first_visit_id, first_visit_id + counts.visits)
        ceremony_ids = range(self.first_ceremony_id, self.first_ceremony_id + counts.ceremonies)
        factory_ids = [factory_id for factory_id, _ in self.factory_counties]
        for table, column, ids in (
            ("events_citation", "ceremony_id", ceremony_ids),
            ("events_citation", "visit_id", visit_ids),
            ("events_citation", "factory_id", factory_ids),
        ):
            pairs = (array("q", ids), array("q", (self.random.choice(source_ids) for _ in ids)))
            copy_pairs(table, (column, "source_id"), pairs)
        counts.photos = self.write_photos(source_ids, factory_ids, ceremony_ids, visit_ids)
        for table in (
            "sites_factory",
            "events_ceremony",
            "events_guidancevisit",
            "events_source",
            "events_photo",
        ):
            reset_sequence(table)
        return counts

    def write_sources(self) -> list[int]:
        first = next_id("events_source")
        publishers = ["KCNA", "Rodong Sinmun", "Voice of Korea", "Yonhap", "NK News"]
        rows = []
        for n in range(max(1, self.event_count // 10)):
            published = self.vague(self.some_day(), (day, day, day, month))
            rows.append(
                (
                    first + n,
                    f"{MARK} Article {n + 1}",
                    self.random.choice(publishers),
                    f"https://example.org/synthetic/{n + 1}",
                    published.text,
                    published.lower,
                    published.upper,
                    "en",
                    f"{MARK} excerpt.",
                    "",
                    self.now,
                    "",
                    "",
                )
            )
        copy_rows("events_source", SOURCE_COLUMNS, rows)
        return [row[0] for row in rows]

    def write_visits(self, first: int, total: int) -> int:
        kinds = [choice.value for choice in VisitKind]
        counties = [c for c in self.counties if c[0] in self.factories_by_county]
        pairs = (array("q"), array("q"))

        def rows():
            for n in range(total):
                county_id, province_id, *_ = self.random.choice(counties)
                when = self.vague(self.some_day())
                pk = first + n
                yield (
                    pk,
                    when.text,
                    when.lower,
                    when.upper,
                    "",
                    self.random.random() < 0.1,
                    f"{MARK} Guidance visit.",
                    self.now,
                    self.random.choice(kinds),
                    "",
                    county_id,
                    province_id,
                    "",
                )
                choices = self.factories_by_county[county_id]
                for factory_id in {
                    self.random.choice(choices) for _ in range(self.random.randint(1, 2))
                }:
                    self.link(pairs, pk, factory_id)

        copy_rows("events_guidancevisit", VISIT_COLUMNS, rows())
        copy_pairs("events_guidancevisit_factories", ("guidancevisit_id", "factory_id"), pairs)
        return total

    def write_photos(self, source_ids, factory_ids, ceremony_ids, visit_ids) -> int:
        ensure_photo_file()
        first = next_id("events_photo")
        targets = [ids for ids in (factory_ids, ceremony_ids, visit_ids) if ids]

        def rows():
            for n in range(self.event_count // 20):
                shows = [None, None, None]
                which = n % len(targets)
                shows[which] = self.random.choice(targets[which])
                yield (
                    first + n,
                    PHOTO_NAME,
                    1,
                    1,
                    "",
                    f"{MARK} Photo {n + 1}",
                    MARK,
                    self.random.choice(source_ids),
                    *shows,
                    self.now,
                )

        return copy_rows("events_photo", PHOTO_COLUMNS, rows())


# A factory's row: what staff give it (its one field list), then what the app derives on save.
FACTORY_COLUMNS = (
    "id",
    *(Factory._meta.get_field(name).column for name in FACTORY_FIELDS),
    *MILESTONE_FIELDS,
    "search_keys",
    "updated_at",
    "in_programme",
)
EVENT_COLUMNS = (
    "id",
    "date",
    "date_lower",
    "date_upper",
    "place_name",
    "leader_present",
    "summary",
    "updated_at",
    "kind",
)
CEREMONY_COLUMNS = (*EVENT_COLUMNS, "speakers", "county_id", "province_id", "summary_ko")
VISIT_COLUMNS = (*EVENT_COLUMNS, "led_by", "county_id", "province_id", "summary_ko")
SOURCE_COLUMNS = (
    "id",
    "title",
    "publisher",
    "url",
    "published",
    "published_lower",
    "published_upper",
    "language",
    "excerpt",
    "full_text",
    "updated_at",
    "description",
    "title_note",
)
PHOTO_COLUMNS = (
    "id",
    "image",
    "width",
    "height",
    "thumbnail",
    "caption",
    "credit",
    "source_id",
    "factory_id",
    "ceremony_id",
    "visit_id",
    "updated_at",
)


def ensure_photo_file() -> None:
    """One tiny image that every synthetic photo row shows."""
    if default_storage.exists(PHOTO_NAME):
        return
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (1, 1), (128, 128, 128)).save(buffer, format="PNG")
    default_storage.save(PHOTO_NAME, ContentFile(buffer.getvalue()))


def generate(*, factories: int, events: int, seed: int = 20) -> Counts:
    """Write synthetic records into the default database (PostgreSQL) in one transaction."""
    return Generator(factories=factories, events=events, seed=seed).write()
