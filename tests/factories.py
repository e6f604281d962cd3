"""Small builders with sensible defaults, so a test states only what it is about.

A factory or event cites a source unless `draft=True` (or `sources=[]` for an event): one
that cites none is a draft, which nothing public shows (sites.models.CitedQuerySet)."""

import itertools

from events import services
from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province

_serial = itertools.count(1)


def province(**fields) -> Province:
    n = next(_serial)
    fields = {"name": f"Province {n}", "slug": f"province-{n}", "name_ko": "평안남도", **fields}
    return Province.objects.create(**fields)


def county(**fields) -> County:
    n = next(_serial)
    if "province" not in fields:
        fields["province"] = province()
    fields = {"name": f"County {n}", "slug": f"county-{n}", "name_ko": "성천군", **fields}
    return County.objects.create(**fields)


def factory(*, draft: bool = False, **fields) -> Factory:
    n = next(_serial)
    if "county" not in fields:
        fields["county"] = county()
    fields = {"name": f"Factory {n}", "slug": f"factory-{n}", **fields}
    made = Factory.objects.create(**fields)
    if not draft:
        made.sources.add(source())
    return made


def source(**fields) -> Source:
    n = next(_serial)
    return Source.objects.create(**{"title": f"Article {n}", "published": "2025", **fields})


def ceremony(*, draft: bool = False, **fields) -> Ceremony:
    """Through the service, as staff would make it: the factories' dates follow."""
    fields = {"kind": "groundbreaking", "date": "2024-03", **_cited(draft, fields)}
    return services.save_ceremony(**fields)


def visit(*, draft: bool = False, **fields) -> GuidanceVisit:
    fields = {"kind": "field guidance", "date": "2024-05", **_cited(draft, fields)}
    return services.save_guidance_visit(**fields)


def _cited(draft: bool, fields: dict) -> dict:
    if draft:
        return {**fields, "sources": []}
    if fields.get("sources") is None:
        return {**fields, "sources": [source()]}
    return fields
