"""Honest states: a date its source gives as uncertain (`?`), approximate (`~`) or both (`%`)
says so wherever it is shown, and so does a duration reckoned from it; where the sources
are silent the page says "not reported"."""

import datetime

import pytest
from django.utils import translation

from events.models import Ceremony
from regiondev import dates
from tests import factories as make


def words(text: str) -> str:
    return dates.read(text).words


@pytest.mark.parametrize(
    ("text", "english", "korean"),
    [
        ("2025-01-24", "24 January 2025", "2025년 1월 24일"),
        ("2025-01-24?", "24 January 2025 (uncertain)", "2025년 1월 24일 (불확실)"),
        ("2025-01-24~", "about 24 January 2025", "2025년 1월 24일 무렵"),
        ("2025-01-24%", "about 24 January 2025 (uncertain)", "2025년 1월 24일 무렵 (불확실)"),
        ("2024-07?", "July 2024 (uncertain)", "2024년 7월 (불확실)"),
        ("2025?-01-24", "24 January 2025 (uncertain)", "2025년 1월 24일 (불확실)"),
        # A range with one uncertain or approximate end is as uncertain as that end.
        ("2024-03?/2024-04", "March–April 2024 (uncertain)", "2024년 3–4월 (불확실)"),
        ("2024-03/2024-04~", "about March–April 2024", "2024년 3–4월 무렵"),
    ],
)
def test_a_date_says_what_its_edtf_says_of_its_certainty(text, english, korean):
    assert words(text) == english
    with translation.override("ko"):
        assert words(text) == korean


@pytest.mark.parametrize(
    ("start", "end", "english", "korean"),
    [
        ("2024-04-09", "2025-01-24", "290 days", "290일"),
        ("2024-04-09", "2025-01-24?", "290 days (uncertain)", "290일 (불확실)"),
        ("2024-04-09~", "2025-01-24", "about 290 days", "약 290일"),
        ("2024-04-09%", "2025-01-24", "about 290 days (uncertain)", "약 290일 (불확실)"),
        ("2024-04?", "2025-01-24", "269–298 days (uncertain)", "269–298일 (불확실)"),
    ],
)
def test_a_duration_from_a_qualified_date_says_so(start, end, english, korean):
    between = dates.days_between(dates.read(start), dates.read(end))
    assert str(between) == english
    with translation.override("ko"):
        assert str(between) == korean


@pytest.fixture
def kujang_like(db):
    """Kujang's record, written for the test: broken ground on a day, opened on a day its
    only source leaves uncertain."""
    factory = make.factory(name="Riverside Foodstuff Factory", slug="riverside")
    make.ceremony(kind="groundbreaking", date="2024-04-09", factories=[factory])
    opening = make.ceremony(kind="inauguration", date="2025-01-24?", factories=[factory])
    return factory, opening


def test_an_uncertain_day_reads_as_uncertain_on_every_page(client, kujang_like):
    factory, opening = kujang_like
    event_page = client.get(opening.get_absolute_url()).content.decode()
    title = event_page[event_page.index("<title>") : event_page.index("</title>")]
    assert "24 January 2025 (uncertain)" in title
    lede = event_page[event_page.index('class="lede"') :]
    assert lede[: lede.index("</p>")].count("24 January 2025 (uncertain)") == 1
    assert "EDTF 2025-01-24?" in event_page
    factory_page = client.get(factory.get_absolute_url()).content.decode()
    facts = factory_page[: factory_page.index('class="timeline"')]
    assert "24 January 2025 (uncertain)" in facts  # the inauguration fact
    assert "290 days (uncertain)" in facts  # built in
    timeline = factory_page[factory_page.index('class="timeline"') :]
    assert "24 January 2025 (uncertain)" in timeline
    assert "290 days (uncertain) later" in timeline
    # Never said as if certain: every mention of the day carries its qualifier.
    assert factory_page.count("24 January 2025") == factory_page.count(
        "24 January 2025 (uncertain)"
    )
    korean = client.get(f"/ko{factory.get_absolute_url()}").content.decode()
    assert "2025년 1월 24일 (불확실)" in korean
    assert "290일 (불확실)" in korean


def test_an_approximate_day_reads_as_approximate_in_the_api(client, kujang_like):
    _factory, opening = kujang_like
    opening.date = "2025-01-24~"
    opening.save()
    detail = client.get(f"/api/ceremonies/{opening.pk}/").json()
    assert detail["date_in_words"] == "about 24 January 2025"


def test_silent_sources_read_as_not_reported(client, db):
    factory = make.factory(name="Unopened Factory", slug="unopened")
    make.ceremony(kind="groundbreaking", date="2024-04-09", factories=[factory])
    for url in (
        factory.get_absolute_url(),
        factory.county.get_absolute_url(),
    ):
        page = client.get(url).content.decode()
        assert "not reported" in page, url
        assert "not yet" not in page, url
    korean = client.get(f"/ko{factory.get_absolute_url()}").content.decode()
    assert "보도되지 않음" in korean


def test_the_seeded_kujang_inauguration_reads_as_uncertain(client, seeded):
    opening = Ceremony.objects.get(kind="inauguration", date="2025-01-24?")
    assert opening.date_lower == opening.date_upper == datetime.date(2025, 1, 24)
    page = client.get(opening.get_absolute_url()).content.decode()
    title = page[page.index("<title>") : page.index("</title>")]
    assert "24 January 2025 (uncertain)" in title
    lede = page[page.index('class="lede"') :]
    assert "24 January 2025 (uncertain)" in lede[: lede.index("</p>")]
    # The record's date, in the heading and the facts; a source published that day is not
    # uncertain, so the page is read up to the sources.
    record = page[: page.index('class="claims"')]
    assert record.count("24 January 2025") == record.count("24 January 2025 (uncertain)")
    for factory in opening.factories.all():
        timeline = client.get(factory.get_absolute_url()).content.decode()
        facts = timeline[: timeline.index('class="timeline"')]
        assert "24 January 2025 (uncertain)" in facts
        assert "days (uncertain)" in facts  # built in
        entry = timeline[timeline.index('<li class="entry inauguration') :]
        when = entry[entry.index('class="when"') :]
        assert "24 January 2025 (uncertain)" in when[: when.index("</p>")]
        assert "24 January 2025 (uncertain)" in timeline[timeline.index("<svg") :]  # the chart
    korean = client.get(f"/ko{opening.get_absolute_url()}").content.decode()
    assert "2025년 1월 24일 (불확실)" in korean
