"""Lean list payloads: what the serializers give, built as plain dicts.

A ModelSerializer walks a field object per value and calls `reverse()` for every URL of
every row; on a page of 100 factories that is most of the time spent. Here each URL pattern
is reversed once per request and filled in per row, and each row is one dict literal. A page
is two queries: the factories with their place as plain columns, and the sources of all of
them as plain values, so no county, province or source is built as a model instance.
The output is the serializer's, key for key (tests/perf/test_lean.py compares them), so the
JSON, CSV and GeoJSON renderers see no difference.
"""

import datetime as dt
import re
from collections import defaultdict
from urllib.parse import quote

from django.db import connections
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from regiondev.dates import days_between
from sites.models import Factory

# The sources factories cite ("events.Source"), reached through the relation: places do not
# import the events app above them.
Source = Factory._meta.get_field("sources").related_model

# Digits fit every URL converter in use (slug, int and the API's lookup patterns).
PLACEHOLDER = "918273645"
# As reverse() quotes path arguments.
SAFE = "!$&'()*+,;=/~:@"
PLAIN_KEY = re.compile(r"[-\w]+", re.ASCII)
# What `source()` shows, and the date it is ordered by.
SOURCE_KEYS = ("id", "title", "description", "publisher", "published", "url", "published_lower")
PLACE_COLUMNS = {
    "county_slug": F("county__slug"),
    "county_name": F("county__name"),
    "province_id": F("county__province_id"),
    "province_slug": F("county__province__slug"),
    "province_name": F("county__province__name"),
}


class URLs:
    """Absolute URLs of one request: each pattern reversed once, then filled in per row."""

    def __init__(self, request):
        self.request = request
        self.templates = {}

    def __call__(self, view_name: str, key) -> str:
        template = self.templates.get(view_name)
        if template is None:
            path = reverse(view_name, args=[PLACEHOLDER])
            url = self.request.build_absolute_uri(path) if self.request else path
            template = self.templates[view_name] = url.split(PLACEHOLDER)
        text = str(key)
        if not PLAIN_KEY.fullmatch(text):  # slugs and ids never need quoting
            text = quote(text, safe=SAFE)
        return text.join(template)


def factory_rows(queryset):
    """`queryset`'s factories with their place as plain columns, for `factories()`."""
    return queryset.select_related(None).prefetch_related(None).annotate(**PLACE_COLUMNS)


def sources_of(factories) -> dict[int, list[dict]]:
    """Each factory's sources, as `source()` reads them, in one query for all of them.

    Plain SQL: the ORM's `__in` prepares each of a hundred ids on its own, which took longer
    than the query. `source()` shows text and numbers as they come; `in_source_order()`
    reads the date.
    """
    if not factories:
        return {}
    ids = [factory.id for factory in factories]
    link, source = Factory.sources.through._meta.db_table, Source._meta.db_table
    columns = ", ".join(f"s.{name}" for name in SOURCE_KEYS)
    placeholders = ", ".join(["%s"] * len(ids))
    by_factory = defaultdict(list)
    with connections[factories[0]._state.db].cursor() as cursor:
        # Table and column names come from the models; the ids are parameters.
        cursor.execute(
            f"SELECT l.factory_id, {columns} FROM {link} l JOIN {source} s ON s.id = l.source_id"  # noqa: S608
            f" WHERE l.factory_id IN ({placeholders})",
            ids,
        )
        for factory_id, *values in cursor.fetchall():
            by_factory[factory_id].append(dict(zip(SOURCE_KEYS, values, strict=True)))
    return by_factory


def in_source_order(sources: list[dict]) -> list[dict]:
    """In SOURCE_ORDER (events/models/ordering.py), as every list of a record's sources is."""
    return sorted(
        sources,
        key=lambda item: Source.order_key(
            as_date(item["published_lower"]), item["title"], item["description"], item["id"]
        ),
    )


def as_date(value) -> dt.date | None:
    """SQLite gives a date column as text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def date(value):
    return value.isoformat() if value is not None else None


def datetime(value, zone):
    """As DRF's DateTimeField gives it, in the request's time zone `zone`."""
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def brief(urls: URLs, view_name: str, pk, slug, name) -> dict:
    return {"id": pk, "url": urls(view_name, slug), "slug": slug, "name": name}


def source(urls: URLs, item: dict) -> dict:
    return {
        "id": item["id"],
        "url": urls("api:source-detail", item["id"]),
        "title": item["title"],
        "description": item["description"],
        "display_title": Source.title_shown(item["title"], item["description"]),
        "publisher": item["publisher"],
        "published": item["published"],
        "link": item["url"] or None,
    }


def factories(rows, request) -> list[dict]:
    """FactorySerializer's output for each of `rows`, from `factory_rows()`."""
    urls = URLs(request)
    zone = timezone.get_current_timezone()
    sources = sources_of(rows)
    payload = []
    for factory in rows:
        groundbreaking, inauguration = factory.groundbreaking, factory.inauguration
        construction = (
            days_between(groundbreaking, inauguration) if groundbreaking and inauguration else None
        )
        payload.append(
            {
                "id": factory.id,
                "url": urls("api:factory-detail", factory.slug),
                "page_url": urls("sites:factory-detail", factory.slug),
                "timeline_url": urls("api:factory-timeline", factory.slug),
                "slug": factory.slug,
                "name": factory.name,
                "name_ko": factory.name_ko,
                "county": brief(
                    urls,
                    "api:county-detail",
                    factory.county_id,
                    factory.county_slug,
                    factory.county_name,
                ),
                "province": brief(
                    urls,
                    "api:province-detail",
                    factory.province_id,
                    factory.province_slug,
                    factory.province_name,
                ),
                "sector": factory.sector,
                "products": factory.products,
                "description": factory.description,
                "latitude": factory.latitude,
                "longitude": factory.longitude,
                "status": factory.status,
                "groundbreaking_date": factory.groundbreaking_date,
                "groundbreaking_lower": date(factory.groundbreaking_lower),
                "groundbreaking_upper": date(factory.groundbreaking_upper),
                "groundbreaking_in_words": groundbreaking.words if groundbreaking else None,
                "inauguration_date": factory.inauguration_date,
                "inauguration_lower": date(factory.inauguration_lower),
                "inauguration_upper": date(factory.inauguration_upper),
                "inauguration_in_words": inauguration.words if inauguration else None,
                "construction_time": (
                    {
                        "shortest": construction.shortest,
                        "longest": construction.longest,
                        "text": str(construction),
                    }
                    if construction
                    else None
                ),
                "sources": [
                    source(urls, item) for item in in_source_order(sources.get(factory.id, []))
                ],
                "updated_at": datetime(factory.updated_at, zone),
            }
        )
    return payload
