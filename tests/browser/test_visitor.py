"""A visitor in real Chromium, on a desktop and on a 390-pixel phone."""

import re

import pytest
from playwright.sync_api import expect

from events.models import Ceremony, GuidanceVisit, Source

pytestmark = pytest.mark.browser


def assert_page_is_sound(visit, site):
    """No sideways scrolling, no request to another host, no console error."""
    assert not visit.scrolls_sideways(), visit.page.url
    assert visit.hosts() == {site.url.split("://")[1]}, visit.requests
    assert visit.console_errors == []


def test_search_seongcheon_reach_songchon_and_read_its_factory_timeline(visit, site):
    page = visit.page
    visit.open("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The Regional Development 20×10 Policy"
    )
    visit.screenshot("home")

    search = page.get_by_role("searchbox", name="Search places, factories and events")
    search.fill("Seongcheon")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=Seongcheon$"))
    visit.screenshot("search")

    page.get_by_role("link", name="Songchon County").first.click()
    expect(page).to_have_url(re.compile(r"/counties/songchon/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Songchon County")
    visit.screenshot("county")
    assert_page_is_sound(visit, site)

    page.get_by_role("link", name="Songchon regional-industry factories").first.click()
    expect(page).to_have_url(re.compile(r"/factories/songchon-regional-industry-factories/$"))
    main = page.get_by_role("main")
    for words in ["28 February 2024", "20 December 2024", "296 days"]:
        expect(main.get_by_text(words).first).to_be_visible()
    visit.screenshot("factory")
    assert_page_is_sound(visit, site)


def test_every_page_reads_well_at_both_widths(visit, site):
    pages = {
        "provinces": "/provinces/",
        "province": "/provinces/south-phyongan/",
        "counties": "/counties/",
        "counties-filtered": "/counties/?province=south-phyongan&kind=county",
        "factories": "/factories/",
        "events": "/events/",
        "events-filtered": "/events/?kind=groundbreaking&programme_year=2024&leader_present=yes",
        "ceremony": Ceremony.objects.get(
            kind="groundbreaking", county__name="Songchon"
        ).get_absolute_url(),
        "visit": GuidanceVisit.objects.get(place_name="the shore in Sinpho").get_absolute_url(),
        "sources": "/sources/",
        "source": Source.objects.get(
            key="kim-jong-uns-world-of-devoted-service-2"
        ).get_absolute_url(),
        "search-miss": "/search/?q=Songchn",
        "not-found": "/counties/atlantis/",
    }
    for name, path in pages.items():
        visit.open(path)
        expect(visit.page.get_by_role("heading", level=1)).to_be_visible()
        visit.screenshot(name)
        assert not visit.scrolls_sideways(), path
    assert visit.hosts() == {site.url.split("://")[1]}
    # The deliberate 404 is the only console error a browser reports ("Failed to load").
    assert [error for error in visit.console_errors if "404" not in error] == []


def test_the_skip_link_is_first_and_focus_is_visible(visit, site):
    page = visit.page
    visit.open("/counties/songchon/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_the_record_of_both_cohorts_a_2025_county_and_a_contested_record(visit, site):
    page = visit.page
    visit.open("/")
    main = page.get_by_role("main")
    counted = int(re.search(r"(\d+)\s+of\s+\d+\s+counties", main.inner_text()).group(1))
    assert counted >= 39
    visit.screenshot("home-record")

    visit.open("/counties/kangdong/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kangdong County")
    expect(main.get_by_text("Kangdong County Hospital").first).to_be_visible()
    expect(main.get_by_text("2025 — one of that year's 20 counties")).to_be_visible()
    visit.screenshot("county-2025")
    assert_page_is_sound(visit, site)

    unsan = Ceremony.objects.get(kind="inauguration", county__name_ko="운산군")
    visit.open(unsan.get_absolute_url())
    expect(main.get_by_text("The sources disagree.")).to_be_visible()
    expect(main.get_by_text("“on March 7”")).to_be_visible()
    expect(main.get_by_text("“on February 7”").first).to_be_visible()
    visit.screenshot("contested-record")
    assert_page_is_sound(visit, site)
