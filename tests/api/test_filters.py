"""Every filter of every FilterSet, each finding what it should in a small world.

A value given as a callable is computed from the world (ids); a list value repeats the
parameter. An expected list is compared in order, a set without.
"""

import pytest
from django.db import models
from django.http import QueryDict

from events.filters import (
    CeremonyFilterSet,
    GuidanceVisitFilterSet,
    PhotoFilterSet,
    SourceFilterSet,
)
from sites.filters import CountyFilterSet, FactoryFilterSet, ProvinceFilterSet
from sites.models import County, Factory


def pk(name):
    return lambda world: world[name].pk


def pks(*names):
    return lambda world: ",".join(str(world[name].pk) for name in names)


CASES = {
    ProvinceFilterSet: [
        ({"q": "평안"}, {"south"}),
        ({"q": "Nampho-si"}, {"nampho"}),
        ({"id": pk("south")}, {"south"}),
        ({"id__in": pks("south", "nampho")}, {"south", "nampho"}),
        ({"slug": "nampho"}, {"nampho"}),
        ({"slug__in": "nampho,south-phyongan"}, {"south", "nampho"}),
        ({"kind": "special city"}, {"nampho"}),
        ({"kind__in": "province,special zone"}, {"south"}),
        ({"iso_code": "KP-02"}, {"south"}),
        ({"iso_code__in": "KP-14,KP-99"}, {"nampho"}),
        ({"ordering": "-iso_code"}, ["nampho", "south"]),
        ({"ordering": "slug"}, ["nampho", "south"]),
    ],
    CountyFilterSet: [
        ({"q": "Seongcheon"}, {"songchon"}),
        ({"q": "성천"}, {"songchon"}),
        ({"q": "Sŏngch'ŏn"}, {"songchon"}),
        ({"id": pk("hamju")}, {"hamju"}),
        ({"id__in": pks("hamju", "onchon")}, {"hamju", "onchon"}),
        ({"slug": "onchon"}, {"onchon"}),
        ({"slug__in": "onchon,songchon"}, {"onchon", "songchon"}),
        ({"kind": "city"}, {"hamju"}),
        ({"kind__in": "city,district"}, {"hamju"}),
        ({"province_id": [pk("nampho")]}, {"hamju", "onchon"}),
        ({"province": ["south-phyongan"]}, {"songchon"}),
        ({"source_id": [pk("kcna")]}, {"songchon"}),
        ({"programme_year": "2024"}, {"songchon"}),
        ({"programme_year__in": "2024,2025"}, {"songchon", "hamju"}),
        ({"programme_year__gte": "2025"}, {"hamju"}),
        ({"programme_year__lte": "2024"}, {"songchon"}),
        ({"in_programme": "false"}, {"onchon"}),
        ({"has_coordinates": "true"}, {"songchon"}),
        ({"ordering": "-slug"}, ["songchon", "onchon", "hamju"]),
    ],
    FactoryFilterSet: [
        ({"q": "songchon-gun"}, {"food"}),
        ({"q": "함주"}, {"cloth"}),
        ({"id": pk("bricks")}, {"bricks"}),
        ({"id__in": pks("bricks", "food")}, {"bricks", "food"}),
        ({"slug": "hamju-clothing"}, {"cloth"}),
        ({"slug__in": "hamju-clothing,onchon-bricks"}, {"cloth", "bricks"}),
        ({"county_id": [pk("hamju")]}, {"cloth"}),
        ({"county": ["onchon", "songchon"]}, {"bricks", "food"}),
        ({"province_id": [pk("nampho")]}, {"cloth", "bricks"}),
        ({"province": ["south-phyongan"]}, {"food"}),
        ({"source_id": [pk("kcna")]}, {"food"}),
        ({"programme_year": "2025"}, {"cloth"}),
        ({"programme_year__in": "2024,2025"}, {"food", "cloth"}),
        ({"has_coordinates": "true"}, {"food"}),
        ({"in_programme": "false"}, {"bricks"}),
        ({"in_programme": "true"}, {"food", "cloth"}),
        ({"sector": "foodstuff"}, {"food"}),
        ({"sector__in": "foodstuff,other"}, {"food", "bricks"}),
        ({"status": "operating"}, {"food"}),
        ({"status__in": "planned,under construction"}, {"cloth", "bricks"}),
        # Inaugurated in December 2024: its construction does not reach 2025.
        ({"date_after": "2025-01-01"}, {"cloth"}),
        ({"date_before": "2024-03-01"}, {"food"}),
        # Groundbreaking in late February 2024 may have been on the 25th or later.
        ({"groundbreaking_after": "2024-02-25"}, {"food", "cloth"}),
        ({"groundbreaking_before": "2024-02-25"}, {"food"}),
        ({"inauguration_after": "2024-12-20"}, {"food"}),
        ({"inauguration_before": "2024-12-19"}, set()),
        ({"ordering": "-slug"}, ["food", "bricks", "cloth"]),
    ],
    CeremonyFilterSet: [
        ({"q": "Sŏngch'ŏn"}, {"breaking", "opening"}),
        ({"q": "함주"}, {"hamju_breaking"}),
        ({"id": pk("opening")}, {"opening"}),
        ({"id__in": pks("opening", "breaking")}, {"opening", "breaking"}),
        ({"kind": "inauguration"}, {"opening"}),
        ({"kind__in": "groundbreaking,other"}, {"breaking", "hamju_breaking"}),
        ({"leader_present": "true"}, {"breaking"}),
        ({"leader_present": "no"}, {"opening", "hamju_breaking"}),
        ({"programme_year": "2025"}, {"hamju_breaking"}),
        ({"county_id": [pk("hamju")]}, {"hamju_breaking"}),
        ({"county": ["songchon"]}, {"breaking", "opening"}),
        ({"province_id": [pk("nampho")]}, {"hamju_breaking"}),
        ({"province": ["south-phyongan"]}, {"breaking", "opening"}),
        ({"factory_id": [pk("cloth")]}, {"hamju_breaking"}),
        ({"factory": ["songchon-foodstuff"]}, {"breaking", "opening"}),
        ({"source_id": [pk("rodong")]}, {"hamju_breaking"}),
        # The leader appears wherever leader_present says he was.
        ({"person": ["kim-jong-un"]}, {"breaking"}),
        # "Late February 2024" may have been the 25th, so it is after and before that day.
        ({"date_after": "2024-02-25"}, {"breaking", "opening", "hamju_breaking"}),
        ({"date_before": "2024-02-25"}, {"breaking"}),
        ({"ordering": "-date"}, ["hamju_breaking", "opening", "breaking"]),
    ],
    GuidanceVisitFilterSet: [
        ({"q": "songchon"}, {"guidance"}),
        ({"q": "Nampho"}, {"meeting"}),
        ({"id": pk("meeting")}, {"meeting"}),
        ({"id__in": pks("meeting", "guidance")}, {"meeting", "guidance"}),
        ({"kind": "consultative meeting"}, {"meeting"}),
        ({"kind__in": "field guidance,other"}, {"guidance"}),
        ({"leader_present": "false"}, {"meeting"}),
        ({"leader_present": "yes"}, {"guidance"}),
        ({"programme_year": "2024"}, {"guidance"}),
        ({"county_id": [pk("songchon")]}, {"guidance"}),
        ({"county": ["songchon"]}, {"guidance"}),
        ({"province_id": [pk("nampho")]}, {"meeting"}),
        ({"province": ["south-phyongan"]}, {"guidance"}),
        ({"factory_id": [pk("food")]}, {"guidance"}),
        ({"factory": ["songchon-foodstuff"]}, {"guidance"}),
        ({"source_id": [pk("rodong")]}, {"meeting"}),
        ({"person": ["kim-jong-un"]}, {"guidance"}),
        ({"date_after": "2024-07-31"}, {"guidance", "meeting"}),
        ({"date_before": "2024-07-01"}, {"guidance"}),
        ({"ordering": "-date"}, ["meeting", "guidance"]),
    ],
    SourceFilterSet: [
        ({"q": "REJOICING"}, {"kcna"}),
        ({"q": "construction"}, {"rodong"}),
        ({"id": pk("kcna")}, {"kcna"}),
        ({"id__in": pks("kcna", "rodong")}, {"kcna", "rodong"}),
        ({"key": "kcna-songchon-factories-open"}, {"kcna"}),
        ({"state_media": "false"}, {"rodong"}),
        ({"publisher": "KCNA"}, {"kcna"}),
        ({"publisher__in": "Rodong Sinmun,other"}, {"rodong"}),
        ({"language": "ko"}, {"rodong"}),
        ({"language__in": "en,fr"}, {"kcna"}),
        # Published "2024": it may have been on 31 December.
        ({"published_after": "2024-12-31"}, {"kcna", "rodong"}),
        ({"published_before": "2024-06-01"}, {"rodong"}),
        ({"ordering": "published"}, ["rodong", "kcna"]),
    ],
    PhotoFilterSet: [
        ({"q": "Songchon"}, {"lines"}),
        ({"q": "함주"}, {"first_sod"}),
        ({"q": "kcna"}, {"first_sod", "crowd"}),
        ({"id": pk("crowd")}, {"crowd"}),
        ({"id__in": pks("crowd", "lines")}, {"crowd", "lines"}),
        ({"source_id": [pk("rodong")]}, {"first_sod", "crowd"}),
        ({"factory_id": [pk("food")]}, {"lines"}),
        ({"factory": ["songchon-foodstuff"]}, {"lines"}),
        ({"ceremony_id": [pk("hamju_breaking")]}, {"first_sod"}),
        ({"visit_id": [pk("meeting")]}, {"crowd"}),
        ({"ordering": "-id"}, ["crowd", "first_sod", "lines"]),
    ],
}

