"""Small builders with sensible defaults, so a test states only what it is about."""

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


def factory(**fields) -> Factory:
    n = next(_serial)
    if "county" not in fields:
        fields["county"] = county()
    fields = {"name": f"Factory {n}", "slug": f"factory-{n}", **fields}
    return Factory.objects.create(**fields)


def source(**fields) -> Source:
    n = next(_serial)
    return Source.objects.create(**{"title": f"Article {n}", "published": "2025", **fields})


def ceremony(**fields) -> Ceremony:
    """Through the service, as staff would make it: the factories' dates follow."""
    return services.save_ceremony(**{"kind": "groundbreaking", "date": "2024-03", **fields})


def visit(**fields) -> GuidanceVisit:
    return services.save_guidance_visit(**{"kind": "field guidance", "date": "2024-05", **fields})
