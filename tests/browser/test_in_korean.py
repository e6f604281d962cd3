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


# Each occurrence of `word` on the page, as the number of lines it is laid out on.
LINES_OF_EACH = """(word) => {
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.data.indexOf(word);
    while (at !== -1) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
        .map((r) => Math.round(r.top)));
      if (tops.size) lines.push(tops.size);
      at = node.data.indexOf(word, at + 1);
    }
  }
  return lines;
}"""


def test_home_county_and_factory_pages_read_in_korean_at_both_widths(visit, mapped):  # noqa: F811
    page = visit.page
    visit.open("/ko/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    # A county's name is one word to a Korean reader: never split across two lines.
    lines = page.evaluate(LINES_OF_EACH, "구장군")
    assert lines, "구장군 is on the home page"
    assert set(lines) == {1}, lines
    visit.screenshot("home-korean")
    assert_page_is_sound(visit, mapped)

    visit.open("/ko/counties/kujang/")
    expect(page.get_by_role("heading", level=1)).to_have_text("구장군 (Kujang)")
    expect(page.get_by_role("link", name="구장군 식료공장").first).to_be_visible()
    visit.screenshot("county-kujang-korean")

    page.get_by_role("link", name="구장군 식료공장").first.click()
    expect(page).to_have_url(re.compile(r"/ko/factories/kujang-county-foodstuff-factory/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("구장군 식료공장")
    expect(page).to_have_title(re.compile(r"^구장군 식료공장"))
    expect(page.locator(".breadcrumbs")).to_have_text(re.compile(r"구장군 식료공장$"))
    expect(page.locator(".lede")).not_to_contain_text("County")
    visit.screenshot("factory-korean")
    assert_page_is_sound(visit, mapped)
