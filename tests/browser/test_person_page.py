"""A person's page in real Chromium, on a desktop and on a 390-pixel phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_visitor import assert_page_is_sound

pytestmark = pytest.mark.browser


def test_a_speakers_page_lists_each_ceremony_with_title_and_source(visit, site):
    page = visit.page
    visit.open("/people/")
    page.get_by_role("link", name="Pak Thae Song").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pak Thae Song")
    appearances = page.locator("ol.appearances > li")
    expect(appearances).to_have_count(3)
    expect(appearances.first).to_contain_text("Premier of the Cabinet")
    expect(appearances.last).to_contain_text("Vorsitzender des Kabinetts der DVR Korea")
    assert_page_is_sound(visit, site)
    visit.screenshot("person")
