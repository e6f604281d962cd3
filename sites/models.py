"""Places: provinces, their counties, and the factories built in them."""

from decimal import Decimal

import pycountry
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse

from regiondev.changes import History
from regiondev.constraints import CheckConstraint
from regiondev.dates import FuzzyDate, days_between
from sites.choices import PROGRAMME_YEARS, CountyKind, FactoryStatus, ProvinceKind, Sector
from sites.factory_names import korean_name
from sites.names import dprk_spelling, revised_romanization
from sites.search import search_key, search_keys, split_aliases


def union_of_ids(*querysets):
    """The ids any of the querysets finds, as one subquery."""
    first, *others = (queryset.order_by().values("pk") for queryset in querysets)
    return first.union(*others)


def cites_a_source(model, outer: str = "pk") -> Exists:
    """Whether the record (`outer` of the query, its pk by default) cites a source: an EXISTS
    over its citations, so a list costs no more queries for asking."""
    citations = model._meta.get_field("citations")
    return Exists(citations.related_model.objects.filter(**{citations.field.name: OuterRef(outer)}))


class CitedQuerySet(models.QuerySet):
    """Records that stand on sources. One that cites none is a draft: staff see it (marked
    so in the admin), and nothing public does, neither a page, a count, a feed, the API for
    anonymous clients nor a download, until it cites a source."""

    def public(self):
        return self.filter(cites_a_source(self.model))

    def drafts(self):
        return self.filter(~cites_a_source(self.model))

    def with_draft_mark(self):
        """Each record with `is_cited`, for lists that show drafts (the admin)."""
        return self.annotate(is_cited=cites_a_source(self.model))


def public_factories(path: str = "factories") -> Q:
    """A condition on a place's or event's `path` to factories: only public ones, for counts
    and prefetches across the relation."""
    return Q(**{f"{path}__in": Factory.objects.public().values("pk")})


class PlaceQuerySet(models.QuerySet):
    def search(self, text: str):
        """Places any of whose spellings starts with the search key of `text`."""
        key = search_key(text)
        if not key:
            return self.none()
        return self.filter(search_keys__contains=f" {key}")


class Place(models.Model):
    """Every spelling a place goes by, and the search keys made from them."""

    name = models.CharField(
        max_length=100, help_text="As the DPRK's own English writes it, e.g. Songchon."
    )
    slug = models.SlugField(max_length=120, unique=True, help_text="The place's address in URLs.")
    name_ko = models.CharField(
        "hangul", max_length=50, blank=True, help_text="With its ending, e.g. 성천군."
    )
    name_mr = models.CharField(
        "McCune–Reischauer", max_length=100, blank=True, help_text="e.g. Sŏngch'ŏn-gun."
    )
    name_rr = models.CharField(
        "Revised Romanization",
        max_length=100,
        blank=True,
        editable=False,
        help_text="Derived from the hangul.",
    )
    name_dprk = models.CharField(
        "DPRK romanization",
        max_length=100,
        blank=True,
        editable=False,
        help_text="The DPRK's 1992 system as KCNA writes it, derived from the hangul.",
    )
    aliases = models.TextField(
        blank=True, help_text="Other spellings, one per line or separated by semicolons."
    )
    description = models.TextField(blank=True)
    description_ko = models.TextField(
        "description in Korean", blank=True, help_text="Shown on the Korean pages."
    )
    search_keys = models.TextField(
        blank=True, editable=False, help_text="Search keys of every spelling, kept on save."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.derive_spellings()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "name_rr",
                "name_dprk",
                "search_keys",
            }
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)

    def spellings(self) -> list[str]:
        return [
            self.name,
            self.name_ko,
            self.name_mr,
            self.name_rr,
            self.name_dprk,
            *self.alias_list,
        ]

    def derive_spellings(self) -> None:
        self.name_rr = revised_romanization(self.name_ko)
        self.name_dprk = dprk_spelling(self.name_ko)
        self.search_keys = search_keys(self.spellings())


def coordinate_fields():
    return (
        models.DecimalField(
            max_digits=9,
            decimal_places=6,
            null=True,
            blank=True,
            validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
            help_text="Degrees north, −90 to 90.",
        ),
        models.DecimalField(
            max_digits=9,
            decimal_places=6,
            null=True,
            blank=True,
            validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
            help_text="Degrees east, −180 to 180.",
        ),
    )


