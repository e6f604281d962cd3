"""A county page in Korean, in real Chromium, reached by the header's language switch."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_map_and_method import mapped  # noqa: F401 (a fixture)
from tests.browser.test_visitor import assert_page_is_sound

pytestmark = pytest.mark.browser


def test_a_county_page_reads_in_korean_at_both_widths(visit, mapped):  # noqa: F811
    page = visit.page
    visit.open("/counties/songchon/")
    page.get_by_role("link", name="한국어").click()
    expect(page).to_have_url(re.compile(r"/ko/counties/songchon/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text("성천군 (Songchon)")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="행사와 현지지도")).to_be_visible()
    expect(main.get_by_text("2024년 12월 20일").first).to_be_visible()
    expect(main.get_by_text("296일").first).to_be_visible()
    expect(page.locator("#map-county")).to_be_visible()
    visit.screenshot("county-korean")
    assert_page_is_sound(visit, mapped)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/counties/songchon/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
