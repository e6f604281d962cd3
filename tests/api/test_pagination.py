"""Keyset pagination: pages are bounded, every row comes once, and links walk both ways."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from events.models import Source
from tests import factories as make


def walk(api, url, params, direction="next"):
    """Every page from `url` on, following `direction` links; the ids page by page."""
    pages = []
    body = api.get(url, params).json()
    while True:
        pages.append([item["id"] for item in body["results"]])
        if not body[direction]:
            return pages, body
        body = api.get(body[direction]).json()


@pytest.fixture
def many_sources(db):
    Source.objects.bulk_create(Source(title=f"Article {n:03}") for n in range(120))


def test_a_page_holds_50_rows_by_default(many_sources, api):
    body = api.get(reverse("api:source-list")).json()
    assert len(body["results"]) == 50
    assert body["previous"] is None
    assert body["next"]
    assert "count" not in body


def test_a_page_size_above_500_gives_500(db, api):
    Source.objects.bulk_create(Source(title=f"Article {n:03}") for n in range(510))
    body = api.get(reverse("api:source-list"), {"page_size": 10_000}).json()
    assert len(body["results"]) == 500


def test_following_next_and_previous_visits_every_row_once(many_sources, api):
    url = reverse("api:source-list")
    everything = [item["id"] for item in api.get(url, {"page_size": 500}).json()["results"]]
    forward, last = walk(api, url, {"page_size": 7})
    assert [row for page in forward for row in page] == everything
    assert [len(page) for page in forward] == [7] * 17 + [1]
    backward, first = walk(api, last["previous"], {}, direction="previous")
    assert backward == [forward[-2 - i] for i in range(len(forward) - 1)]
    assert first["previous"] is None


@pytest.mark.parametrize(
    "ordering", ["groundbreaking", "-groundbreaking", "sector,-inauguration", "-status,slug"]
)
def test_orderings_with_ties_and_empty_dates_page_without_gaps(world, api, ordering):
    """NULL sorts last ascending and first descending, on SQLite and PostgreSQL alike."""
    for n in range(6):
        factory = make.factory(county=world["hamju"], sector="foodstuff")
        if n % 2:
            make.ceremony(kind="groundbreaking", date=f"2025-0{n}", factories=[factory])
    url = reverse("api:factory-list")
    everything = [f["id"] for f in api.get(url, {"ordering": ordering}).json()["results"]]
    pages, _ = walk(api, url, {"ordering": ordering, "page_size": 2})
    assert [row for page in pages for row in page] == everything
    assert len(set(everything)) == 9


def test_empty_dates_sort_last_ascending_and_first_descending(world, api):
    url = reverse("api:factory-list")
    ascending = api.get(url, {"ordering": "groundbreaking"}).json()["results"]
    assert [f["slug"] for f in ascending] == [
        "songchon-foodstuff",
        "hamju-clothing",
        "onchon-bricks",
    ]
    descending = api.get(url, {"ordering": "-groundbreaking"}).json()["results"]
    assert [f["slug"] for f in descending] == [
        "onchon-bricks",
        "hamju-clothing",
        "songchon-foodstuff",
    ]


def test_a_cursor_belongs_to_its_ordering(world, api):
    url = reverse("api:factory-list")
    next_link = api.get(url, {"ordering": "sector", "page_size": 1}).json()["next"]
    cursor = parse_qs(urlsplit(next_link).query)["cursor"][0]
    response = api.get(url, {"ordering": "status", "cursor": cursor})
    assert response.status_code == 400
    assert response.json() == {"cursor": ["This cursor belongs to another ordering."]}


def test_pages_are_also_linked_in_a_header(many_sources, api):
    response = api.get(reverse("api:source-list"), {"page_size": 10})
    assert response["Link"] == f'<{response.json()["next"]}>; rel="next"'