def coordinate_constraints():
    return [
        CheckConstraint(
            condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
            name="%(app_label)s_%(class)s_latitude_in_range",
            violation_error_message="Latitude must be between −90 and 90 degrees.",
        ),
        CheckConstraint(
            condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
            name="%(app_label)s_%(class)s_longitude_in_range",
            violation_error_message="Longitude must be between −180 and 180 degrees.",
        ),
        CheckConstraint(
            condition=Q(latitude__isnull=True, longitude__isnull=True)
            | Q(latitude__isnull=False, longitude__isnull=False),
            name="%(app_label)s_%(class)s_coordinates_paired",
            violation_error_message="Give both latitude and longitude, or neither.",
        ),
    ]


class Province(Place):
    """A first-level division: a province or a special or directly governed city."""

    kind = models.CharField(max_length=30, choices=ProvinceKind, default=ProvinceKind.PROVINCE)
    iso_code = models.CharField(
        "ISO 3166-2 code", max_length=6, unique=True, null=True, blank=True, help_text="e.g. KP-02."
    )
    iso_name = models.CharField(
        "ISO 3166-2 name",
        max_length=100,
        blank=True,
        editable=False,
        help_text="Derived from the ISO code.",
    )

    history = History()

    class Meta:
        ordering = ["iso_code", "name"]
        indexes = [models.Index(fields=["kind"], name="sites_province_kind_idx")]
        constraints = [
            CheckConstraint(
                condition=Q(iso_code__isnull=True) | Q(iso_code__startswith="KP-"),
                name="sites_province_iso_code_kp",
                violation_error_message="An ISO 3166-2 code here starts with KP-, e.g. KP-02.",
            ),
        ]

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "iso_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("sites:province-detail", args=[self.slug])

    def spellings(self) -> list[str]:
        return [*super().spellings(), self.iso_name]

    def derive_spellings(self) -> None:
        subdivision = pycountry.subdivisions.get(code=self.iso_code) if self.iso_code else None
        self.iso_name = subdivision.name if subdivision else ""
        super().derive_spellings()


