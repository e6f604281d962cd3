"""The map: every county drawn from its own shape, the programme's filled by year and
numbered, the list beside it the same counties, a province on its own."""

import csv
import io
import itertools
import json
import random
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sites import maps
from sites.management.commands.build_map import in_gazetteer
from tests import factories as make

GAZETTEER = Path(__file__).resolve().parents[2] / "seed" / "gazetteer.csv"


def svg_of(html: str, map_id: str) -> str:
    return html.split(f'id="{map_id}"')[1].split("</svg>")[0]


def link_of(svg: str, county) -> str:
    """The map's link for a county: the `<a ...>...</a>` around its shape."""
    match = re.search(rf'<a href="{county.get_absolute_url()}" data-key="[^"]*"[^>]*>.*?</a>', svg)
    assert match, f"{county} is not a link on the map"
    return match.group(0)


def keys_of(svg: str) -> list[str]:
    """The numbered keys' counties, in number order (the narrow set)."""
    narrow = svg.split('class="keys narrow"')[1].split('class="keys wide"')[0]
    return re.findall(r'<a href="([^"]+)" tabindex="-1"', narrow)


def list_of(html: str) -> list[str]:
    """The counties of the list beside the map, in its order."""
    table = html.split('class="map-keys"')[1].split("</table>")[0]
    return re.findall(r'<th scope="row"><a href="([^"]+)"', table)


@pytest.fixture
def provinces():
    return {
        "KP-02": make.province(name="South Phyongan", slug="south-phyongan", iso_code="KP-02"),
        "KP-08": make.province(name="South Hamgyong", slug="south-hamgyong", iso_code="KP-08"),
        "KP-01": make.province(name="Pyongyang", slug="pyongyang", iso_code="KP-01"),
    }


def test_every_gazetteer_county_has_a_shape_of_its_own_or_shares_a_listed_one():
    rows = [row for row in csv.DictReader(GAZETTEER.open()) if row["level"] == "county"]
    keys = {f"{row['hangul']}|{row['province_iso']}" for row in rows}
    own = set(maps.own_polygons())
    covered = {key for area in maps.geodata()["counties"] for key in area["covers"]}
    assert own <= keys
    assert len(own) == 177
    assert keys - covered == {"운곡지구|KP-02"}  # Ungok: no polygon (boundaries/README.md)
    # A county without its own polygon is a point: at its seat, or in the polygon it shares.
    places = [
        maps.Place(
            key=f"{row['hangul']}|{row['province_iso']}",
            label=row["name"],
            latitude=float(row["lat"]) if row["lat"] else None,
            longitude=float(row["lon"]) if row["lon"] else None,
        )
        for row in rows
    ]
    assert {p.key for p in places} - {p.key for p in maps.drawn(places)} == {"운곡지구|KP-02"}
    pyongyang = maps.geodata()["counties"][
        [a["name"] for a in maps.geodata()["counties"]].index("Pyongyang")
    ]
    district = next(p for p in places if p.key == "중구역|KP-01")
    assert maps.seat(district) == tuple(pyongyang["anchor"])


def test_the_committed_map_data_is_what_the_boundaries_give(tmp_path):
    call_command("build_map", output=tmp_path / "map.json", stdout=io.StringIO())
    assert (tmp_path / "map.json").read_bytes() == maps.GEODATA.read_bytes()


@pytest.mark.django_db
def test_the_map_draws_every_county_as_a_link_and_fills_the_programmes_by_year(client, provinces):
    songchon = make.county(
        name="Songchon",
        slug="songchon",
        name_ko="성천군",
        province=provinces["KP-02"],
        programme_year=2024,
    )
    kowon = make.county(
        name="Kowon",
        slug="kowon",
        name_ko="고원군",
        province=provinces["KP-08"],
        programme_year=2025,
    )
    plain = make.county(name="Sukchon", name_ko="숙천군", province=provinces["KP-02"])
    # The inner districts of Pyongyang share one polygon: each is a point at its seat.
    district = make.county(
        name="Chung",
        name_ko="중구역",
        province=provinces["KP-01"],
        latitude=39.02,
        longitude=125.75,
        programme_year=2025,
    )
    nowhere = make.county(name="Nowhere", name_ko="없는군", programme_year=2024)
    factory = make.factory(county=songchon)
    make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])

    html = client.get(reverse("sites:map")).content.decode()
    svg = svg_of(html, "map")
    assert svg.count("<path class=") == 181 + 1  # every county, and the borders
    assert 'class="county y2024"' in link_of(svg, songchon)
    assert 'aria-label="Songchon, South Phyongan: programme year 2024, operating"' in link_of(
        svg, songchon
    )
    assert 'class="county y2025"' in link_of(svg, kowon)
    assert '<path class="county" d="' in link_of(svg, plain)  # a quiet link
    assert 'aria-label="Sukchon, South Phyongan"' in link_of(svg, plain)
    assert '<circle class="county y2025 point"' in link_of(svg, district)
    assert nowhere.get_absolute_url() not in svg
    assert '<path class="borders" d="M' in svg

    # The numbers and the list beside the map: the same counties, by year and then name.
    ordered = [c.get_absolute_url() for c in (songchon, district, kowon)]
    assert keys_of(svg) == ordered
    assert list_of(html) == ordered
    # The legend shows the years drawn and no other.
    legend = html.split('class="map-legend"')[1].split("</ul>")[0]
    assert re.findall(r"swatch y(\d+)", legend) == ["2024", "2025"]
    assert 'href="https://whosonfirst.org/docs/licenses/">Who\'s On First</a>' in html


