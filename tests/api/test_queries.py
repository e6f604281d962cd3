"""Guards against N+1 queries: each list, and the timeline, costs the same for 3 rows as for 30."""

import pytest
from django.urls import reverse

from events.models import Photo
from tests import factories as make
from tests.api.test_formats import text_of


def provinces(n):
    for _ in range(n):
        make.province()


def counties(n):
    province, source = make.province(), make.source()
    for _ in range(n):
        make.county(province=province).sources.add(source)


def factories(n):
    county, source = make.county(), make.source()
    for _ in range(n):
        make.factory(county=county).sources.add(source)


def events(builder):
    def build(n):
        county, source = make.county(), make.source()
        factory = make.factory(county=county)
        for _ in range(n):
            builder(county=county, kind="other", factories=[factory], sources=[source])

    return build


def sources(n):
    for _ in range(n):
        make.source()


def photos(n):
    factory, source = make.factory(), make.source()
    for i in range(n):
        Photo.objects.create(
            image=f"photos/{i}.jpg",
            width=1,
            height=1,
            caption="c",
            credit="c",
            source=source,
            factory=factory,
        )


def people(n):
    from events import people_services

    ceremony, source = make.ceremony(kind="other"), make.source()
    for i in range(n):
        person = people_services.save_person(name=f"Person {i}")
        people_services.save_appearance(
            person=person, event=ceremony, role="attendee", source=source
        )


def timeline(n):
    factory, source = make.factory(slug="the-factory"), make.source()
    for _ in range(n):
        make.ceremony(kind="other", county=factory.county, factories=[factory], sources=[source])
        make.visit(county=factory.county, factories=[factory], sources=[source])


# view, builder, queries: the rows, then one query per prefetched relation.
CASES = {
    "provinces": ("api:province-list", provinces, 1),
    "counties": ("api:county-list", counties, 2),
    "factories": ("api:factory-list", factories, 2),  # sources as plain values (lean.py)
    "ceremonies": ("api:ceremony-list", events(make.ceremony), 4),  # and citations
    "guidance-visits": ("api:guidance-visit-list", events(make.visit), 4),
    "sources": ("api:source-list", sources, 1),
    "photos": ("api:photo-list", photos, 1),
    "people": ("api:person-list", people, 2),  # and their appearances
    "timeline": ("api:factory-timeline", timeline, 5),
    "stats": ("api:stats", factories, 5),
}


def url_of(name):
    view = CASES[name][0]
    return reverse(view, args=["the-factory"]) if name == "timeline" else reverse(view)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("rows", [3, 30])
def test_queries_do_not_grow_with_the_rows(db, api, django_assert_num_queries, name, rows):
    _, build, queries = CASES[name]
    url = url_of(name)
    build(rows)
    with django_assert_num_queries(queries):
        response = api.get(url)
    assert response.status_code == 200
    body = response.json()
    if "results" in body:
        assert len(body["results"]) == rows
    if name == "timeline":
        assert len(body["events"]) == 2 * rows


@pytest.mark.parametrize("name", ["counties", "factories", "ceremonies"])
def test_csv_costs_what_json_costs(db, api, django_assert_num_queries, name):
    _, build, queries = CASES[name]
    url = url_of(name)
    build(30)
    with django_assert_num_queries(queries):
        response = api.get(url, {"format": "csv"})
        text = text_of(response)  # streamed: the rows are read as the download is
    assert response.status_code == 200
    assert text.count("\n") == 31