class County(Place):
    """A second-level division: a county (군), city (시), district (구역) or area (지구)."""

    province = models.ForeignKey(
        "sites.Province", on_delete=models.PROTECT, related_name="counties"
    )
    kind = models.CharField(max_length=20, choices=CountyKind, default=CountyKind.COUNTY)
    latitude, longitude = coordinate_fields()
    programme_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(PROGRAMME_YEARS[0]), MaxValueValidator(PROGRAMME_YEARS[-1])],
        help_text="The year (2024–2033) the county joined the 20×10 policy; empty if not known.",
    )
    sources = models.ManyToManyField(
        "events.Source",
        blank=True,
        related_name="counties",
        help_text="Sources for the description.",
    )

    history = History()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "counties"
        # Behind every API filter and ordering; an order's index ends with the id, the
        # tie-breaker of keyset pages. Search keys have trigram indexes on PostgreSQL
        # (migration 0002).
        indexes = [
            models.Index(fields=["programme_year", "id"], name="sites_county_programme_idx"),
            models.Index(fields=["kind"], name="sites_county_kind_idx"),
            models.Index(fields=["latitude"], name="sites_county_latitude_idx"),
        ]
        constraints = [
            *coordinate_constraints(),
            CheckConstraint(
                condition=Q(programme_year__isnull=True)
                | Q(
                    programme_year__gte=PROGRAMME_YEARS[0], programme_year__lte=PROGRAMME_YEARS[-1]
                ),
                name="sites_county_programme_year_in_range",
                violation_error_message="The programme year is between 2024 and 2033.",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("sites:county-detail", args=[self.slug])


# What a factory's ceremonies decide (events/milestones.py); stored for filtering and
# ordering, never typed: forms, imports and the history leave them out.
MILESTONE_FIELDS = (
    "status",
    "groundbreaking_date",
    "groundbreaking_lower",
    "groundbreaking_upper",
    "inauguration_date",
    "inauguration_lower",
    "inauguration_upper",
)
# What staff give a factory, beside its sources, in the order its files show them: the
# service's keywords, the admin form's and the API's writable fields, the import columns.
FACTORY_FIELDS = (
    "slug",
    "name",
    "name_ko",
    "county",
    "sector",
    "products",
    "description",
    "latitude",
    "longitude",
)


class FactoryQuerySet(CitedQuerySet):
    def search(self, text: str):
        """Factories whose name, or whose county's spelling, starts with the key of `text`."""
        key = search_key(text)
        if not key:
            return self.none()
        # A UNION rather than an OR across the join, so each side is read through its own
        # (trigram) index instead of the whole table.
        by_name = Factory.objects.filter(search_keys__contains=f" {key}")
        by_county = Factory.objects.filter(county__search_keys__contains=f" {key}")
        words = text.strip()
        if len(words) < 3:
            return self.filter(pk__in=union_of_ids(by_name, by_county))
        # What it is or makes, anywhere in its name or products: "paper mill", "soy sauce".
        by_words = Factory.objects.filter(name__icontains=words)
        by_products = Factory.objects.filter(products__icontains=words)
        return self.filter(pk__in=union_of_ids(by_name, by_county, by_words, by_products))


class Factory(models.Model):
    """A regional-industry factory. Its status and key dates come from its ceremonies."""

    county = models.ForeignKey("sites.County", on_delete=models.PROTECT, related_name="factories")
    name = models.CharField(max_length=200)
    name_ko = models.CharField(
        "hangul",
        max_length=200,
        blank=True,
        help_text="As Korean sources write it; where empty, pages say the county's hangul "
        "name and what the factory is, e.g. 성천군 지방공업공장.",
    )
    slug = models.SlugField(max_length=220, unique=True)
    sector = models.CharField(max_length=30, choices=Sector, default=Sector.OTHER)
    products = models.TextField(blank=True, help_text="What it makes, as the sources say.")
    description = models.TextField(blank=True)
    # Kimhwa's pilot factories (2020–22) preceded the policy: recorded, not counted in it.
    in_programme = models.BooleanField(
        default=True,
        help_text="Built under the Regional Development 20×10 Policy (not an earlier pilot).",
    )
    latitude, longitude = coordinate_fields()
    sources = models.ManyToManyField(
        "events.Source",
        blank=True,
        related_name="factories",
        through="events.Citation",
        through_fields=("factory", "source"),
    )

    # Derived from ceremonies by events.milestones.refresh_milestones(); never typed.
    status = models.CharField(
        max_length=20,
        choices=FactoryStatus,
        default=FactoryStatus.PLANNED,
        editable=False,
    )
    groundbreaking_date = models.CharField(max_length=50, blank=True, editable=False)
    groundbreaking_lower = models.DateField(null=True, editable=False)
    groundbreaking_upper = models.DateField(null=True, editable=False)
    inauguration_date = models.CharField(max_length=50, blank=True, editable=False)
    inauguration_lower = models.DateField(null=True, editable=False)
    inauguration_upper = models.DateField(null=True, editable=False)
    search_keys = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    history = History()
    objects = FactoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "factories"
        # Behind every API filter and ordering (see County).
        indexes = [
            models.Index(fields=["sector", "id"], name="sites_factory_sector_idx"),
            models.Index(fields=["status", "id"], name="sites_factory_status_idx"),
            models.Index(fields=["groundbreaking_lower", "id"], name="sites_factory_gb_lower_idx"),
            models.Index(fields=["inauguration_lower", "id"], name="sites_factory_in_lower_idx"),
            models.Index(fields=["groundbreaking_upper"], name="sites_factory_gb_upper_idx"),
            models.Index(fields=["inauguration_upper"], name="sites_factory_in_upper_idx"),
            models.Index(fields=["latitude"], name="sites_factory_latitude_idx"),
            models.Index(fields=["in_programme"], name="sites_factory_programme_idx"),
        ]
        constraints = [
            *coordinate_constraints(),
            CheckConstraint(
                condition=Q(inauguration_upper__isnull=True)
                | Q(groundbreaking_lower__isnull=True)
                | Q(inauguration_upper__gte=F("groundbreaking_lower")),
                name="sites_factory_inauguration_after_groundbreaking",
                violation_error_message=(
                    "A factory cannot be inaugurated before its groundbreaking."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_keys = search_keys([self.name, self.name_ko])
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_keys"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("sites:factory-detail", args=[self.slug])

    @property
    def display_name_ko(self) -> str:
        """The name Korean pages show (needs the county loaded with it)."""
        return self.name_ko or korean_name(
            county_ko=self.county.name_ko, name=self.name, sector=self.sector
        )

    @property
    def groundbreaking(self):
        if not self.groundbreaking_date:
            return None
        return FuzzyDate(
            self.groundbreaking_date, self.groundbreaking_lower, self.groundbreaking_upper
        )

    @property
    def inauguration(self):
        if not self.inauguration_date:
            return None
        return FuzzyDate(self.inauguration_date, self.inauguration_lower, self.inauguration_upper)

    @property
    def construction_time(self):
        """Days from groundbreaking to inauguration, as a range where either date is vague."""
        if self.groundbreaking and self.inauguration:
            return days_between(self.groundbreaking, self.inauguration)
        return None