@pytest.mark.django_db
def test_a_year_on_the_map_fills_numbers_and_lists_that_years_counties_only(client, provinces):
    songchon = make.county(
        name="Songchon", name_ko="성천군", province=provinces["KP-02"], programme_year=2024
    )
    kowon = make.county(
        name="Kowon", name_ko="고원군", province=provinces["KP-08"], programme_year=2025
    )
    html = client.get(reverse("sites:map") + "?year=2025").content.decode()
    svg = svg_of(html, "map")
    assert 'class="county y2025"' in link_of(svg, kowon)
    assert '<path class="county" d=' in link_of(svg, songchon)  # drawn, not filled
    assert keys_of(svg) == list_of(html) == [kowon.get_absolute_url()]
    legend = html.split('class="map-legend"')[1].split("</ul>")[0]
    assert re.findall(r"swatch y(\d+)", legend) == ["2025"]


@pytest.mark.django_db
def test_a_province_view_is_cropped_to_the_province_and_lists_its_counties(client, provinces):
    songchon = make.county(
        name="Songchon", name_ko="성천군", province=provinces["KP-02"], programme_year=2024
    )
    kowon = make.county(
        name="Kowon", name_ko="고원군", province=provinces["KP-08"], programme_year=2025
    )
    whole = svg_of(client.get(reverse("sites:map")).content.decode(), "map")
    html = client.get(reverse("sites:map") + "?province=south-phyongan").content.decode()
    svg = svg_of(html, "map")

    def box(drawn):
        return [float(v) for v in re.search(r'viewBox="([^"]+)"', drawn).group(1).split()]

    x, y, width, height = box(svg)
    west, north, east, south = maps.geodata()["provinces"]["KP-02"]
    assert x < west < east < x + width
    assert y < north < south < y + height
    assert width < box(whole)[2] / 2
    assert svg.count("<path class=") < whole.count("<path class=")  # the rest left out
    assert keys_of(svg) == list_of(html) == [songchon.get_absolute_url()]
    assert 'class="county outside"' in link_of(svg, kowon)  # on the edge, drawn quiet
    assert "South Phyongan" in html.split("<h1>")[1].split("</h1>")[0]

    # A province that is not one shows the whole country; the year asked for still holds.
    fallback = client.get(reverse("sites:map") + "?province=atlantis&year=2025")
    assert fallback.status_code == 200
    assert box(svg_of(fallback.content.decode(), "map")) == box(whole)
    assert list_of(fallback.content.decode()) == [kowon.get_absolute_url()]


@pytest.mark.django_db
def test_the_korean_map_names_counties_and_describes_them_in_korean(client, provinces):
    provinces["KP-02"].name_ko = "평안남도"
    provinces["KP-02"].save()
    songchon = make.county(
        name="Songchon", name_ko="성천군", province=provinces["KP-02"], programme_year=2024
    )
    html = client.get("/ko" + reverse("sites:map")).content.decode()
    svg = svg_of(html, "map")
    link = link_of(svg, songchon)
    assert (
        'aria-label="성천군 (Songchon), 평안남도 (South Phyongan): 2024년 대상, 기록된 공장 없음"'
        in link
    )
    description = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert "시·군" in description
    assert "Map of" not in description
    assert "성천군 (Songchon)" in html.split('class="map-keys"')[1]


