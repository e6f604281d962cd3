"""The events table in real Chromium, in English and Korean, at a phone's and a desktop's
width: short, readable without sideways scrolling, filtered by its selects, sorted by its
headers."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_visitor import assert_page_is_sound

pytestmark = pytest.mark.browser

# The list of 50 events as blocks was 10,111 px tall at 1280 px and 17,705 px at 390 px.
WALL_HEIGHT = {"desktop": 10_111, "phone": 17_705}

LANGUAGES = {
    "en": {"prefix": "", "heading": "Events", "filter": "Filter", "sources": "Sources"},
    "ko": {"prefix": "/ko", "heading": "사건", "filter": "적용", "sources": "출처"},
}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_events_table_reads_at_both_widths(visit, site, language):
    words = LANGUAGES[language]
    page = visit.page
    visit.open(f"{words['prefix']}/events/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["heading"])
    table = page.locator("table.event-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(50)
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"events table, {language}, {visit.width_name}: {height} px tall")
    visit.screenshot(f"events-table-{language}")
    assert height < WALL_HEIGHT[visit.width_name] / 2
    assert_page_is_sound(visit, site)

    # The selects narrow the table, and its CSV link carries the same filters.
    page.locator("select[name=programme_year]").select_option("2025")
    page.locator("select[name=leader_present]").select_option("yes")
    page.get_by_role("button", name=words["filter"]).click()
    expect(page).to_have_url(re.compile(r"programme_year=2025.*leader_present=yes"))
    rows = table.locator("tbody tr")
    expect(rows.first).to_be_visible()
    assert 0 < rows.count() < 50
    download = page.locator("a[download][href*='events.csv']").first
    assert "programme_year=2025" in download.get_attribute("href")
    assert "leader_present=yes" in download.get_attribute("href")
    visit.screenshot(f"events-table-filtered-{language}")
    assert_page_is_sound(visit, site)


def test_the_headers_sort_the_table(visit, site):
    page = visit.page
    visit.open("/events/?ordering=-sources")
    counts = [int(text) for text in page.locator("tbody td.num").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    if visit.width_name == "desktop":
        page.locator("thead").get_by_role("link", name=re.compile("^Sources")).click()
        expect(page).to_have_url(re.compile(r"ordering=sources$"))
    else:  # the headers are hidden on a phone, where each row is a card: the Order select
        page.locator("select[name=ordering]").select_option("sources")
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(re.compile(r"ordering=sources"))
    counts = [int(text) for text in page.locator("tbody td.num").all_inner_texts()]
    assert counts == sorted(counts)
    assert_page_is_sound(visit, site)
