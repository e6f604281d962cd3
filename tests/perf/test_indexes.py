"""Every filter and ordering the API offers is served by an index (PostgreSQL only).

The tables here hold a handful of rows, on which PostgreSQL rightly prefers reading the
whole table to any index. `SET enable_seqscan = off` (and, for filters, turning off plain
index scans, which could walk a whole index) is used only to make the planner show which
index it WOULD use on a large table: where no index can serve a filter, the plan still falls
back to a sequential scan, and the test fails. At
100,000 factories and 1,000,000 events (`make bench`) the planner picks these indexes on
its own.
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict

from events.filters import (
    CeremonyFilterSet,
    GuidanceVisitFilterSet,
    PhotoFilterSet,
    SourceFilterSet,
)
from events.models import Ceremony, GuidanceVisit, Person, Photo, Source
from sites.filters import CountyFilterSet, FactoryFilterSet, ProvinceFilterSet
from sites.models import County, Factory, Province
from tests import factories as make

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL plans"),
    pytest.mark.django_db,
]

DAY = datetime.date(2025, 1, 1).isoformat()


@pytest.fixture
def records():
    province = make.province(slug="north", kind="province", iso_code="KP-03")
    county = make.county(province=province, slug="songchon", programme_year=2024)
    factory = make.factory(county=county, slug="mill", sector="foodstuff")
    source = make.source()
    factory.sources.add(source)
    county.sources.add(source)
    ceremony = make.ceremony(factories=[factory], sources=[source], county=county)
    visit = make.visit(factories=[factory], sources=[source], county=county)
    Person.objects.create(name="Kim Jong Un", slug="kim-jong-un")
    Photo.objects.create(
        image="photos/a.png",
        width=1,
        height=1,
        caption="Opening",
        credit="KCNA",
        source=source,
        factory=factory,
    )
    return {
        "province": province,
        "county": county,
        "factory": factory,
        "source": source,
        "ceremony": ceremony,
        "visit": visit,
    }


def plan(queryset, *, reading_whole_indexes=False) -> str:
    """The plan with reading whole tables (and, unless asked, whole indexes) priced out, so
    an index appears only where a condition can use it."""
    switches = ["enable_seqscan"]
    if not reading_whole_indexes:
        switches += ["enable_indexscan", "enable_indexonlyscan"]
    with connection.cursor() as cursor:
        for switch in switches:
            cursor.execute(f"SET {switch} = off")
        try:
            return queryset.explain()
        finally:
            for switch in switches:
                cursor.execute(f"RESET {switch}")


# For each model: the value each filter is tried with, and the index (part of its name) the
# plan must use. `None` as a value takes the record made above.
FACTORY = {
    "id": ("1", "sites_factory_pkey"),
    "id__in": ("1,2", "sites_factory_pkey"),
    "slug": ("mill", "sites_factory_slug"),
    "slug__in": ("mill,other", "sites_factory_slug"),
    "county_id": ("county.pk", "sites_factory_county_id"),
    "county": ("songchon", "sites_factory_county_id"),
    "province_id": ("province.pk", "sites_county_province_id"),
    "province": ("north", "sites_county_province_id"),
    "source_id": ("source.pk", "events_citation_source_id"),
    "programme_year": ("2024", "sites_county_programme_idx"),
    "programme_year__in": ("2024,2025", "sites_county_programme_idx"),
    "has_coordinates": ("true", "sites_factory_latitude_idx"),
    "in_programme": ("false", "sites_factory_programme_idx"),
    "sector": ("foodstuff", "sites_factory_sector_idx"),
    "sector__in": ("foodstuff,other", "sites_factory_sector_idx"),
    "status": ("planned", "sites_factory_status_idx"),
    "status__in": ("planned,operating", "sites_factory_status_idx"),
    "date_after": (DAY, "sites_factory_in_upper_idx"),
    "date_before": (DAY, "sites_factory_gb_lower_idx"),
    "groundbreaking_after": (DAY, "sites_factory_gb_upper_idx"),
    "groundbreaking_before": (DAY, "sites_factory_gb_lower_idx"),
    "inauguration_after": (DAY, "sites_factory_in_upper_idx"),
    "inauguration_before": (DAY, "sites_factory_in_lower_idx"),
    "q": ("songchon", "sites_factory_search_trgm"),
}
COUNTY = {
    "id": ("1", "sites_county_pkey"),
    "id__in": ("1,2", "sites_county_pkey"),
    "slug": ("songchon", "sites_county_slug"),
    "slug__in": ("songchon,hamju", "sites_county_slug"),
    "kind": ("county", "sites_county_kind_idx"),
    "kind__in": ("county,city", "sites_county_kind_idx"),
    "province_id": ("province.pk", "sites_county_province_id"),
    "province": ("north", "sites_county_province_id"),
    "source_id": ("source.pk", "sites_county_sources_source_id"),
    "programme_year": ("2024", "sites_county_programme_idx"),
    "programme_year__in": ("2024,2025", "sites_county_programme_idx"),
    "programme_year__gte": ("2024", "sites_county_programme_idx"),
    "programme_year__lte": ("2024", "sites_county_programme_idx"),
    "in_programme": ("true", "sites_county_programme_idx"),
    "has_coordinates": ("true", "sites_county_latitude_idx"),
    "q": ("songchon", "sites_county_search_trgm"),
}
PROVINCE = {
    "id": ("1", "sites_province_pkey"),
    "id__in": ("1,2", "sites_province_pkey"),
    "slug": ("north", "sites_province_slug"),
    "slug__in": ("north,south", "sites_province_slug"),
    "kind": ("province", "sites_province_kind_idx"),
    "kind__in": ("province,special city", "sites_province_kind_idx"),
    "iso_code": ("KP-03", "sites_province_iso_code"),
    "iso_code__in": ("KP-03,KP-02", "sites_province_iso_code"),
    "q": ("north", "sites_province_search_trgm"),
}


def event_filters(table: str) -> dict:
    return {
        "id": ("1", f"{table}_pkey"),
        "id__in": ("1,2", f"{table}_pkey"),
        "county_id": ("county.pk", f"{table}_in_county"),
        "county": ("songchon", f"{table}_in_county"),
        "province_id": ("province.pk", f"{table}_province_id"),
        "province": ("north", f"{table}_province_id"),
        "programme_year": ("2024", "sites_county_programme_idx"),
        "factory_id": ("factory.pk", f"{table}_factories_factory_id"),
        "factory": ("mill", f"{table}_factories_factory_id"),
        "source_id": ("source.pk", "events_citation_source_id"),
        "date_after": (DAY, f"{table}_date_upper"),
        "date_before": (DAY, f"{table}_date_idx"),
        "kind": ("other", f"{table}_kind_idx"),
        "kind__in": ("other,other", f"{table}_kind_idx"),
        "leader_present": ("true", f"{table}_leader_present"),
        "person": ("kim-jong-un", "events_person_slug"),
        "q": ("songchon", "sites_county_search_trgm"),
    }


SOURCE = {
    "id": ("1", "events_source_pkey"),
    "id__in": ("1,2", "events_source_pkey"),
    "key": ("an-article", "events_source_key"),
    "state_media": ("true", "events_source_state_media_idx"),
    "publisher": ("KCNA", "events_source_publisher_idx"),
    "publisher__in": ("KCNA,other", "events_source_publisher_idx"),
    "language": ("en", "events_source_language_idx"),
    "language__in": ("en,ko", "events_source_language_idx"),
    "published_after": (DAY, "events_source_pub_upper_idx"),
    "published_before": (DAY, "events_source_published_idx"),
    "q": ("article", "events_source_title_trgm"),
}
PHOTO = {
    "id": ("1", "events_photo_pkey"),
    "id__in": ("1,2", "events_photo_pkey"),
    "source_id": ("source.pk", "events_photo_source_id"),
    "factory_id": ("factory.pk", "events_photo_factory_id"),
    "factory": ("mill", "events_photo_factory_id"),
    "ceremony_id": ("ceremony.pk", "events_photo_ceremony_id"),
    "visit_id": ("visit.pk", "events_photo_visit_id"),
    "q": ("opening", "events_photo_caption_trgm"),
}
FILTERS = [
    (ProvinceFilterSet, Province, PROVINCE),
    (CountyFilterSet, County, COUNTY),
    (FactoryFilterSet, Factory, FACTORY),
    (CeremonyFilterSet, Ceremony, event_filters("events_ceremony")),
    (GuidanceVisitFilterSet, GuidanceVisit, event_filters("events_guidancevisit")),
    (SourceFilterSet, Source, SOURCE),
    (PhotoFilterSet, Photo, PHOTO),
]
CASES = [
    pytest.param(filterset, model, name, value, index, id=f"{model.__name__}-{name}")
    for filterset, model, table in FILTERS
    for name, (value, index) in table.items()
]


@pytest.mark.parametrize(("filterset", "model", "name", "value", "index"), CASES)
def test_each_filter_is_served_by_an_index(records, filterset, model, name, value, index):
    if value.endswith(".pk"):
        value = str(records[value.removesuffix(".pk")].pk)
    filtered = filterset(data=QueryDict(urlencode({name: value})), queryset=model.objects.all())
    assert filtered.is_valid(), filtered.errors
    shown = plan(filtered.qs.order_by())  # the order's own index is checked below
    assert index in shown, shown


@pytest.mark.parametrize(("filterset", "model", "table"), FILTERS, ids=lambda x: str(x)[:20])
def test_every_filter_has_an_index_check(filterset, model, table):
    """A filter added later without an index (and a line above) fails here."""
    offered = set(filterset.base_filters) - {"ordering"}
    assert offered == set(table)


ORDERINGS = [
    (Factory, ["slug"], "sites_factory_slug"),
    (Factory, ["sector", "id"], "sites_factory_sector_idx"),
    (Factory, ["status", "id"], "sites_factory_status_idx"),
    (Factory, ["groundbreaking_lower", "id"], "sites_factory_gb_lower_idx"),
    (Factory, ["-inauguration_lower", "-id"], "sites_factory_in_lower_idx"),
    (Factory, ["id"], "sites_factory_pkey"),
    (County, ["slug"], "sites_county_slug"),
    (County, ["programme_year", "id"], "sites_county_programme_idx"),
    (Province, ["iso_code"], "sites_province_iso_code"),
    (Province, ["slug"], "sites_province_slug"),
    (Ceremony, ["date_lower", "date_upper", "id"], "events_ceremony_date_idx"),
    (Ceremony, ["kind", "id"], "events_ceremony_kind_idx"),
    (GuidanceVisit, ["-date_lower", "-date_upper", "-id"], "events_guidancevisit_date_idx"),
    (GuidanceVisit, ["kind", "id"], "events_guidancevisit_kind_idx"),
    (Source, ["-published_lower", "-id"], "events_source_published_idx"),
    (Source, ["publisher", "id"], "events_source_publisher_idx"),
]


@pytest.mark.parametrize(("model", "order", "index"), ORDERINGS, ids=lambda x: str(x)[:30])
def test_each_ordering_reads_a_page_from_an_index(records, model, order, index):
    shown = plan(model.objects.order_by(*order)[:100], reading_whole_indexes=True)
    assert index in shown, shown
    assert "Sort" not in shown.replace("Incremental Sort", ""), shown
