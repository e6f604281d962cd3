"""CSV for every list and GeoJSON for places on a map, with the same filters as JSON."""

import csv
import io

import pytest
from django.urls import reverse

LISTS = ["province", "county", "factory", "ceremony", "guidance-visit", "source", "photo"]


def rows(response):
    return list(csv.DictReader(io.StringIO(text_of(response))))


def text_of(response) -> str:
    """A response's text, whole-list CSV downloads being streamed, read as a spreadsheet
    reads it (the byte-order mark says UTF-8 and is no part of the first cell)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


@pytest.mark.parametrize("basename", LISTS)
def test_every_list_is_served_as_csv(world, api, basename):
    url = reverse(f"api:{basename}-list")
    response = api.get(url, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    as_json = api.get(url).json()["results"]
    table = rows(response)
    assert [int(row["id"]) for row in table] == [item["id"] for item in as_json]


def test_csv_flattens_places_and_lists(world, api):
    response = api.get(reverse("api:county-list"), {"format": "csv", "province": "south-phyongan"})
    [songchon] = rows(response)
    assert songchon["url"] == "http://testserver/api/counties/songchon/"
    assert songchon["province.url"] == "http://testserver/api/provinces/south-phyongan/"
    assert songchon["province.slug"] == "south-phyongan"
    assert songchon["province.name"] == "South Phyongan"
    assert songchon["sources"] == "Songchon factories open"
    assert songchon["latitude"] == "39.250000"


def test_csv_keeps_the_filters_and_the_header_on_an_empty_page(world, api):
    response = api.get(reverse("api:factory-list"), {"format": "csv", "status": "operating"})
    assert [row["slug"] for row in rows(response)] == ["songchon-foodstuff"]
    empty = api.get(reverse("api:factory-list"), {"format": "csv", "q": "nowhere"})
    header = text_of(empty).splitlines()
    assert len(header) == 1
    assert header[0].startswith("id,url,page_url,timeline_url,slug,name")


def test_csv_pages_link_to_the_next(world, api):
    response = api.get(reverse("api:county-list"), {"format": "csv", "page_size": 2})
    assert len(rows(response)) == 2
    assert 'rel="next"' in response["Link"]


def test_csv_cells_never_start_a_formula(world, api):
    world["kcna"].title = '=HYPERLINK("http://evil.example")'
    world["kcna"].save()
    response = api.get(reverse("api:source-list"), {"format": "csv", "publisher": "KCNA"})
    assert rows(response)[0]["title"].startswith("'=")


@pytest.mark.parametrize(
    ("basename", "mapped"), [("county", "songchon"), ("factory", "songchon-foodstuff")]
)
def test_places_with_coordinates_are_served_as_geojson(world, api, basename, mapped):
    response = api.get(reverse(f"api:{basename}-list"), {"format": "geojson"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    [feature] = body["features"]
    assert feature["type"] == "Feature"
    assert feature["properties"]["slug"] == mapped
    longitude, latitude = feature["geometry"]["coordinates"]
    assert 126 < longitude < 127
    assert 39 < latitude < 40
    assert "latitude" not in feature["properties"]


def test_a_mapped_place_alone_is_a_feature(world, api):
    url = reverse("api:county-detail", args=["songchon"])
    body = api.get(url, {"format": "geojson"}).json()
    assert body["type"] == "Feature"
    assert body["geometry"] == {"type": "Point", "coordinates": [126.2, 39.25]}


def test_geojson_keeps_the_filters(world, api):
    response = api.get(reverse("api:factory-list"), {"format": "geojson", "status": "planned"})
    assert response.json()["features"] == []


def test_events_have_no_geojson(world, api):
    assert api.get(reverse("api:ceremony-list"), {"format": "geojson"}).status_code == 400


def test_the_timeline_is_json_only(world, api):
    url = reverse("api:factory-timeline", args=["songchon-foodstuff"])
    assert api.get(url, {"format": "geojson"}).status_code == 400


@pytest.mark.parametrize("basename", LISTS)
def test_the_browsable_api_serves_staff_every_list(world, staff_client, basename):
    # A staff session sees the HTML forms too, with related records as choices.
    response = staff_client.get(reverse(f"api:{basename}-list"), HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"<form" in response.content


def test_the_csv_download_is_the_whole_list_not_its_first_page(seeded, api):
    response = api.get(reverse("api:county-list"), {"format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="county.csv"'
    counties = rows(response)
    assert len(counties) == 201  # every county of the gazetteer, not the first 50
    assert len({row["slug"] for row in counties}) == 201
    names = [row["name"] for row in counties]
    assert names == sorted(names)  # the list's own order


def test_the_csv_download_keeps_the_filters_and_the_formula_escaping(db, api):
    from tests import factories as make

    province = make.province(slug="north-hwanghae")
    for n in range(120):
        make.county(province=province, name=f"Place {n:03d}")
    make.county(name="=cmd()", province=province)
    make.county(name="Elsewhere")
    whole = rows(api.get(reverse("api:county-list"), {"format": "csv", "province": province.slug}))
    assert len(whole) == 121
    assert "Elsewhere" not in {row["name"] for row in whole}
    assert "'=cmd()" in {row["name"] for row in whole}
    # Asked for by pages, CSV still pages, with the next one linked.
    paged = api.get(reverse("api:county-list"), {"format": "csv", "page_size": 50})
    assert len(rows(paged)) == 50
    assert 'rel="next"' in paged["Link"]
