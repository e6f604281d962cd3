"""A page per programme year, with every year's figures side by side."""

import re

import pytest
from django.urls import reverse

from events.models import Citation
from sites.programme import year_comparison
from tests import factories as make
from tests.pages.test_places import text_of


def built(county, *, groundbreaking: str, inauguration: str = ""):
    factory = make.factory(county=county)
    make.ceremony(kind="groundbreaking", date=groundbreaking, factories=[factory])
    if inauguration:
        make.ceremony(kind="inauguration", date=inauguration, factories=[factory])
    return factory


@pytest.fixture
def two_years(db):
    songchon = make.county(name="Songchon", programme_year=2024)
    jaeryong = make.county(name="Jaeryong", programme_year=2024)
    make.county(name="Kowon", programme_year=2024)  # named, nothing begun
    unpha = make.county(name="Unpha", programme_year=2025)
    built(songchon, groundbreaking="2024-02-21/2024-02-29", inauguration="2024-12-20")
    built(jaeryong, groundbreaking="2024-03-10", inauguration="2025-01-15")
    built(unpha, groundbreaking="2025-02")
    return songchon


def test_the_comparison_counts_every_year_with_honest_ranges(two_years):
    figures = {row.year: row for row in year_comparison()}
    assert list(figures) == list(range(2024, 2034))
    y2024, y2025 = figures[2024], figures[2025]
    assert (y2024.counties, y2024.counties_started, y2024.counties_inaugurated) == (3, 2, 2)
    # Songchon: 295–303 days (vague groundbreaking); Jaeryong: exactly 311 days.
    assert str(y2024.days_range) == "295–311 days"
    assert str(y2024.median_days) == "303–307 days"
    assert (y2025.counties, y2025.counties_started, y2025.counties_inaugurated) == (1, 1, 0)
    assert y2025.median_days is None
    assert figures[2033].counties == 0


def test_a_year_page_lists_its_counties_and_compares_the_years(client, two_years):
    response = client.get(reverse("sites:programme-year", args=[2024]))
    assert response.status_code == 200
    text = text_of(response)
    assert "3 of 20 counties recorded for 2024; 17 named by no source" in text
    assert "Songchon" in text
    assert "Jaeryong" in text
    assert "Unpha" not in text.split("side by side")[0]
    assert "late February 2024" in text
    assert "295–303 days" in text
    assert re.search(r"Kowon Province \d+ no factory reported", text)
    assert "2024 3 2 2 303–307 days 295–311 days" in text
    assert "2025 1 1 0 — —" in text


def test_a_year_outside_the_programme_is_not_found(client, db):
    assert client.get(reverse("sites:programme-year", args=[2023])).status_code == 404
    assert client.get(reverse("sites:programme-year", args=[2034])).status_code == 404


@pytest.mark.parametrize("counties", [2, 12])
def test_a_year_page_costs_the_same_queries_at_any_size(
    client, db, django_assert_num_queries, counties
):
    """Guards against a query per county, factory or milestone of the policy."""
    for n in range(counties):
        county = make.county(programme_year=2024, latitude=39.2, longitude=126.0 + n / 10)
        built(county, groundbreaking="2024-03", inauguration="2024-12-20")
        milestone = make.ceremony(kind="other", date=f"2024-01-{n + 10}", summary=f"Step {n}")
        Citation.objects.create(ceremony=milestone, source=make.source(), date="")
    with django_assert_num_queries(10):  # one of them says how current the data are
        client.get(reverse("sites:programme-year", args=[2024]))
