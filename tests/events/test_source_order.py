"""Under an event, sources run by directness: DPRK state media's own report of the event
first (published on its day or up to OWN_REPORT_DAYS after), then every other source by the
days between its publication and the event, whoever published it, undated last. The same
order on the event's page, under it on county, factory and search pages, in the feed, the
API (sources and citations), the API's CSV and the factory timeline.

The expected orders are written out by hand from the rule."""

import csv
import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.urls import reverse

from events.models import OWN_REPORT_DAYS, by_directness
from tests import factories as make

pytestmark = pytest.mark.django_db

EVENT_DAY = "2025-02-11"
# Written so that neither the id, the title nor "latest first" gives this order.
IN_ORDER = [
    "Zeta state media same-day report",  # own report, 0 days
    "Eta state media report two days on",  # own report, 2 days
    "Alpha foreign same-day report",  # 0 days, other media
    "Beta foreign report a week before",  # 7 days
    "Gamma state media retrospective",  # about four months on: not its own report
    "Delta foreign undated report",  # no date: last
]
MADE = [  # (title, state media, published), in an order of their own
    ("Gamma state media retrospective", True, "2025-06-10"),
    ("Delta foreign undated report", False, ""),
    ("Alpha foreign same-day report", False, "2025-02-11"),
    ("Eta state media report two days on", True, "2025-02-13"),
    ("Beta foreign report a week before", False, "2025-02-04"),
    ("Zeta state media same-day report", True, "2025-02-11"),
]


@pytest.fixture
def event():
    county = make.county(name="Onchon", slug="onchon")
    factory = make.factory(county=county, name="Onchon factory", slug="onchon-factory")
    sources = [
        make.source(title=title, state_media=state, published=published)
        for title, state, published in MADE
    ]
    return make.ceremony(
        kind="inauguration", date=EVENT_DAY, county=county, factories=[factory], sources=sources
    )


def in_page_order(text: str) -> list[str]:
    return sorted(IN_ORDER, key=text.index)


def day(text):
    return dt.date.fromisoformat(text)


def source(title, state_media, lower, upper=None):
    return SimpleNamespace(
        title=title,
        description="",
        state_media=state_media,
        published_lower=lower and day(lower),
        published_upper=(upper and day(upper)) or (lower and day(lower)),
        pk=title,
    )


def test_the_rule_by_hand():
    record = SimpleNamespace(date_lower=day(EVENT_DAY), date_upper=day(EVENT_DAY))
    made = [source(title, state, published or None) for title, state, published in MADE]
    assert [s.title for s in by_directness(made, record)] == IN_ORDER


def test_an_own_report_ends_a_few_days_after_the_event():
    record = SimpleNamespace(date_lower=day("2024-03-06"), date_upper=day("2024-03-10"))
    last_day = (day("2024-03-10") + dt.timedelta(days=OWN_REPORT_DAYS)).isoformat()
    too_late = (day("2024-03-10") + dt.timedelta(days=OWN_REPORT_DAYS + 1)).isoformat()
    made = [
        source("late state media", True, too_late),
        source("foreign on the range's last day", False, "2024-03-10"),
        source("state media on its last day", True, last_day),
        source("state media before the event", True, "2024-03-05"),
    ]
    assert [s.title for s in by_directness(made, record)] == [
        "state media on its last day",
        "foreign on the range's last day",  # inside the event's days: 0 days apart
        "state media before the event",  # 1 day before
        "late state media",  # 4 days after
    ]


def test_a_record_without_a_date_keeps_latest_first():
    made = [source("older", True, "2024-01-01"), source("newer", False, "2025-01-01")]
    assert [s.title for s in by_directness(made, SimpleNamespace())] == ["newer", "older"]


def test_pages_list_an_events_sources_by_directness(client, event):
    pages = {
        "event": event.get_absolute_url(),
        "county": event.county.get_absolute_url(),
        "factory": event.factories.get().get_absolute_url(),
        "search": reverse("sites:search") + "?q=Onchon",
        "feed": reverse("events:feed-atom"),
    }
    for name, address in pages.items():
        assert in_page_order(client.get(address).content.decode()) == IN_ORDER, name


def test_the_event_page_gives_each_claim_in_that_order(client, event):
    html = client.get(event.get_absolute_url()).content.decode()
    assert in_page_order(html[html.index('class="claims"') :]) == IN_ORDER


def test_the_api_gives_sources_and_citations_in_that_order(client, event):
    body = client.get(reverse("api:ceremony-detail", args=[event.pk])).json()
    assert [s["title"] for s in body["sources"]] == IN_ORDER
    assert [c["source"]["title"] for c in body["citations"]] == IN_ORDER
    listed = client.get(reverse("api:ceremony-list")).json()["results"][0]
    assert [s["title"] for s in listed["sources"]] == IN_ORDER
    timeline = client.get(reverse("api:factory-timeline", args=["onchon-factory"])).json()
    assert [s["title"] for s in timeline["events"][0]["sources"]] == IN_ORDER


def test_the_csv_gives_them_in_that_order(client, event):
    response = client.get(reverse("api:ceremony-list"), {"format": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    row = next(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert row["sources"].split("; ") == IN_ORDER
