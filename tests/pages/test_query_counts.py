"""Every page with rows of data costs the same number of queries at 3 rows and at 30.

Each test guards against N+1 queries: a page that loaded a relation per row would cost more
at 30 rows than at 3, and fail here.
"""

import pytest
from django.urls import reverse


def pages(data) -> dict:
    return {
        "home": reverse("sites:home"),
        "provinces": reverse("sites:province-list"),
        "province": data.county.province.get_absolute_url(),
        "counties": reverse("sites:county-list"),
        "county": data.county.get_absolute_url(),
        "factories": reverse("sites:factory-list"),
        "factory": data.factory.get_absolute_url(),
        "events": reverse("events:event-list"),
        "ceremony": data.ceremonies[0].get_absolute_url(),
        "visit": data.visits[0].get_absolute_url(),
        "sources": reverse("events:source-list"),
        "source": data.source.get_absolute_url(),
        "search": reverse("sites:search") + "?q=Kowon",
        "atom": reverse("events:feed-atom"),
        "ics": reverse("events:feed-ics"),
        "counties filtered": reverse("sites:county-list")
        + "?province="
        + data.county.province.slug,
        "events filtered": reverse("events:event-list")
        + "?kind=groundbreaking&date_after=2024-01-01&date_before=2024-12-31",
        "events of a county and year": reverse("events:event-list")
        + f"?county={data.county.slug}&programme_year=2024&leader_present=no",
        "events by sources": reverse("events:event-list") + "?ordering=-sources",
        "events by place": reverse("events:event-list") + "?ordering=place",
        "county feed": reverse("events:feed-atom") + f"?county={data.county.slug}",
    }


# A page with downloads reads how current the data are (events/freshness.py): one query a
# generation of the data.
QUERIES = {
    "home": 11,
    "provinces": 1,
    "province": 10,
    "counties": 3,
    "county": 16,
    "factories": 3,
    "factory": 12,
    "events": 10,
    "ceremony": 6,  # and the people there
    "visit": 6,
    "sources": 2,
    "source": 11,
    "search": 11,  # and the people found
    "atom": 7,
    "ics": 7,
    "counties filtered": 5,
    "events filtered": 7,
    "events of a county and year": 13,
    "events by sources": 10,
    "events by place": 10,
    "county feed": 9,
}

# What shows that the page really carries every row: the last one built.
LAST_ROW = {
    "home": "Kowon {last}",
    "provinces": "Province {last}",
    "province": "Kowon {last}",
    "counties": "Kowon {last}",
    "county": "Factory {last}",
    "factories": "Factory {last}",
    "factory": "Report {last}",
    "events": "Factory {last}",
    "sources": "Report {last}",
    "source": "Factory {last}",
    "search": "Kowon {last}",
    "atom": "Report {last}",
    "ics": "Report {last}",
    "counties filtered": "Kowon {last}",
    "events filtered": "Factory {last}",
    "events by sources": "Factory {last}",
    "county feed": "Report {last}",
}


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("page", QUERIES)
def test_query_count_does_not_grow_with_the_data(
    client, programme, django_assert_num_queries, rows, page
):
    data = programme(rows)
    with django_assert_num_queries(QUERIES[page]):
        response = client.get(pages(data)[page])
    assert response.status_code == 200
    if page in LAST_ROW:
        assert LAST_ROW[page].format(last=rows - 1) in response.content.decode()
