"""The map: the outline, every county with a point, the programme's counties marked."""

import csv
import re
from pathlib import Path

import pytest
from django.urls import reverse

from sites import maps
from tests import factories as make

GAZETTEER = Path(__file__).resolve().parents[2] / "seed" / "gazetteer.csv"


def points_in(html: str, map_id: str) -> str:
    return html.split(f'id="{map_id}"')[1].split("</svg>")[0]


def test_the_outline_holds_inland_county_seats_and_not_the_sea():
    assert maps.inside_outline(125.6762, 39.0194)  # Pyongyang
    assert maps.inside_outline(126.2011, 39.2528)  # Songchon
    assert not maps.inside_outline(124.0, 38.0)  # the Yellow Sea
    assert not maps.inside_outline(129.0, 37.5)  # the South's east coast


def test_every_inland_gazetteer_point_lands_inside_the_outline():
    rows = [row for row in csv.DictReader(GAZETTEER.open()) if row["lat"]]
    outside = {
        row["name"] for row in rows if not maps.inside_outline(float(row["lon"]), float(row["lat"]))
    }
    # Seats on the border rivers and a river island sit on the simplified line (geodata/README).
    assert outside <= {"Sindo", "Chunggang", "Wiwon", "Musan", "Hyesan", "Kimhyongjik"}
    assert len(rows) - len(outside) >= 175


@pytest.mark.django_db
def test_map_page_marks_programme_counties_by_year_and_status_and_links_them(client):
    songchon = make.county(
        name="Songchon", slug="songchon", latitude=39.2528, longitude=126.2011, programme_year=2024
    )
    kowon = make.county(name="Kowon", latitude=39.4333, longitude=127.2333, programme_year=2025)
    make.county(name="Unmapped", programme_year=2025)  # no point: nowhere to draw it
    make.county(name="Plain", latitude=40.0, longitude=127.0)
    factory = make.factory(county=songchon)
    make.ceremony(kind="groundbreaking", date="2024-02-21/2024-02-29", factories=[factory])
    make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])

    html = client.get(reverse("sites:map")).content.decode()
    drawn = points_in(html, "map")
    assert '<path class="land" d="M' in drawn
    assert drawn.count('<circle class="place"') == 1
    assert f'<a href="{songchon.get_absolute_url()}"' in drawn
    assert 'class="point y2024 operating"' in drawn
    assert f'<a href="{kowon.get_absolute_url()}"' in drawn
    assert 'class="point y2025"' in drawn  # no factory begun: an open ring
    assert "Unmapped" not in drawn
    assert "GeoNames (CC BY 4.0)" in html
    assert "Natural Earth" in html

    only_2025 = points_in(client.get(reverse("sites:map") + "?year=2025").content.decode(), "map")
    assert 'class="point y2025"' in only_2025
    assert "y2024" not in only_2025
    assert only_2025.count('<circle class="place"') == 2  # Songchon drawn, not marked


@pytest.mark.django_db
def test_points_sit_where_their_coordinates_put_them(client):
    north = make.county(latitude=42.0, longitude=128.0, programme_year=2024)
    south = make.county(latitude=38.2, longitude=126.0, programme_year=2024)
    drawn = points_in(client.get(reverse("sites:map")).content.decode(), "map")

    def y_of(county):
        link = drawn.split(f'href="{county.get_absolute_url()}"')[1]
        return float(re.search(r'cy="([\d.]+)"', link).group(1))

    assert y_of(north) < y_of(south)


@pytest.mark.django_db
def test_a_bad_year_on_the_map_shows_every_year(client):
    make.county(latitude=39.2528, longitude=126.2011, programme_year=2026)
    response = client.get(reverse("sites:map") + "?year=1999")
    assert response.status_code == 200
    assert "y2026" in points_in(response.content.decode(), "map")


@pytest.mark.django_db
def test_home_and_county_page_show_the_map(client):
    county = make.county(latitude=39.2528, longitude=126.2011, programme_year=2024)
    home = client.get(reverse("sites:home")).content.decode()
    assert f'href="{county.get_absolute_url()}"' in points_in(home, "map-home")
    page = client.get(county.get_absolute_url()).content.decode()
    assert 'class="point y2024 current"' in points_in(page, "map-county")
    unmapped = make.county()
    assert 'id="map-county"' not in client.get(unmapped.get_absolute_url()).content.decode()