ALL_CASES = [
    pytest.param(filterset, params, expected, id=f"{filterset.__name__}-{params}")
    for filterset, cases in CASES.items()
    for params, expected in cases
]


def query(world, params) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in params.items():
        values = value if isinstance(value, list) else [value]
        data.setlist(name, [v(world) if callable(v) else v for v in values])
    return data


def run(filterset_class, data):
    model = filterset_class._meta.model
    filterset = filterset_class(data, queryset=model.objects.all())
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


@pytest.mark.parametrize(("filterset", "params", "expected"), ALL_CASES)
def test_each_filter_finds_what_it_should(world, filterset, params, expected):
    found = run(filterset, query(world, params))
    if isinstance(expected, list):
        assert found == [world[name] for name in expected]
    else:
        assert set(found) == {world[name] for name in expected}
        assert len(found) == len(set(found)), "a record is listed twice"


@pytest.mark.parametrize("filterset", CASES, ids=lambda filterset: filterset.__name__)
def test_every_filter_has_a_case(filterset):
    tested = {name for params, _ in CASES[filterset] for name in params}
    assert set(filterset.base_filters) - tested == set()


def filterable_fields(model) -> set[str]:
    """Fields a client would filter on: keys, relations, choices, flags and indexed fields."""
    own_fields = [
        field
        for field in model._meta.get_fields()
        if field.concrete or (field.many_to_many and not field.auto_created)
    ]
    return {
        field.name
        for field in own_fields
        if field.primary_key
        or field.unique
        or field.db_index
        or field.is_relation
        or field.choices
        or isinstance(field, models.BooleanField)
    }


@pytest.mark.parametrize("filterset", CASES, ids=lambda filterset: filterset.__name__)
def test_every_field_clients_filter_on_has_a_filter(filterset):
    model = filterset._meta.model
    covered = {
        model._meta.get_field(f.field_name.split("__")[0]).name
        for name, f in filterset.base_filters.items()
        if name not in {"q", "ordering"}
    }
    assert filterable_fields(model) - covered == set()


def test_an_unknown_slug_is_an_error_not_an_empty_list(world):
    filterset = CountyFilterSet({"province": "atlantis"}, queryset=County.objects.all())
    assert not filterset.is_valid()
    assert "province" in filterset.errors


@pytest.mark.parametrize(
    "params",
    [
        {"ordering": "name"},
        {"date_after": "last year"},
        {"sector__in": "foodstuff,steel"},
        {"id": "1.5"},
        {"id__in": "1,x"},
        {"programme_year": str(10**30)},
    ],
)
def test_bad_filter_values_are_errors_naming_the_filter(world, params):
    filterset = FactoryFilterSet(params, queryset=Factory.objects.all())
    assert not filterset.is_valid()
    assert set(filterset.errors) == set(params)
