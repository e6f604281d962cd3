"""One FilterSet per event model, shared by the API and the HTML list pages.

The conventions are those of `regiondev/filters.py`, with `q` from `sites/filters.py`. Dates
filter on the derived bounds: an event matches a range when it MAY fall in it
(`date_upper >= date_after`, `date_lower <= date_before`), so "late February 2024" is found by
a search for the 25th.
"""

import django_filters
from django.db.models import Q

from events.models import Ceremony, GuidanceVisit, Person, Photo, Source
from regiondev.filters import IntegerFilter, IntegerInFilter, related
from sites.choices import PROGRAMME_YEARS
from sites.filters import SearchFilterSet
from sites.models import County, Factory, Province, union_of_ids

EVENT_FIELDS = {"kind": ["exact", "in"], "leader_present": ["exact"]}


class EventFilterSet(SearchFilterSet):
    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    county_id = related(County, "county", label="County (id)")
    county = related(County, "county", by="slug", label="County (slug)")
    province_id = related(Province, "province", label="Province (id)")
    province = related(Province, "province", by="slug", label="Province (slug)")
    factory_id = related(Factory, "factories", distinct=True, label="Factory (id)")
    factory = related(Factory, "factories", by="slug", distinct=True, label="Factory (slug)")
    source_id = related(Source, "sources", distinct=True, label="Source (id)")
    person = related(Person, "appearances__person", by="slug", distinct=True, label="Person (slug)")
    programme_year = django_filters.ChoiceFilter(
        field_name="county__programme_year",
        choices=[(year, year) for year in PROGRAMME_YEARS],
        label="Programme year",
        help_text="The programme year of the event's county.",
    )
    date_after = django_filters.DateFilter(
        field_name="date_upper",
        lookup_expr="gte",
        label="From",
        help_text="Events that may have happened on or after this day (YYYY-MM-DD).",
    )
    date_before = django_filters.DateFilter(
        field_name="date_lower",
        lookup_expr="lte",
        label="Until",
        help_text="Events that may have happened on or before this day (YYYY-MM-DD).",
    )
    ordering = django_filters.OrderingFilter(fields=[("date_lower", "date"), "kind", "id"])


class CeremonyFilterSet(EventFilterSet):
    class Meta:
        model = Ceremony
        fields = EVENT_FIELDS


class GuidanceVisitFilterSet(EventFilterSet):
    class Meta:
        model = GuidanceVisit
        fields = EVENT_FIELDS


class PersonFilterSet(SearchFilterSet):
    """`q` finds a person by any spelling of their name, as the search rule reads it."""

    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    ordering = django_filters.OrderingFilter(fields=["name", "id"])

    class Meta:
        model = Person
        fields = []


class SourceFilterSet(SearchFilterSet):
    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    published_after = django_filters.DateFilter(
        field_name="published_upper",
        lookup_expr="gte",
        help_text="Sources that may have been published on or after this day (YYYY-MM-DD).",
    )
    published_before = django_filters.DateFilter(
        field_name="published_lower",
        lookup_expr="lte",
        help_text="Sources that may have been published on or before this day (YYYY-MM-DD).",
    )
    ordering = django_filters.OrderingFilter(
        fields=[("published_lower", "published"), "publisher", "id"]
    )

    class Meta:
        model = Source
        fields = {
            "key": ["exact"],
            "publisher": ["exact", "in"],
            "language": ["exact", "in"],
            "state_media": ["exact"],
        }

    def search(self, queryset, name, value):
        """Sources name no place of their own, so search their title (or, where the headline
        is not known, their description) and excerpt."""
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(excerpt__icontains=value)
        )


class PhotoFilterSet(SearchFilterSet):
    id = IntegerFilter()
    id__in = IntegerInFilter(field_name="id")
    source_id = related(Source, "source", label="Source (id)")
    factory_id = related(Factory, "factory", label="Factory (id)")
    factory = related(Factory, "factory", by="slug", label="Factory (slug)")
    ceremony_id = related(Ceremony, "ceremony", label="Ceremony (id)")
    visit_id = related(GuidanceVisit, "visit", label="Guidance visit (id)")
    ordering = django_filters.OrderingFilter(fields=["id"])

    class Meta:
        model = Photo
        fields = []

    def search(self, queryset, name, value):
        """Photos of what the search rule finds (factories, events), or by caption or credit."""
        # A UNION, so each part is read through its own index rather than every photo.
        return queryset.filter(
            pk__in=union_of_ids(
                Photo.objects.filter(caption__icontains=value),
                Photo.objects.filter(credit__icontains=value),
                Photo.objects.filter(factory__in=Factory.objects.search(value)),
                Photo.objects.filter(ceremony__in=Ceremony.objects.search(value)),
                Photo.objects.filter(visit__in=GuidanceVisit.objects.search(value)),
            )
        )
