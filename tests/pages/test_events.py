"""The events list, event pages and source pages."""

import re

from django.urls import reverse

from events.models import Ceremony, GuidanceVisit, Source
from tests import factories as make
from tests.pages.test_lists import csv_links
from tests.pages.test_places import text_of


def test_events_are_listed_newest_first_across_both_kinds(client, seeded):
    response = client.get(reverse("events:event-list"))
    assert "99 events" in text_of(response)
    shown = response.context["events"]
    assert len(shown) == 50
    assert {event.category for event in shown} == {"ceremony", "visit"}
    earliest_days = [event.date_lower for event in shown]
    assert earliest_days == sorted(earliest_days, reverse=True)


def test_events_can_be_listed_oldest_first(client, seeded):
    text = text_of(client.get(reverse("events:event-list"), {"ordering": "date"}))
    order = [
        text.index("23–24 January 2024"),
        text.index("28 February 2024"),
        text.index("July 2024"),
        text.index("20 December 2024"),
    ]
    assert order == sorted(order)
    assert "Order: oldest first ✕" in text


def test_a_vague_date_never_outranks_a_precise_later_one_on_the_events_list(client, db):
    vague = make.ceremony(kind="groundbreaking", date="2024")
    precise = make.ceremony(kind="inauguration", date="2024-12-20")
    next_year = make.visit(date="2025-01/2025-04")
    html = client.get(reverse("events:event-list")).content.decode()
    assert (
        html.index(next_year.get_absolute_url())
        < html.index(precise.get_absolute_url())
        < html.index(vague.get_absolute_url())
    )


def test_events_filter_by_leader_present(client, db):
    attended = make.ceremony(leader_present=True)
    without = make.visit(leader_present=False)
    response = client.get(reverse("events:event-list"), {"leader_present": "true"})
    html = response.content.decode()
    assert attended.get_absolute_url() in html
    assert without.get_absolute_url() not in html
    assert 'name="leader_present"' in response.content.decode()
    assert [link["query"]["leader_present"] for link in csv_links(response)] == [["true"]]


def test_events_filter_by_a_ceremony_kind_leaves_out_visits(client, seeded):
    response = client.get(reverse("events:event-list"), {"kind": "groundbreaking"})
    text = text_of(response)
    assert "39 events with these filters" in text
    assert "Field guidance" not in text.split("with these filters")[1]
    assert "Kind: groundbreaking ✕" in text
    assert [link["path"] for link in csv_links(response)] == ["/events/events.csv"]


def test_events_filter_by_a_visit_kind_leaves_out_ceremonies(client, seeded):
    response = client.get(reverse("events:event-list"), {"kind": "consultative meeting"})
    text = text_of(response)
    assert "3 events with these filters" in text
    assert "ceremony" not in text.split("with these filters")[1].split("Regiondev: records")[0]
    assert [link["path"] for link in csv_links(response)] == ["/events/events.csv"]


def test_events_filter_by_dates_keeps_events_that_may_fall_between_them(client, seeded):
    dates = {"date_after": "2025-01-01", "date_before": "2025-12-31"}
    response = client.get(reverse("events:event-list"), dates)
    text = text_of(response)
    assert "60 events with these filters" in text
    assert "29 December 2025" in text
    assert "From: 2025-01-01 ✕" in text
    assert "Until: 2025-12-31 ✕" in text
    [link] = csv_links(response)
    assert link["query"] == {name: [value] for name, value in dates.items()}


def test_events_filter_by_province(client, seeded):
    text = text_of(client.get(reverse("events:event-list"), {"province": "south-hamgyong"}))
    assert "8 events with these filters" in text
    assert "Hamju" in text
    assert "Sinpho" in text


def test_events_combine_filters(client, seeded):
    response = client.get(
        reverse("events:event-list"),
        {
            "kind": "field guidance",
            "date_after": "2024-01-01",
            "date_before": "2024-12-31",
            "province": "south-hwanghae",
        },
    )
    text = text_of(response)
    assert "1 event with these filters" in text
    assert "Jaeryong" in text


