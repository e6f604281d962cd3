"""The map as a visitor's finger and eye meet it, at a phone's width and a desktop's, in English
and Korean: every programme county a target of its own, no number over another, the map as
wide as its column, a province on its own."""

import itertools
import re

import pytest
from playwright.sync_api import expect

from sites.models import County
from tests.browser.test_visitor import assert_page_is_sound

pytestmark = pytest.mark.browser

FINGER = 24  # px, the smallest target WCAG 2.2 (2.5.8) allows

MEASURE = """(mapId) => {
  const svg = document.getElementById(mapId);
  const box = (el) => el.getBoundingClientRect().toJSON();
  const shown = [...svg.querySelectorAll("g.keys")].filter(
    (g) => getComputedStyle(g).display !== "none");
  const discs = shown.flatMap((g) => [...g.querySelectorAll("a")].map((a) => ({
    href: a.getAttribute("href"), key: a.dataset.key, box: box(a.querySelector(".disc")),
  })));
  const shapes = {};
  for (const a of svg.querySelectorAll("a[aria-label]")) {
    shapes[a.dataset.key] = {
      href: a.getAttribute("href"), name: a.getAttribute("aria-label"),
      box: box(a.querySelector("path, circle")),
    };
  }
  const panel = svg.closest(".map-panel");
  return {
    discs, shapes, svg: box(svg), panel: box(panel),
    column: box(svg.closest("figure")), side: box(panel.querySelector(".map-side")),
    listed: [...panel.querySelectorAll(".map-keys tbody th a")].map((a) => a.getAttribute("href")),
    layers: shown.length,
  };
}"""


def overlap(a, b) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def assert_map_reads_well(visit, map_id: str, *, counties: int) -> dict:
    """Each numbered county a link with a target a finger can hit, its number clear of every
    other, the numbers the list's counties in the list's order, the map filling its column."""
    measured = visit.page.evaluate(MEASURE, map_id)
    discs, shapes = measured["discs"], measured["shapes"]
    assert measured["layers"] == 1  # one set of numbers shown at a time
    assert [disc["href"] for disc in discs] == measured["listed"]
    assert len(discs) == counties
    for disc in discs:
        shape = shapes[disc["key"]]  # the county's own shape is a named link too
        assert shape["href"] == disc["href"]
        assert shape["name"]
        targets = [shape["box"], disc["box"]]
        assert any(t["width"] >= FINGER and t["height"] >= FINGER for t in targets), disc
    for first, second in itertools.combinations(discs, 2):
        assert not overlap(first["box"], second["box"]), (first, second)
    # As wide as its column, and the column with the list beside it fills the row.
    assert measured["svg"]["width"] == pytest.approx(measured["column"]["width"], abs=1)
    if visit.width_name == "desktop":
        assert measured["side"]["left"] > measured["svg"]["right"]
        assert measured["side"]["right"] == pytest.approx(measured["panel"]["right"], abs=1)
        assert measured["svg"]["width"] >= 0.55 * measured["panel"]["width"]
    else:
        assert measured["svg"]["width"] == pytest.approx(measured["panel"]["width"], abs=1)
    return measured


def test_the_map_gives_every_programme_county_a_target_of_its_own(visit, site):
    page = visit.page
    programme = County.objects.exclude(programme_year=None).count()
    visit.open("/map/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Map of the programme")
    measured = assert_map_reads_well(visit, "map", counties=programme)
    assert len(measured["shapes"]) >= 190  # every county with a record, not only the programme's
    visit.screenshot("map-shapes")
    assert_page_is_sound(visit, site)

    # A county is reached by the keyboard and read out by its name, its year and its state.
    songchon = page.get_by_role(
        "link", name=re.compile(r"^Songchon, South Phyongan: programme year 2024")
    )
    songchon.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(songchon).to_be_focused()
    stroke = songchon.locator("path").evaluate("(p) => getComputedStyle(p).strokeWidth")
    assert float(stroke.removesuffix("px")) >= 3  # the focus outline shows
    songchon.press("Enter")
    expect(page).to_have_url(re.compile(r"/counties/songchon/$"))

    # The keyboard need not pass every county to reach the list.
    visit.open("/map/")
    skip = page.get_by_role("link", name="Skip the map's links")
    skip.focus()
    expect(skip).to_be_in_viewport()
    skip.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator(".map-keys tbody a").first).to_be_focused()

    visit.open("/map/?year=2025")
    in_2025 = County.objects.filter(programme_year=2025).count()
    assert_map_reads_well(visit, "map", counties=in_2025)
    legend = page.locator(".map-legend").first
    expect(legend.locator(".swatch")).to_have_count(2)  # 2025, and "other county"

    visit.open("/")
    assert_map_reads_well(visit, "map-home", counties=programme)
    visit.screenshot("home-map-shapes")


@pytest.mark.parametrize(("prefix", "heading"), [("", "South Phyongan"), ("/ko", "평안남도")])
def test_a_province_view_in_english_and_korean(visit, site, prefix, heading):
    page = visit.page
    visit.open(f"{prefix}/map/?province=south-phyongan")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    in_province = County.objects.filter(
        province__slug="south-phyongan", programme_year__isnull=False
    ).count()
    measured = assert_map_reads_well(visit, "map", counties=in_province)
    language = "ko" if prefix else "en"
    visit.screenshot(f"map-province-{language}")
    if prefix:
        names = " ".join(shape["name"] for shape in measured["shapes"].values())
        assert "성천군 (Songchon), 평안남도 (South Phyongan): 2024년 대상" in names
        assert "programme year" not in names
        visit.open("/ko/map/")
        assert_map_reads_well(
            visit, "map", counties=County.objects.exclude(programme_year=None).count()
        )
        visit.screenshot("map-shapes-ko")
    assert_page_is_sound(visit, site)
