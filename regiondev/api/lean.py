"""Lean list payloads: what the serializers give, built as plain dicts.

A ModelSerializer walks a field object per value and calls `reverse()` for every URL of
every row; on a page of 100 factories that is most of the time spent. Here each URL pattern
is reversed once per request and filled in per row, and each row is one dict literal. The
output is the serializer's, key for key (tests/perf/test_lean.py compares them), so the
JSON, CSV and GeoJSON renderers see no difference.
"""

from urllib.parse import quote

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from events.models import Source

# Digits fit every URL converter in use (slug, int and the API's lookup patterns).
PLACEHOLDER = "918273645"
# As reverse() quotes path arguments.
SAFE = "!$&'()*+,;=/~:@"
BRIEF_SOURCE_FIELDS = ("id", "title", "publisher", "published", "url")


class URLs:
    """Absolute URLs of one request: each pattern reversed once, then filled in per row."""

    def __init__(self, request):
        self.request = request
        self.templates = {}

    def __call__(self, view_name: str, key) -> str:
        template = self.templates.get(view_name)
        if template is None:
            path = reverse(view_name, args=[PLACEHOLDER])
            template = self.request.build_absolute_uri(path) if self.request else path
            self.templates[view_name] = template
        return template.replace(PLACEHOLDER, quote(str(key), safe=SAFE))


def brief_sources():
    """The sources of a list's rows, without their full text."""
    return Prefetch("sources", queryset=Source.objects.only(*BRIEF_SOURCE_FIELDS))


def date(value):
    return value.isoformat() if value is not None else None


def datetime(value):
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def brief(urls: URLs, view_name: str, place) -> dict:
    return {
        "id": place.id,
        "url": urls(view_name, place.slug),
        "slug": place.slug,
        "name": place.name,
    }


def source(urls: URLs, record) -> dict:
    return {
        "id": record.id,
        "url": urls("api:source-detail", record.id),
        "title": record.title,
        "publisher": record.publisher,
        "published": record.published,
        "link": record.url or None,
    }


def factories(rows, request) -> list[dict]:
    """FactorySerializer's output for each of `rows` (select_related county__province,
    prefetched sources)."""
    urls = URLs(request)
    payload = []
    for factory in rows:
        county = factory.county
        groundbreaking, inauguration = factory.groundbreaking, factory.inauguration
        construction = factory.construction_time
        payload.append(
            {
                "id": factory.id,
                "url": urls("api:factory-detail", factory.slug),
                "page_url": urls("sites:factory-detail", factory.slug),
                "timeline_url": urls("api:factory-timeline", factory.slug),
                "slug": factory.slug,
                "name": factory.name,
                "county": brief(urls, "api:county-detail", county),
                "province": brief(urls, "api:province-detail", county.province),
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
                "sources": [source(urls, record) for record in factory.sources.all()],
                "updated_at": datetime(factory.updated_at),
            }
        )
    return payload