def test_events_bad_filters_are_errors_not_500s(client, seeded):
    response = client.get(reverse("events:event-list"), {"date_before": "soon", "kind": "parade"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Enter a valid date." in text
    assert "Select a valid choice. parade is not one of the available choices." in text
    assert "0 events" in text
    assert csv_links(response) == []


def test_events_date_errors_from_the_url_are_shown(client, seeded):
    response = client.get(reverse("events:event-list"), {"date_after": "someday"})
    assert "Enter a valid date." in text_of(response)
    assert "0 events" in text_of(response)


def test_events_list_has_one_csv_link_for_both_kinds_when_unfiltered(client, seeded):
    response = client.get(reverse("events:event-list"))
    assert csv_links(response) == [{"path": "/events/events.csv", "query": {}}]


def test_events_paginate(client, db):
    for day in range(1, 29):
        make.ceremony(date=f"2024-02-{day:02d}")
    for day in range(1, 29):
        make.visit(date=f"2024-03-{day:02d}")
    first = text_of(client.get(reverse("events:event-list")))
    assert "56 events" in first
    assert "Page 1 of 2" in first
    second = text_of(client.get(reverse("events:event-list"), {"page": 2}))
    assert "1 February 2024" in second
    assert "28 March 2024" not in second


def test_ceremony_page_shows_its_date_precision_place_and_sources(client, seeded):
    ceremony = Ceremony.objects.get(kind="groundbreaking", county__slug="songchon")
    text = text_of(client.get(ceremony.get_absolute_url()))
    assert "Groundbreaking ceremony" in text
    assert "Date 28 February 2024" in text
    assert "Songchon County , South Phyongan" in text
    assert "Songchon regional-industry factories" in text
    # The founding article's vaguer date is one claim among those of state media.
    assert "Kim Jong Un's World of Devoted Service for People (2)" in text
    assert "Date as written: “In late February last year” — late February 2024" in text
    assert "Date as written: “on February 28” — 28 February 2024 EDTF 2024-02-28" in text


def test_visit_page_with_an_unnamed_place(client, seeded):
    # The founding article's unnamed North Phyongan visit is read as the Kujang one; the
    # citation still shows the place as the source writes it.
    visit = GuidanceVisit.objects.get(county__name_ko="구장군", date_lower__year=2024)
    text = text_of(client.get(visit.get_absolute_url()))
    assert "Field guidance at a site" in text
    assert "Place: (not named), North Phyongan." in text
    # Who led it, from his appearance, with the source that says so.
    assert re.search(r"People Kim Jong Un\s*: leading", text), text


def test_source_page_lists_everything_it_supports(client, seeded):
    source = Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2")
    text = text_of(client.get(source.get_absolute_url()))
    supports = text.split("What it supports")[1]
    for name in ["Songchon County", "Jaeryong", "Songchon regional-industry factories"]:
        assert name in supports
    assert supports.count("Source: Kim Jong Un's World") == 7  # every ceremony and visit
    assert "Date as written: “On December 20, 2024”" in text.split("What it supports")[0]
    assert "Full text" in text


def test_a_source_nothing_cites_says_so(client, db):
    source = make.source(title="Unused report")
    assert "No record cites this source yet." in text_of(client.get(source.get_absolute_url()))


def test_events_search_by_any_spelling_of_their_place(client, seeded):
    response = client.get(reverse("events:event-list"), {"q": "Seongcheon"})
    text = text_of(response)
    assert "4 events with these filters" in text
    assert "Search: Seongcheon ✕" in text


def test_an_event_page_says_whether_the_sources_place_the_leader_there(client, seeded):
    present = Ceremony.objects.get(kind="inauguration", county__slug="songchon")
    absent = Ceremony.objects.get(kind="inauguration", county__slug="sukchon")
    unstated = Ceremony.objects.get(kind="inauguration", county__slug="kujang")
    assert "Leader present yes, as the sources say" in text_of(
        client.get(present.get_absolute_url())
    )
    assert "Leader present no: the sources that list who was present do not name him" in text_of(
        client.get(absent.get_absolute_url())
    )
    assert "Leader present not stated in the sources" in text_of(
        client.get(unstated.get_absolute_url())
    )
