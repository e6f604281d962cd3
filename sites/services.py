"""Every write of a factory: the admin, the API, the import, the intake and the seed load call
save_factory(), or check_factory() and then save_checked() where a form shows the check's
errors before it saves.

It validates once, derives the slug from the name when none is given, saves and sets the
sources in one transaction; bad input raises a ValidationError keyed by field and saves nothing.
Writes of one batch (regiondev.batch: a file's rows, the seed load) share what they read, and
see the slugs the batch's earlier rows took, written yet or not.
"""

import re
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify
from unidecode import unidecode

from regiondev.batch import Batch, Checked
from sites.choices import Sector
from sites.models import County, Factory
from sites.romanization import dprk_romanize

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_NUMBERED = re.compile(r"-[0-9]+$")
SLUG_LENGTH = Factory._meta.get_field("slug").max_length


def slug_base(name: str, model=Factory) -> str:
    """The slug a name makes: hangul as the DPRK's own English spells it, other letters
    without their marks."""
    latin = _HANGUL_RUN.sub(lambda run: f" {dprk_romanize(run.group())} ", name or "")
    return slugify(unidecode(latin))[: SLUG_LENGTH - 4].strip("-") or model._meta.model_name


def slug_for(name: str, model=Factory, *, batch: Batch | None = None, owner=None) -> str:
    """A slug made from the name, free among `model`'s records as the batch knows them
    (`owner`'s own slug counts as free); `-2`, `-3`… when it is taken."""
    batch = batch if batch is not None else Batch()
    base = slug_base(name, model)
    read_slug_families(batch, [base], model)
    label = model._meta.label
    family = _families(batch, model)[base] | _claimed_in_families(batch, model).get(base, set())
    taken = {
        slug for slug in family if batch.owners.get((label, "slug", slug)) not in (None, owner)
    }
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    # Read with its family: free unless the batch has claimed it.
    batch.owners.setdefault((label, "slug", slug), None)
    return slug


def read_factory_slugs(batch: Batch, *, slugs: Iterable[str], names: Iterable[str]) -> None:
    """Read at once who holds the slugs a file gives and the slugs its keyless rows' names
    would make, so that its rows ask nothing more of the database about slugs."""
    batch.read_holders(Factory, "slug", [slug for slug in slugs if slug])
    read_slug_families(batch, {slug_base(name) for name in names})


def read_slug_families(batch: Batch, bases: Iterable[str], model=Factory) -> None:
    """The slugs `base`, `base-2`, `base-3`… held in the database, for each base not read yet."""
    families, label = _families(batch, model), model._meta.label
    wanted = sorted(set(bases) - set(families))
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        pattern = rf"^({'|'.join(re.escape(base) for base in chunk)})(-[0-9]+)?$"
        read = {base: set() for base in chunk}
        for slug, pk in model._base_manager.filter(slug__regex=pattern).values_list("slug", "pk"):
            batch.owners.setdefault((label, "slug", slug), pk)  # the batch's own claims stand
            for base in {slug, _NUMBERED.sub("", slug)} & read.keys():
                read[base].add(slug)
        families.update(read)


def _families(batch: Batch, model) -> dict:
    return batch.state.setdefault(("slug families", model._meta.label), {})


def _claimed_in_families(batch: Batch, model) -> dict:
    """Slugs claimed in the batch, by each base they may be a numbered form of."""
    return batch.state.setdefault(("slugs claimed", model._meta.label), {})


def _claim_slug(batch: Batch, factory: Factory, owner, before: dict) -> None:
    batch.claim(factory, owner, before)
    claimed = _claimed_in_families(batch, Factory)
    for base in {factory.slug, _NUMBERED.sub("", factory.slug)}:
        claimed.setdefault(base, set()).add(factory.slug)


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
    in_programme: bool | None = None,
    sources: Iterable | None = None,
    batch: Batch | None = None,
) -> Factory:
    """Create `factory` or change it to the values given. An empty slug keeps the one it has,
    or is made from the name for a new factory; `in_programme` None keeps what it holds."""
    with transaction.atomic():
        checked = check_factory(
            factory=factory,
            batch=batch,
            county=county,
            name=name,
            slug=slug,
            sector=sector,
            products=products,
            description=description,
            latitude=latitude,
            longitude=longitude,
            in_programme=in_programme,
            sources=sources,
        )
        return save_checked(checked)


def check_factory(
    *, factory: Factory | None = None, batch: Batch | None = None, **fields
) -> Checked:
    """What save_factory() would refuse, refused the same way, with nothing written; what it
    passes, for save_checked() to write. In a batch, the factory's slug counts as taken for
    the batch's later writes, as its save would make it."""
    factory = factory if factory is not None else Factory()
    batch = batch if batch is not None else Batch()
    fields = {"slug": "", "sector": Sector.OTHER, "latitude": None, "longitude": None, **fields}
    sources = fields.pop("sources", None)
    if fields.get("in_programme") is None:
        fields.pop("in_programme", None)
    owner, before = _validate(factory, batch, **fields)
    _claim_slug(batch, factory, owner, before)
    relations = {"sources": None if sources is None else list(sources)}
    return Checked(factory, batch, owner, relations, before)


def save_checked(checked: Checked) -> Factory:
    """Write what check_factory() passed, as it passed it. Sources None leave the citations
    and their claims as they are."""
    checked.confirm()
    factory, sources = checked.record, checked.relations["sources"]
    with transaction.atomic():
        factory.save()
        owner = checked.owner if checked.owner is not None else factory.pk
        _claim_slug(checked.batch, factory, owner, checked.before)
        if sources is not None:
            factory.sources.set(sources)
    return factory


def _validate(factory: Factory, batch: Batch, *, slug: str, **fields) -> tuple:
    """Assign the values and refuse them if they do not hold; who the factory is to the batch,
    and the unique values it held before."""
    owner, before = batch.owner_of(factory), batch.unique_values(factory)
    for name, value in fields.items():
        setattr(factory, name, value)
    factory.slug = slug.strip() or factory.slug or slug_for(factory.name, batch=batch, owner=owner)
    batch.full_clean(factory)
    return owner, before
