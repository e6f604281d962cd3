"""The admin at 1280 pixels, on the seed dataset, for a day of entering records: a change list
shows one line a row, and a form's words, chips and fields keep to their boxes."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from sites.models import County
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

# The height of each result row, and of the same row with every cell holding one letter: a
# row that wraps is taller than its one-line twin.
ROW_HEIGHTS = """
() => {
  const rows = [...document.querySelectorAll("#result_list tbody tr")];
  const twin = rows[0].cloneNode(true);
  for (const cell of twin.children) {
    if (!cell.querySelector("input")) cell.textContent = "x";
  }
  rows[0].parentNode.appendChild(twin);
  const oneLine = twin.getBoundingClientRect().height;
  twin.remove();
  return {
    oneLine,
    taller: rows
      .filter((row) => row.getBoundingClientRect().height > oneLine + 0.5)
      .map((row) => row.innerText.replace(/\\s+/g, " ").trim()),
  };
}
"""

# Every word of the form's visible text that the browser broke across two lines.
BROKEN_WORDS = """
() => {
  const broken = [];
  const walker = document.createTreeWalker(
    document.querySelector("#content-main form"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()]
        .filter((rect) => rect.width > 0)
        .map((rect) => Math.round(rect.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}
"""

# Every source chip whose text is covered by its remove button or the box's clear button.
OVERLAPPING_CHIPS = """
() => [...document.querySelectorAll(".select2-selection__choice")].filter((chip) => {
  const text = [...chip.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
  const range = document.createRange();
  range.selectNodeContents(text);
  const lines = [...range.getClientRects()];
  const buttons = [
    chip.querySelector(".select2-selection__choice__remove"),
    chip.closest(".select2-selection").querySelector(".select2-selection__clear"),
  ].filter(Boolean).map((button) => button.getBoundingClientRect());
  return lines.some((b) => buttons.some((a) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
}).map((chip) => chip.innerText)
"""

# Form fields and boxes whose content is wider than the box itself.
OVERFLOWING = """
() => [...document.querySelectorAll("#content-main form *")]
  .filter((element) => element.getBoundingClientRect().width > 1)
  .filter((element) => getComputedStyle(element).overflowX !== "visible"
    || ["TD", "TH", "DIV", "P"].includes(element.tagName))
  .filter((element) => element.scrollWidth > element.clientWidth + 1)
  .map((element) => element.tagName + "." + element.className + ": "
    + (element.innerText || element.value || "").slice(0, 40))
"""


@pytest.fixture
def desktop(browser, site):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-editor-123")
    page.get_by_role("button", name="Log in").click()
    yield page, site.url
    context.close()


def screenshot(page, name, *, full_page=False):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-desktop.png"), full_page=full_page)


# Each list once, on one seeded site (loading the seed is the slow part of a browser test).
LISTS = ["events/ceremony", "events/guidancevisit", "sites/factory", "sites/county"]


def test_each_change_list_shows_one_line_a_row_with_its_sources(desktop):
    page, base = desktop
    for model in LISTS:
        page.goto(f"{base}/admin/{model}/")
        expect(page.locator("#result_list tbody tr").first).to_be_visible()
        screenshot(page, "admin-list-" + model.replace("/", "-"))
        heights = page.evaluate(ROW_HEIGHTS)
        assert heights["taller"] == [], f"{model}: rows over one line ({heights['oneLine']} px)"
        results = page.locator(".results").element_handle()
        assert page.evaluate("(box) => box.scrollWidth <= box.clientWidth", results), model
        expect(page.locator("#result_list thead th", has_text="Sources")).to_have_count(1)
        counts = page.locator("#result_list tbody td.field-source_count").all_inner_texts()
        assert counts, model
        assert all(count.isdigit() for count in counts), model


def test_the_filters_fold_away_and_the_list_takes_their_room(desktop):
    page, base = desktop
    page.goto(f"{base}/admin/events/ceremony/")
    table = page.locator("#result_list")
    with_filters = table.bounding_box()["width"]
    kinds = page.locator("#changelist-filter").get_by_role("link", name="Groundbreaking")
    expect(kinds).to_be_visible()
    page.locator("#changelist-filter-header").click()
    expect(kinds).to_be_hidden()
    assert table.bounding_box()["width"] > with_filters
    # Folded they stay, on this list and the next, until unfolded.
    page.goto(f"{base}/admin/sites/county/")
    expect(page.locator("#changelist-filter").get_by_role("link", name="2024")).to_be_hidden()
    page.locator("#changelist-filter-header").click()
    expect(page.locator("#changelist-filter").get_by_role("link", name="2024")).to_be_visible()


def test_the_county_form_keeps_its_words_and_chips_whole(desktop):
    page, base = desktop
    songchon = County.objects.get(slug="songchon")
    page.goto(f"{base}/admin/sites/county/{songchon.pk}/change/")
    expect(page.locator(".select2-selection__choice").first).to_be_visible()
    screenshot(page, "admin-county-form", full_page=True)
    assert page.evaluate(OVERLAPPING_CHIPS) == []
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate(OVERFLOWING) == []
