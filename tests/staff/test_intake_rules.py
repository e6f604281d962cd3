"""The intake's reading rules on short texts: dates against the publication date, places."""

import pytest

from events import dates
from staff import intake
from tests import factories


def edtf(text: str, published: str) -> list[str]:
    reader = intake.DateReader(dates.parse(published))
    return [found.edtf for found in reader.dates_in(text, 0)]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("In late February last year a ceremony", "2025", "2024-02-21/2024-02-29"),
        ("held in July last year on the shore", "2025", "2024-07"),
        ("On December 20, 2024 an inauguration", "2025", "2024-12-20"),
        ("with the beginning of this year", "2025", "2025-01/2025-03"),
        ("On 20 December the factories opened", "2025", "2025-12-20"),
        ("in mid-July last year", "2025", "2024-07-11/2024-07-20"),
        ("early in 2024 and again", "2025", "2024"),
        ("late last year", "2025", "2024-10/2024-12"),
        ("early this year", "2025-06-01", "2025-01/2025-03"),
        ("the end of March 2023", "2025", "2023-03-21/2023-03-31"),
        ("in the second half of last year", "2025", "2024-07/2024-12"),
        # "In July" in an article of March 2025 is July 2024; in one of August, July 2025.
        ("a meeting in July", "2025-03-10", "2024-07"),
        ("a meeting in July", "2025-08-10", "2025-07"),
        ("On Feb. 3, 2025 it began", "2025", "2025-02-03"),
    ],
)
def test_dates_are_read_as_edtf_against_the_publication_date(text, published, expected):
    assert edtf(text, published) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "in only 290-odd days since the beginning of the construction",
        "similar ceremonies in 19 cities and counties",
        "the Regional Development 20×10 Policy",
        "workers may 3 times a day",
        "a gathering held in Marchers' Hall",
    ],
)
def test_numbers_and_words_that_are_not_dates_are_not_read_as_dates(text):
    assert edtf(text, "2025") == []


def test_last_year_needs_a_publication_year_to_be_read():
    assert edtf("late February last year", "2024/2025") == []
    assert edtf("On December 20, 2024", "2024/2025") == ["2024-12-20"]


@pytest.fixture
def small_gazetteer(db):
    south = factories.province(name="South Phyongan", slug="south-phyongan", name_ko="평안남도")
    north = factories.province(name="North Phyongan", slug="north-phyongan", name_ko="평안북도")
    return {
        "songchon": factories.county(
            province=south,
            name="Songchon",
            slug="songchon",
            name_ko="성천군",
            name_mr="Sŏngch'ŏn-gun",
        ),
        "unsan-south": factories.county(
            province=south, name="Unsan", slug="unsan-south", name_ko="은산군"
        ),
        "unsan-north": factories.county(
            province=north, name="Unsan", slug="unsan-north", name_ko="운산군"
        ),
    }


def names(text: str) -> list[list[str]]:
    found = intake.Gazetteer().names_in(text, 0)
    return [[place.slug for place in place.candidates] for place in found]


def test_any_stored_spelling_finds_a_place(small_gazetteer):
    assert names("Factories opened in Sŏngch'ŏn-gun and in 성천군.") == [["songchon"], ["songchon"]]
    assert names("Songchon's new factories") == [["songchon"]]


def test_a_place_name_must_be_capitalised(small_gazetteer):
    assert names("the songchon factories") == []


def test_a_name_shared_by_two_counties_is_settled_by_the_province_named(small_gazetteer):
    assert names("Unsan County") == [["unsan-south", "unsan-north"]]
    assert names("Unsan County of North Phyongan Province") == [
        ["unsan-north"],
        ["north-phyongan"],
    ]


def test_a_province_beside_its_county_only_says_where_the_county_is(small_gazetteer):
    found = intake.Gazetteer().names_in(
        "in Songchon County of South Phyongan Province and North Phyongan Province", 0
    )
    assert [
        (county and county.slug, province.slug) for county, province in intake.targets(found)
    ] == [
        ("songchon", "south-phyongan"),
        (None, "north-phyongan"),
    ]
