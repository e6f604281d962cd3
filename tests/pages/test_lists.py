"""List pages filter with the API's FilterSets, show what is active, paginate and link CSV."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests import factories as make
from tests.pages.test_places import text_of


def csv_links(response) -> list[dict]:
    html = response.content.decode()
    links = []
    for chunk in html.split('class="button secondary" href="')[1:]:
        url = chunk.split('"')[0].replace("&amp;", "&")
        parts = urlsplit(url)
        links.append({"path": parts.path, "query": parse_qs(parts.query)})
    return links


def test_counties_filter_by_province_and_programme_year(client, seeded):
    response = client.get(
        reverse("sites:county-list"), {"province": "south-phyongan", "programme_year": "2024"}
    )
    text = text_of(response)
    assert "2 counties with these filters" in text
    assert "Songchon" in text
    assert "Sukchon" in text
    assert "Anju" not in text
    assert "Province: South Phyongan ✕" in text
    assert "Programme year: 2024 ✕" in text


def test_an_active_filter_links_to_the_list_without_it(client, seeded):
    response = client.get(
        reverse("sites:county-list"), {"province": "south-phyongan", "programme_year": "2024"}
    )
    html = response.content.decode()
    assert 'href="?programme_year=2024" aria-label="Remove filter Province: South Phyongan"' in html
    assert 'href="?province=south-phyongan" aria-label="Remove filter Programme year: 2024"' in html


def test_counties_search_by_any_spelling_through_the_filterset(client, seeded):
    for spelling in ["Seongcheon", "성천", "Sŏngch'ŏn", "songchon-gun"]:
        text = text_of(client.get(reverse("sites:county-list"), {"q": spelling}))
        assert "Songchon" in text, spelling


def test_the_csv_link_is_the_same_list_at_the_api(client, seeded):
    response = client.get(
        reverse("sites:county-list"), {"province": "south-phyongan", "q": "", "page": "1"}
    )
    [link] = csv_links(response)
    assert link == {
        "path": "/api/counties/",
        "query": {"province": ["south-phyongan"], "format": ["csv"]},
    }


@pytest.mark.parametrize(
    ('name', 'resource'),
    [
        ("sites:county-list", "counties"),
        ("sites:factory-list", "factories"),
        ("events:source-list", "sources"),
    ],
)
def test_each_list_links_its_csv(client, db, name, resource):
    [link] = csv_links(client.get(reverse(name)))
    assert link == {"path": f"/api/{resource}/", "query": {"format": ["csv"]}}


def test_a_bad_filter_is_a_form_error_not_a_500(client, seeded):
    response = client.get(reverse("sites:county-list"), {"programme_year": "soon"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Enter a whole number." in text
    assert "0 counties" in text
    assert csv_links(response) == []


def test_a_bad_filter_given_only_in_the_url_is_shown_too(client, seeded):
    response = client.get(reverse("sites:county-list"), {"programme_year__gte": "soon"})
    assert "programme_year__gte: Enter a whole number." in text_of(response)


def test_an_unknown_province_is_an_error_not_an_empty_list(client, seeded):
    response = client.get(reverse("sites:county-list"), {"province": "atlantis"})
    assert "Select a valid choice" in text_of(response)


def test_the_filter_form_offers_a_few_readable_filters(client, seeded):
    html = client.get(reverse("sites:county-list")).content.decode()
    assert '<select name="province" id="id_province">' in html
    assert '<option value="south-phyongan">South Phyongan</option>' in html
    assert '<label for="id_programme_year">Programme year</label>' in html
    assert "(slug)" not in html


def test_counties_paginate_and_keep_their_filters(client, seeded):
    first = client.get(reverse("sites:county-list"), {"kind": "county"})
    html = first.content.decode()
    assert "Page 1 of" in html
    assert 'href="?kind=county&amp;page=2" rel="next"' in html
    second = client.get(reverse("sites:county-list"), {"kind": "county", "page": 2})
    assert second.status_code == 200
    assert "Page 2 of" in second.content.decode()


def test_factories_filter_by_status(client, db):
    built = make.factory(name="Built factory")
    make.ceremony(kind="groundbreaking", date="2024-03", factories=[built])
    make.ceremony(kind="inauguration", date="2024-11", factories=[built])
    make.factory(name="Planned factory")
    text = text_of(client.get(reverse("sites:factory-list"), {"status": "operating"}))
    assert "Built factory" in text
    assert "Planned factory" not in text
    assert "Status: operating ✕" in text


def test_factory_list_shows_dates_in_words_and_construction_time(client, seeded):
    text = text_of(client.get(reverse("sites:factory-list")))
    assert "28 February 2024 20 December 2024 296 days" in text


def test_sources_list_filters_by_publisher(client, db):
    make.source(title="KCNA report", publisher="KCNA")
    make.source(title="Rodong editorial", publisher="Rodong Sinmun")
    text = text_of(client.get(reverse("events:source-list"), {"publisher": "KCNA"}))
    assert "KCNA report" in text
    assert "Rodong editorial" not in text


def test_a_filter_that_matches_nothing_says_so(client, seeded):
    text = text_of(client.get(reverse("sites:factory-list"), {"sector": "building materials"}))
    assert "No factory matches these filters." in text


def test_filter_labels_stay_readable_once_the_filters_are_applied(client, seeded):
    for name in ["sites:county-list", "events:event-list"]:
        html = client.get(reverse(name), {"province": "south-phyongan"}).content.decode()
        assert '<label for="id_province">Province</label>' in html, name
        assert "(slug)" not in html, name


def follow_csv(client, link: dict) -> list[dict]:
    response = client.get(link["path"], {k: v for k, v in link["query"].items()})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_csv_link_answers_with_the_same_rows_as_the_page(client, seeded):
    response = client.get(
        reverse("sites:county-list"), {"province": "south-phyongan", "kind": "county"}
    )
    page_count = response.context["paginator"].count
    [link] = csv_links(response)
    rows = follow_csv(client, link)
    assert len(rows) == page_count == 14
    assert {row["province.slug"] for row in rows} == {"south-phyongan"}


def test_the_events_csv_links_answer_with_the_pages_events(client, seeded):
    response = client.get(
        reverse("events:event-list"),
        {"date_after": "2024-01-01", "date_before": "2024-12-31", "province": "south-phyongan"},
    )
    links = csv_links(response)
    rows = [row for link in links for row in follow_csv(client, link)]
    assert len(rows) == response.context["paginator"].count == 5


def test_list_columns_sort_and_say_how(client, db):
    from tests import factories as make

    make.county(name="Anju", slug="anju", programme_year=2026)
    make.county(name="Kowon", slug="kowon", programme_year=2024)
    make.county(name="Jaeryong", slug="jaeryong", programme_year=2025)
    url = reverse("sites:county-list")
    html = client.get(url).content.decode()
    assert '<a class="sort" href="?ordering=programme_year">Programme year' in html

    by_year = client.get(url, {"ordering": "programme_year"}).content.decode()
    assert by_year.index("Kowon") < by_year.index("Jaeryong") < by_year.index("Anju")
    assert (
        '<th scope="col" aria-sort="ascending"><a class="sort" href="?ordering=-programme_year"'
        in by_year
    )

    backwards = client.get(url, {"ordering": "-programme_year"}).content.decode()
    assert backwards.index("Anju") < backwards.index("Jaeryong") < backwards.index("Kowon")
    assert 'aria-sort="descending"' in backwards


def test_factories_sort_by_groundbreaking_and_the_csv_keeps_the_order(client, db):
    from tests import factories as make

    late, early = make.factory(name="Late works"), make.factory(name="Early works")
    make.ceremony(date="2025-03", factories=[late])
    make.ceremony(date="2024-02-21/2024-02-29", factories=[early])
    response = client.get(reverse("sites:factory-list"), {"ordering": "groundbreaking"})
    html = response.content.decode()
    assert html.index("Early works") < html.index("Late works")
    assert [link["query"]["ordering"] for link in csv_links(response)] == [["groundbreaking"]]
