"""The map, a programme year, the method and the whole record, in real Chromium."""

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sites.models import County
from tests.browser.test_visitor import assert_page_is_sound

pytestmark = pytest.mark.browser

GAZETTEER = Path(__file__).resolve().parents[2] / "seed" / "gazetteer.csv"


@pytest.fixture
def mapped(site):
    """The seed's counties with the gazetteer's points, as the seed loader gives them."""
    points = {
        (row["province_iso"], row["hangul"]): (row["lat"], row["lon"])
        for row in csv.DictReader(GAZETTEER.open())
        if row["level"] == "county" and row["lat"]
    }
    for county in County.objects.select_related("province"):
        point = points.get((county.province.iso_code, county.name_ko))
        if point:
            County.objects.filter(pk=county.pk).update(latitude=point[0], longitude=point[1])
    return site


def test_the_map_a_year_and_the_method_read_well_at_both_widths(visit, mapped):
    page = visit.page
    visit.open("/map/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Map of the programme")
    songchon = page.locator('#map a[href="/counties/songchon/"] path')
    expect(songchon).to_be_visible()
    assert page.locator("#map path.county").count() == 181
    visit.screenshot("map")
    assert_page_is_sound(visit, mapped)

    page.get_by_label("Programme year", exact=True).select_option("2024")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/map/\?year=2024&province=$"))
    page.get_by_role("link", name="2024", exact=True).last.click()
    expect(page).to_have_url(re.compile(r"/programme/2024/$"))
    main = page.get_by_role("main")
    expect(main.get_by_text("303–307 days").first).to_be_visible()  # Jaeryong, a range
    expect(page.get_by_role("heading", name="The years side by side")).to_be_visible()
    visit.screenshot("programme-year")
    assert_page_is_sound(visit, mapped)

    visit.open("/counties/songchon/")
    expect(page.locator("#map-county")).to_be_visible()
    expect(main.get_by_text("Cite this record:")).to_be_visible()
    visit.screenshot("county-with-map")

    page.get_by_role("link", name="How to cite").click()
    expect(page).to_have_url(re.compile(r"/method/#cite$"))
    expect(page.get_by_role("heading", name="Dates and uncertainty")).to_be_visible()
    visit.screenshot("method")
    assert_page_is_sound(visit, mapped)

    visit.open("/")
    expect(page.locator("#map-home")).to_be_visible()
    visit.screenshot("home-with-map")
    assert_page_is_sound(visit, mapped)
