"""Every write of a factory: the admin, the API, the import and the intake call save_factory().

It validates, derives the slug from the name when none is given, saves and sets the sources
in one transaction; bad input raises a ValidationError keyed by field and saves nothing.
"""

import re
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify
from unidecode import unidecode

from sites.choices import Sector
from sites.models import County, Factory
from sites.romanization import dprk_romanize

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
SLUG_LENGTH = Factory._meta.get_field("slug").max_length

def slug_for(name: str, model=Factory, exclude_pk=None) -> str:
    """A slug made from the name, unique among `model`'s records: hangul as the DPRK's own
    English spells it, other letters without their marks; `-2`, `-3`… when it is taken."""
    latin = _HANGUL_RUN.sub(lambda run: f" {dprk_romanize(run.group())} ", name or "")
    base = slugify(unidecode(latin))[: SLUG_LENGTH - 4].strip("-") or model._meta.model_name
    taken = set(
        model.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$")
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def save_factory(
    *,
    factory: Factory | None = None,
    county: County,
    name: str,
    slug: str = "",
    sector: str = Sector.OTHER,
    products: str = "",
    description: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    sources: Iterable | None = None,
    bulk_checked: bool = False,
) -> Factory:
    """Create `factory` or change it to the values given. An empty slug keeps the one it has,
    or is made from the name for a new factory."""
    factory = factory if factory is not None else Factory()
    with transaction.atomic():
        check_factory(
            factory=factory,
            bulk_checked=bulk_checked,
            county=county,
            name=name,
            slug=slug,
            sector=sector,
            products=products,
            description=description,
            latitude=latitude,
            longitude=longitude,
        )
        factory.save()
        if sources is not None:  # None leaves the citations and their claims as they are
            factory.sources.set(list(sources))
    return factory


def check_factory(
    *, factory: Factory | None = None, slug: str = "", bulk_checked: bool = False, **fields
) -> Factory:
    """What save_factory() would refuse, refused the same way, with nothing written.

    `bulk_checked` says the caller has read the county from the database and found no other
    factory with the slug, for many factories at once (an import does, in one query each
    per file): the check then does not ask again for each factory, two queries that made
    most of a large import's preview.
    """
    factory = factory if factory is not None else Factory()
    fields = {"sector": Sector.OTHER, "latitude": None, "longitude": None, **fields}
    fields.pop("sources", None)
    for name, value in fields.items():
        setattr(factory, name, value)
    factory.slug = slug.strip() or factory.slug or slug_for(factory.name)
    factory.full_clean(
        exclude=["county"] if bulk_checked and factory.county_id else None,
        validate_unique=not bulk_checked,
    )
    return factory
