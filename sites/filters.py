"""The `q` filter of the one search rule, and one FilterSet per place model.

Shared by the API and the HTML list pages; the FilterSets of events build on SearchFilterSet
too. `q` goes through the one search rule (`Model.objects.search`), so any spelling works; the
other conventions are those of `regiondev/filters.py`.
"""

import django_filters
from django.db.models import Q

from regiondev.filters import (
    BooleanFilter,
    IntegerFilter,
    IntegerInFilter,
    StrictFilterSet,
    related,
)
from sites.models import County, Factory, Province
from sites.search import search_key

# Places cite sources through their `sources` relation ("events.Source"), reached through
# it: places do not import the events app above them.
Source = County._meta.get_field("sources").related_model


class SearchFilterSet(StrictFilterSet):
    """Declares the one `q` filter; a model without search keys overrides `search`."""

    q = django_filters.CharFilter(
        method="search_rule",
        label="Search",
        help_text=(
            "Any spelling of a place: DPRK English, hangul, McCune–Reischauer or Revised "
            "Romanization, with or without diacritics, apostrophes, hyphens or suffixes."
        ),
    )

    def search_rule(self, queryset, name, value):
        """A `q` with nothing to search for (punctuation, symbols) finds nothing, on every
        list; anything else goes to the model's `search`."""
        if not search_key(value):
            return queryset.none()
        return self.search(queryset, name, value)

    def search(self, queryset, name, value):
        return queryset.search(value)


class ProvinceFilterSet(SearchFilterSet):
    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    ordering = django_filters.OrderingFilter(fields=["slug", "iso_code", "id"])

    class Meta:
        model = Province
        fields = {
            "slug": ["exact", "in"],
            "kind": ["exact", "in"],
            "iso_code": ["exact", "in"],
        }


class CountyFilterSet(SearchFilterSet):
    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    province_id = related(Province, "province", label="Province (id)")
    province = related(Province, "province", by="slug", label="Province (slug)")
    source_id = related(Source, "sources", distinct=True, label="Source (id)")
    programme_year = IntegerFilter()
    programme_year__in = IntegerInFilter(field_name="programme_year")
    programme_year__gte = IntegerFilter(field_name="programme_year", lookup_expr="gte")
    programme_year__lte = IntegerFilter(field_name="programme_year", lookup_expr="lte")
    in_programme = BooleanFilter(
        field_name="programme_year",
        lookup_expr="isnull",
        exclude=True,
        label="In the programme",
        help_text="true: counties with a programme year; false: counties without one.",
    )
    has_coordinates = BooleanFilter(
        field_name="latitude",
        lookup_expr="isnull",
        exclude=True,
        help_text="true: counties with coordinates; false: counties without.",
    )
    ordering = django_filters.OrderingFilter(fields=["slug", "programme_year", "id"])

    class Meta:
        model = County
        fields = {"slug": ["exact", "in"], "kind": ["exact", "in"]}


class FactoryFilterSet(SearchFilterSet):
    """Dates filter on what a factory's bounds allow: a vague date matches every range it may
    fall in."""

    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    county_id = related(County, "county", label="County (id)")
    county = related(County, "county", by="slug", label="County (slug)")
    province_id = related(Province, "county__province", label="Province (id)")
    province = related(Province, "county__province", by="slug", label="Province (slug)")
    source_id = related(Source, "sources", distinct=True, label="Source (id)")
    programme_year = IntegerFilter(
        field_name="county__programme_year", help_text="The programme year of the county."
    )
    programme_year__in = IntegerInFilter(
        field_name="county__programme_year",
        help_text="Programme years of the county, comma-separated.",
    )
    in_programme = BooleanFilter(
        label="In the programme",
        help_text=(
            "true: factories of the 20×10 policy; false: those recorded that preceded it "
            "(Kimhwa's pilot factories of 2020–22)."
        ),
    )
    has_coordinates = BooleanFilter(
        field_name="latitude",
        lookup_expr="isnull",
        exclude=True,
        help_text="true: factories with coordinates; false: factories without.",
    )
    date_after = django_filters.DateFilter(
        field_name="inauguration_upper",
        method="construction_after",
        help_text=(
            "Factories whose path from groundbreaking to inauguration may reach this day or "
            "later; a factory with no inauguration reported counts as still being built."
        ),
    )
    date_before = django_filters.DateFilter(
        field_name="groundbreaking_lower",
        method="construction_before",
        help_text=(
            "Factories whose path from groundbreaking to inauguration may have begun on or "
            "before this day."
        ),
    )
    groundbreaking_after = django_filters.DateFilter(
        field_name="groundbreaking_upper",
        lookup_expr="gte",
        help_text="Groundbreaking may have been on or after this day.",
    )
    groundbreaking_before = django_filters.DateFilter(
        field_name="groundbreaking_lower",
        lookup_expr="lte",
        help_text="Groundbreaking may have been on or before this day.",
    )
    inauguration_after = django_filters.DateFilter(
        field_name="inauguration_upper",
        lookup_expr="gte",
        help_text="Inauguration may have been on or after this day.",
    )
    inauguration_before = django_filters.DateFilter(
        field_name="inauguration_lower",
        lookup_expr="lte",
        help_text="Inauguration may have been on or before this day.",
    )
    ordering = django_filters.OrderingFilter(
        fields=[
            "slug",
            "sector",
            "status",
            ("groundbreaking_lower", "groundbreaking"),
            ("inauguration_lower", "inauguration"),
            "id",
        ]
    )

    class Meta:
        model = Factory
        fields = {
            "slug": ["exact", "in"],
            "sector": ["exact", "in"],
            "status": ["exact", "in"],
        }

    def construction_after(self, queryset, name, value):
        return queryset.filter(
            Q(inauguration_upper__gte=value)
            | Q(inauguration_upper__isnull=True, groundbreaking_lower__isnull=False)
        )

    def construction_before(self, queryset, name, value):
        return queryset.filter(
            Q(groundbreaking_lower__lte=value)
            | Q(groundbreaking_lower__isnull=True, inauguration_lower__lte=value)
        )
