"""One order of events and one of sources, the same on every page, the API and the feeds.

The expectation is written out by hand from the rule (oldest first; on a shared day the
groundbreaking first and the inauguration last; sources latest first, undated last), not
computed by the code under test.

Under an event, sources run by directness (the event's own report in state media, then days
from the event); elsewhere latest first. tests/events/test_source_order.py varies both.
"""

import icalendar
import pytest
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit
from tests import factories as make

pytestmark = pytest.mark.django_db

SAME_DAY = "2024-06-10"
IN_ORDER = ["Ground broken", "First visit", "Second visit", "Opened"]
SOURCES_IN_ORDER = ["January 2025 report", "December 2024 report", "Undated report"]
# Under the events of 10 June 2024: December 2024 is fewer days away than January 2025.
SOURCES_UNDER_EVENTS = ["December 2024 report", "January 2025 report", "Undated report"]


@pytest.fixture
def one_day():
    """Four events on one day, recorded in an order unlike the one they are shown in, and
    sources of which one has no date."""
    county = make.county()
    factory = make.factory(county=county, draft=True)  # cites the sources below
    undated = make.source(title="Undated report", published="")
    december = make.source(title="December 2024 report", published="2024-12")
    january = make.source(title="January 2025 report", published="2025-01-05")
    sources = [undated, december, january]
    factory.sources.add(*sources)
    common = {"date": SAME_DAY, "county": county, "factories": [factory], "sources": sources}
    make.ceremony(kind="inauguration", summary="Opened", **common)
    make.visit(summary="First visit", **common)
    make.ceremony(kind="groundbreaking", summary="Ground broken", **common)
    make.visit(summary="Second visit", **common)
    return factory


def in_page_order(html: str, names: list[str]) -> list[str]:
    return sorted(names, key=html.index)


def test_pages_give_the_one_order(client, one_day):
    for url in (one_day.get_absolute_url(), one_day.county.get_absolute_url()):
        html = client.get(url).content.decode()
        assert in_page_order(html, IN_ORDER) == IN_ORDER, url


def addresses_in_order() -> list[str]:
    """The events' pages, the table's one cell that names each event, in IN_ORDER."""
    events = {
        event.summary: event.get_absolute_url()
        for event in [*Ceremony.objects.all(), *GuidanceVisit.objects.all()]
    }
    return [events[summary] for summary in IN_ORDER]


def test_the_events_list_oldest_first_is_the_one_order(client, one_day):
    html = client.get(reverse("events:event-list"), {"ordering": "date"}).content.decode()
    addresses = addresses_in_order()
    assert in_page_order(html, addresses) == addresses


def test_the_events_list_newest_first_is_the_one_order_reversed(client, one_day):
    html = client.get(reverse("events:event-list")).content.decode()
    addresses = addresses_in_order()
    assert in_page_order(html, addresses) == addresses[::-1]


def test_the_api_timeline_gives_the_one_order(client, one_day):
    response = client.get(reverse("api:factory-timeline", args=[one_day.slug]))
    events = response.json()["events"]
    assert [event["summary"] for event in events] == IN_ORDER
    for event in events:
        assert [source["title"] for source in event["sources"]] == SOURCES_UNDER_EVENTS


def test_the_calendar_feed_gives_the_one_order(client, one_day):
    calendar = icalendar.Calendar.from_ical(client.get(reverse("events:feed-ics")).content)
    summaries = [str(entry["description"]).split("\n")[0] for entry in calendar.walk("VEVENT")]
    assert summaries == IN_ORDER


def after(html: str, marker: str) -> str:
    return html[html.index(marker) :]


def test_sources_are_listed_latest_first_and_undated_last_everywhere(client, one_day):
    factory_page = client.get(one_day.get_absolute_url()).content.decode()
    # The factory's own sources, below its timeline of events.
    factory_sources = after(factory_page, 'id="sources-title"')
    assert in_page_order(factory_sources, SOURCES_IN_ORDER) == SOURCES_IN_ORDER
    county_page = client.get(one_day.county.get_absolute_url()).content.decode()
    county_sources = after(county_page, 'id="sources-title"')
    assert in_page_order(county_sources, SOURCES_IN_ORDER) == SOURCES_IN_ORDER
    source_list = client.get(reverse("events:source-list")).content.decode()
    assert in_page_order(source_list, SOURCES_IN_ORDER) == SOURCES_IN_ORDER
    for url in (reverse("api:factory-list"), reverse("api:factory-detail", args=[one_day.slug])):
        body = client.get(url).json()
        factory = body["results"][0] if "results" in body else body
        assert [source["title"] for source in factory["sources"]] == SOURCES_IN_ORDER, url
