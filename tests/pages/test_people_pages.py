"""The people list, a person's page, people on the event page and ?person= on the events
table."""

import pytest
from django.urls import reverse

from events import people_services
from tests import factories as make
from tests.pages.test_places import text_of

EVENTS = reverse("events:event-list")


@pytest.fixture
def people(db):
    kcna = make.source(title="Factories inaugurated in Hamju", state_media=True, language="en")
    hamju = make.county(name="Hamju", slug="hamju", name_ko="함주군")
    later = make.ceremony(kind="inauguration", date="2025-01-18", county=hamju)
    earlier = make.ceremony(kind="groundbreaking", date="2024-03-02", county=hamju)
    other = make.visit(date="2024-05")
    ri = people_services.save_person(name="Ri Jong Nam")
    for event, title in (
        (later, "chief secretary of the South Hamgyong Provincial Committee"),
        (earlier, "chief secretary"),
    ):
        people_services.save_appearance(
            person=ri,
            event=event,
            role="speaker",
            title=title,
            source=kcna,
            quote=f"Ri Jong Nam, {title}, addressed the ceremony.",
        )
    return {"ri": ri, "later": later, "earlier": earlier, "other": other, "source": kcna}


def test_the_person_page_lists_appearances_in_date_order_with_titles_and_sources(client, people):
    response = client.get(people["ri"].get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    first, second = (html.index(people[k].get_absolute_url()) for k in ("earlier", "later"))
    assert first < second
    words = text_of(response)
    assert "speaker — chief secretary of the South Hamgyong Provincial Committee" in words
    assert people["source"].get_absolute_url() in html
    assert "addressed the ceremony." in words
    assert f"?person={people['ri'].slug}" in html


def test_the_person_page_in_korean(client, people):
    response = client.get("/ko" + people["ri"].get_absolute_url())
    assert response.status_code == 200
    assert "연설자" in text_of(response)


def test_the_people_list_searches_by_any_spelling(client, people):
    people_services.save_person(name="Pak Thae Song")
    listed = client.get(reverse("people:person-list"), {"q": "ri-jong-nam"})
    assert [p.name for p in listed.context["person_list"]] == ["Ri Jong Nam"]
    everyone = client.get(reverse("people:person-list"))
    assert "Pak Thae Song" in text_of(everyone)
    assert client.get("/ko" + reverse("people:person-list")).status_code == 200


def test_an_unknown_person_is_404(client, db):
    assert client.get("/people/nobody/").status_code == 404


def test_the_event_page_names_its_people(client, people):
    words = text_of(client.get(people["later"].get_absolute_url()))
    assert "Ri Jong Nam" in words
    assert "chief secretary of the South Hamgyong Provincial Committee" in words
    assert "Ri Jong Nam" not in text_of(client.get(people["other"].get_absolute_url()))


def test_the_events_table_filters_by_person(client, people):
    response = client.get(EVENTS, {"person": people["ri"].slug})
    shown = {event.get_absolute_url() for event in response.context["events"]}
    assert shown == {people["later"].get_absolute_url(), people["earlier"].get_absolute_url()}
    assert client.get(EVENTS, {"person": "nobody"}).status_code in (200, 400)


def _person_page_queries(client, django_assert_num_queries, person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(person.get_absolute_url()).status_code == 200
    return len(queries)


def test_person_pages_read_a_flat_number_of_queries(client, people, django_assert_num_queries):
    before = _person_page_queries(client, django_assert_num_queries, people["ri"])
    for n in range(5):
        event = make.ceremony(kind="other", date=f"2025-0{n + 2}-01", county=make.county())
        people_services.save_appearance(
            person=people["ri"], event=event, role="attendee", source=make.source()
        )
    assert _person_page_queries(client, django_assert_num_queries, people["ri"]) == before
    with django_assert_num_queries(before):
        client.get(people["ri"].get_absolute_url())
    for n in range(3):
        people_services.save_person(name=f"Person {n}")
    with django_assert_num_queries(2):
        client.get(reverse("people:person-list"))


def test_site_search_finds_people_by_any_spelling(client, people):
    response = client.get(reverse("sites:search"), {"q": "jong nam"})
    assert people["ri"].get_absolute_url() in response.content.decode()
    assert "People" in text_of(response)


def test_the_people_csv_names_each_appearance(client, people):
    response = client.get(reverse("api:person-list"), {"format": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "Ri Jong Nam" in text
    assert "chief secretary of the South Hamgyong Provincial Committee" in text