@pytest.mark.django_db
def test_home_programme_year_and_county_page_draw_the_shapes(client, provinces):
    county = make.county(
        name="Songchon", name_ko="성천군", province=provinces["KP-02"], programme_year=2024
    )
    home = client.get(reverse("sites:home")).content.decode()
    assert 'class="county y2024"' in link_of(svg_of(home, "map-home"), county)
    assert list_of(home) == [county.get_absolute_url()]
    year = client.get(reverse("sites:programme-year", args=[2024])).content.decode()
    assert 'class="county y2024"' in link_of(svg_of(year, "map-year"), county)

    page = svg_of(client.get(county.get_absolute_url()).content.decode(), "map-county")
    assert '<path class="county current" d="M' in page
    assert "keys" not in page
    assert "numbered" not in page  # its description promises no numbers it does not draw
    unmapped = make.county(name_ko="없는군")
    assert 'id="map-county"' not in client.get(unmapped.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_map_page_makes_the_same_queries_however_many_counties(client, provinces):
    """Guards against a query per county or per province on the map page."""

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    make.county(name_ko="성천군", province=provinces["KP-02"], programme_year=2024)
    few = queries(reverse("sites:map")), queries(reverse("sites:map") + "?province=pyongyang")
    rows = [row for row in csv.DictReader(GAZETTEER.open()) if row["level"] == "county"]
    for row in rows[:60]:
        province = provinces.get(row["province_iso"]) or make.province(
            iso_code=row["province_iso"], slug=row["province_iso"].lower()
        )
        provinces[row["province_iso"]] = province
        county = make.county(name_ko=row["hangul"], province=province, programme_year=2025)
        make.factory(county=county)
    many = queries(reverse("sites:map")), queries(reverse("sites:map") + "?province=pyongyang")
    # The first of each pair also reads how current the data are (its downloads say it),
    # once per generation of the data.
    assert few == many == (3, 3)


def test_the_drawn_svg_is_kept_and_drawn_again_only_when_what_it_shows_changes(monkeypatch):
    drawings = []
    draw = maps.draw
    monkeypatch.setattr(maps, "draw", lambda *a, **k: drawings.append(1) or draw(*a, **k))
    place = maps.Place(key="성천군|KP-02", label="Songchon", province="KP-02", programme_year=2024)
    first = maps.county_map([place], map_id="m", title="T")
    assert maps.county_map([place], map_id="m", title="T") == first
    assert len(drawings) == 1
    later = maps.Place(key="성천군|KP-02", label="Songchon", province="KP-02", programme_year=2025)
    assert "y2025" in maps.county_map([later], map_id="m", title="T")
    assert len(drawings) == 2


FRAME = (0.0, 0.0, 1000.0, 1080.0)


@pytest.mark.parametrize(
    "anchors",
    [
        pytest.param([(500.0, 500.0)] * 12, id="all-on-one-spot"),
        pytest.param([(20.0 + 3 * i, 1070.0) for i in range(15)], id="a-row-on-the-frame-edge"),
        pytest.param(
            [(400 + 9 * (i % 5), 600 + 11 * (i // 5)) for i in range(25)], id="a-tight-grid"
        ),
        pytest.param(
            [
                (random.Random(seed).uniform(0, 1000), random.Random(seed + 99).uniform(0, 1080))
                for seed in range(60)
            ],
            id="scattered",
        ),
    ],
)
@pytest.mark.parametrize("radius", [18.0, 36.3])
def test_numbered_discs_never_overlap_and_stay_inside_the_frame(anchors, radius):
    centres = maps.place_keys(anchors, radius, FRAME)
    assert len(centres) == len(anchors)
    for (ax, ay), (bx, by) in itertools.combinations(centres, 2):
        assert max(abs(ax - bx), abs(ay - by)) >= 2 * radius  # their boxes do not meet
    for x, y in centres:
        assert radius <= x <= FRAME[2] - radius
        assert radius <= y <= FRAME[3] - radius
    # A disc with room of its own sits on its anchor.
    alone = maps.place_keys([(100.0, 100.0), (800.0, 800.0)], radius, FRAME)
    assert alone == [(100.0, 100.0), (800.0, 800.0)]


def test_every_numbered_disc_of_the_seed_fits_on_the_whole_map():
    """The seed's 43 programme counties, as the map numbers them, fit clear of each other."""
    seed_keys = [
        row["county"]
        for row in csv.DictReader(GAZETTEER.parent.joinpath("counties.csv").open())
        if row["programme_year"]
    ]
    places = [
        maps.Place(key=key, label=key, province=key.split("|")[1], programme_year=2024)
        for key in seed_keys
    ]
    anchors = [maps.anchor(place) for place in maps.numbered(places)]
    assert len(anchors) == 43
    frame = maps.view_box(None)
    radius = maps.KEY_PX / 2 * frame[2] / maps.NARROWEST_PX
    centres = maps.place_keys(anchors, radius, frame)
    for (ax, ay), (bx, by) in itertools.combinations(centres, 2):
        assert max(abs(ax - bx), abs(ay - by)) >= 2 * radius
    assert json.loads(maps.GEODATA.read_text())["width"] == frame[2]


@pytest.mark.parametrize(
    ("boundary", "gazetteer"),
    [
        ("락원군|KP-08", "낙원군|KP-08"),
        ("낙원군|KP-08", "락원군|KP-08"),
        ("리원군|KP-08", "이원군|KP-08"),
        ("룡강군|KP-02", "용강군|KP-02"),
        ("녕변군|KP-03", "영변군|KP-03"),
    ],
)
def test_a_boundary_spelt_in_the_other_orthography_finds_its_gazetteer_row(boundary, gazetteer):
    assert in_gazetteer(boundary, {gazetteer, "성천군|KP-02"}) == gazetteer


def test_a_boundary_in_no_gazetteer_row_stops_the_build():
    with pytest.raises(CommandError):
        in_gazetteer("락원군|KP-09", {"낙원군|KP-08"})
