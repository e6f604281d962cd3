"""Search by any spelling, and the Atom and iCalendar feeds read as their clients read them."""

import datetime
from html import unescape

import feedparser
import icalendar
import pytest
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit
from tests import factories as make
from tests.pages.test_places import text_of


@pytest.mark.parametrize(
    "spelling", ["Seongcheon", "Songchon", "Sŏngch'ŏn", "성천", "songchon-gun"]
)
def test_search_finds_songchon_by_any_spelling(client, seeded, spelling):
    response = client.get(reverse("sites:search"), {"q": spelling})
    html = response.content.decode()
    assert 'href="/counties/songchon/">Songchon County</a>' in result_group(html, "Counties")
    assert "Songchon regional-industry factories" in result_group(html, "Factories")
    assert "28 February 2024" in result_group(html, "Events")


def result_group(html: str, title: str) -> str:
    return html.split(f">{title}</h2>")[1].split("</section>")[0]


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("inauguration", "The first inauguration", "The groundbreaking"),
        ("준공식", "The first inauguration", "The groundbreaking"),
        ("groundbreaking ceremony", "The groundbreaking", "The first inauguration"),
        ("착공식", "The groundbreaking", "The first inauguration"),
        ("Kim Jong Un", "The groundbreaking", "A meeting without him"),
        ("김정은", "The groundbreaking", "A meeting without him"),
        ("field guidance", "A tour of the mill", "A meeting without him"),
        ("현지지도", "A tour of the mill", "A meeting without him"),
        ("consultative meeting", "A meeting without him", "A tour of the mill"),
        ("paper mill", "A tour of the mill", "The first inauguration"),
        ("Pak Thae Song", "The first inauguration", "The groundbreaking"),
    ],
)
def test_search_finds_events_by_kind_people_and_facilities(client, db, query, found, not_found):
    mill = make.factory(name="Kowon Paper Mill")
    make.ceremony(kind="groundbreaking", leader_present=True, summary="The groundbreaking")
    make.ceremony(kind="inauguration", speakers="Pak Thae Song", summary="The first inauguration")
    make.visit(kind="field guidance", factories=[mill], summary="A tour of the mill")
    make.visit(kind="consultative meeting", summary="A meeting without him")
    response = client.get(reverse("sites:search"), {"q": query})
    events = result_group(response.content.decode(), "Events")
    assert found in events
    assert not_found not in events


def test_search_finds_a_factory_by_what_it_is(client, db):
    make.factory(name="Kowon Paper Mill", products="paper, exercise books")
    html = client.get(reverse("sites:search"), {"q": "exercise books"}).content.decode()
    assert "Kowon Paper Mill" in result_group(html, "Factories")


def test_search_finds_provinces(client, seeded):
    html = client.get(reverse("sites:search"), {"q": "평안남도"}).content.decode()
    assert 'href="/provinces/south-phyongan/">South Phyongan</a>' in result_group(html, "Provinces")


def test_a_miss_says_so_and_suggests_close_names(client, seeded):
    response = client.get(reverse("sites:search"), {"q": "Songchn"})
    text = text_of(response)
    assert "Nothing found for “Songchn”." in text
    assert "Did you mean:" in text
    assert 'href="/counties/songchon/"' in response.content.decode()


def test_a_miss_with_nothing_close_says_so(client, seeded):
    text = text_of(client.get(reverse("sites:search"), {"q": "Zzyzx"}))
    assert "Nothing found for “Zzyzx”." in text
    assert "No place has a spelling close to it either." in text


def test_a_query_of_only_punctuation_asks_for_a_name(client, seeded):
    text = text_of(client.get(reverse("sites:search"), {"q": "-- '"}))
    assert "has no letters or digits to search for" in text


def test_search_without_a_query_explains_itself(client, db):
    text = text_of(client.get(reverse("sites:search")))
    assert "Find a province, county, factory or event by any spelling" in text


def test_search_keeps_the_query_in_the_box(client, seeded):
    html = client.get(reverse("sites:search"), {"q": "Seongcheon"}).content.decode()
    assert 'name="q" value="Seongcheon"' in html


