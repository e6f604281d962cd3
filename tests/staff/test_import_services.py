"""Import writes through the services: names as people write them, records that connect,
dates in words, and a second milestone that says what it is."""

import pytest
import tablib

from events.models import Ceremony
from sites.models import County, Factory
from staff.event_resources import CeremonyResource
from staff.place_resources import FactoryResource

FACTORY_HEADER = "slug,name,county,sector\n"
CEREMONY_HEADER = "id,kind,date,county,province,factories,repeat\n"


def imported(resource, text: str):
    return resource.import_data(tablib.Dataset().load(text, format="csv"), dry_run=False)


def errors_of(result) -> dict:
    return {row.number: row.error_dict for row in result.invalid_rows}


@pytest.mark.parametrize(
    "county", ["Unpha", "unpha", "Unpha County", "unpha-gun", "은파군", "Ŭnp'a"]
)
def test_a_county_is_found_by_any_spelling_and_the_slug_made_from_the_name(seeded, county):
    result = imported(FactoryResource(), FACTORY_HEADER + f",Unpha Shoe Factory,{county},other\n")
    assert not result.has_errors(), errors_of(result)
    assert not result.has_validation_errors(), errors_of(result)
    factory = Factory.objects.get(name="Unpha Shoe Factory")
    assert (factory.county.slug, factory.slug) == ("unpha", "unpha-shoe-factory")


def test_an_ambiguous_county_is_refused_with_the_candidates(seeded):
    unsan = County.objects.filter(name="Unsan")
    assert unsan.count() == 2
    result = imported(FactoryResource(), FACTORY_HEADER + ",Unsan Shoe Factory,Unsan,other\n")
    message = errors_of(result)[1]["county"][0]
    assert "“Unsan” could be" in message
    for county in unsan:
        assert county.slug in message
    assert not Factory.objects.filter(name="Unsan Shoe Factory").exists()


def test_a_ceremony_row_with_a_factory_named_and_no_place_is_held_in_its_county(seeded):
    result = imported(
        CeremonyResource(),
        CEREMONY_HEADER + ",other,4 March 2025,,,Songchon Regional-Industry Factories,\n",
    )
    assert not result.has_validation_errors(), errors_of(result)
    ceremony = Ceremony.objects.get(date="2025-03-04")
    assert (ceremony.county.slug, ceremony.province.slug) == ("songchon", "south-phyongan")


def test_a_second_inauguration_is_refused_unless_the_row_says_what_it_is(seeded):
    row = ",inauguration,2025-05,sukchon-gun,,songchon-regional-industry-factories,"
    result = imported(CeremonyResource(), CEREMONY_HEADER + row + "\n")
    errors = errors_of(result)[1]
    assert "already has an inauguration ceremony, 20 December 2024" in errors["repeat"][0]
    assert "not in Sukchon" in errors["county"][0]
    assert not Ceremony.objects.filter(date="2025-05").exists()

    row = ",inauguration,May 2025,,,songchon-regional-industry-factories,re-inauguration"
    result = imported(CeremonyResource(), CEREMONY_HEADER + row + "\n")
    assert not result.has_validation_errors(), errors_of(result)
    assert Ceremony.objects.get(date="2025-05").repeat == "re-inauguration"