def test_search_shows_at_most_fifty_of_a_kind(client, db):
    province = make.province()
    for n in range(52):
        make.county(province=province, name=f"Samsu {n}", name_ko="")
    text = text_of(client.get(reverse("sites:search"), {"q": "Samsu"}))
    assert text.count("Samsu ") == 50
    assert "Only the first 50 are shown" in text


def test_atom_feed_parses_as_atom_with_date_precision_kept(client, seeded):
    response = client.get(reverse("events:feed-atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 50
    visit = GuidanceVisit.objects.get(kind="field guidance", county__slug="kusong")
    [entry] = [e for e in feed.entries if e.link.endswith(visit.get_absolute_url())]
    assert entry.title == "Field guidance at a site, Kusong, North Phyongan, December 2025"
    assert "December 2025 (EDTF 2025-12" in entry.summary
    assert "North Korea completes second regional hospital, in Kusong" in unescape(entry.summary)
    assert entry.id == f"tag:regiondev,2024:visit/{visit.pk}"
    assert entry.tags[0].term == "field guidance at a site"


def test_atom_feed_of_an_exact_day_says_just_the_day(client, seeded):
    feed = feedparser.parse(client.get(reverse("events:feed-atom")).content)
    [entry] = [e for e in feed.entries if "29 December 2025" in e.title]
    assert "Date: 29 December 2025</p>" in entry.summary


def calendar_events(client) -> dict:
    response = client.get(reverse("events:feed-ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_ical_feed_makes_a_day_an_all_day_event_on_that_day(client, seeded):
    inauguration = Ceremony.objects.get(kind="inauguration", county__slug="songchon")
    event = calendar_events(client)[f"ceremony-{inauguration.pk}@testserver"]
    assert event.decoded("DTSTART") == datetime.date(2024, 12, 20)
    assert event.decoded("DTEND") == datetime.date(2024, 12, 21)
    assert str(event["SUMMARY"]) == "Inauguration ceremony, Songchon, South Phyongan"
    assert "Date: 20 December 2024\n" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"http://testserver{inauguration.get_absolute_url()}"


def test_ical_feed_spans_an_uncertain_date_over_its_bounds(client, seeded):
    visit = GuidanceVisit.objects.get(date="2024-08-24/2024-08-25")
    event = calendar_events(client)[f"visit-{visit.pk}@testserver"]
    assert event.decoded("DTSTART") == datetime.date(2024, 8, 24)
    assert event.decoded("DTEND") == datetime.date(2024, 8, 26)
    assert str(event["SUMMARY"]).endswith("(date uncertain: 24–25 August 2024)")
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    description = str(event["DESCRIPTION"])
    assert "24–25 August 2024 (EDTF 2024-08-24/2024-08-25" in description
    assert "the sources give no exact day" in description


def test_ical_feed_marks_a_year_only_date_instead_of_blocking_out_the_year(client, db):
    make.ceremony(kind="groundbreaking", date="2024")
    (event,) = calendar_events(client).values()
    assert event.decoded("DTSTART") == datetime.date(2024, 1, 1)
    assert event.decoded("DTEND") == datetime.date(2024, 1, 2)  # not a 366-day event
    assert str(event["SUMMARY"]).endswith("(date uncertain: 2024)")
    assert str(event["X-REGIONDEV-DATE-UNCERTAIN"]) == "2024"
    assert str(event["STATUS"]) == "TENTATIVE"
    assert "any day from 1 January 2024 to 31 December 2024" in str(event["DESCRIPTION"])
    assert "marks only the earliest day" in str(event["DESCRIPTION"])


def test_ical_feed_has_every_event_once(client, seeded):
    events = calendar_events(client)
    assert len(events) == 99
    month = [e for e in events.values() if "July 2024" in str(e["DESCRIPTION"])]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in month] == [
        (datetime.date(2024, 7, 1), datetime.date(2024, 8, 1))
    ]


def test_feeds_are_valid_when_empty(client, db):
    assert feedparser.parse(client.get(reverse("events:feed-atom")).content).entries == []
    assert calendar_events(client) == {}
