"""What clients read: payloads usable without a second request, search, the timeline, stats."""

import pytest
from django.urls import reverse

from tests import factories as make


@pytest.mark.parametrize("spelling", ["Seongcheon", "성천", "Sŏngch'ŏn"])
def test_counties_are_found_by_any_spelling(world, api, spelling):
    response = api.get(reverse("api:county-list"), {"q": spelling})
    assert [county["slug"] for county in response.json()["results"]] == ["songchon"]


def test_seeded_songchon_is_found_by_any_spelling(seeded, api):
    for spelling in ("Seongcheon", "성천", "Sŏngch'ŏn"):
        response = api.get(reverse("api:county-list"), {"q": spelling})
        assert [c["name"] for c in response.json()["results"]] == ["Songchon"], spelling


def test_a_factory_carries_its_places_status_and_dates(world, api):
    body = api.get(reverse("api:factory-detail", args=["songchon-foodstuff"])).json()
    assert body["county"] == {
        "id": world["songchon"].pk,
        "url": "http://testserver/api/counties/songchon/",
        "slug": "songchon",
        "name": "Songchon",
    }
    assert body["province"]["slug"] == "south-phyongan"
    assert body["status"] == "operating"
    assert body["groundbreaking_date"] == "2024-02-21/2024-02-29"
    assert body["groundbreaking_in_words"] == "late February 2024"
    assert body["inauguration_lower"] == body["inauguration_upper"] == "2024-12-20"
    assert body["construction_time"] == {"shortest": 295, "longest": 303, "text": "295–303 days"}
    assert body["page_url"] == "http://testserver/factories/songchon-foodstuff/"
    assert body["url"] == "http://testserver/api/factories/songchon-foodstuff/"
    assert body["sources"][0]["title"] == "Songchon factories open"
    assert body["latitude"] == 39.26


def test_a_planned_factory_has_no_dates_yet(world, api):
    body = api.get(reverse("api:factory-detail", args=["onchon-bricks"])).json()
    assert body["status"] == "planned"
    assert body["groundbreaking_in_words"] is None
    assert body["construction_time"] is None


def test_an_event_carries_its_place_names_factories_and_sources(world, api):
    url = reverse("api:ceremony-detail", args=[world["breaking"].pk])
    body = api.get(url).json()
    assert body["date"] == "2024-02-21/2024-02-29"
    assert (body["date_lower"], body["date_upper"]) == ("2024-02-21", "2024-02-29")
    assert body["date_in_words"] == "late February 2024"
    assert body["county"]["name"] == "Songchon"
    assert body["province"]["name"] == "South Phyongan"
    assert body["place"] == "Songchon, South Phyongan"
    assert [f["slug"] for f in body["factories"]] == ["songchon-foodstuff"]
    assert [s["publisher"] for s in body["sources"]] == ["KCNA"]
    assert body["page_url"] == f"http://testserver/events/ceremonies/{world['breaking'].pk}/"


def test_a_visit_without_a_county_names_its_place_in_words(world, api):
    body = api.get(reverse("api:guidance-visit-detail", args=[world["meeting"].pk])).json()
    assert body["county"] is None
    assert body["place"] == "the shore, Nampho"


def test_the_timeline_lists_a_factorys_events_in_order_with_durations(world, api):
    body = api.get(reverse("api:factory-timeline", args=["songchon-foodstuff"])).json()
    assert body["factory"]["slug"] == "songchon-foodstuff"
    assert body["status"] == "operating"
    assert [(e["type"], e["kind"], e["date_in_words"]) for e in body["events"]] == [
        ("ceremony", "groundbreaking", "late February 2024"),
        ("guidance visit", "field guidance", "July 2024"),
        ("ceremony", "inauguration", "20 December 2024"),
    ]
    assert body["events"][0]["date"] == "2024-02-21/2024-02-29"
    assert body["events"][0]["sources"][0]["title"] == "Songchon factories open"
    assert body["events"][1]["url"].endswith(f"/api/guidance-visits/{world['guidance'].pk}/")
    assert body["groundbreaking"]["date_in_words"] == "late February 2024"
    assert body["construction_time"] == {"shortest": 295, "longest": 303, "text": "295–303 days"}


def test_the_timeline_of_an_unknown_factory_is_404(db, api):
    assert api.get(reverse("api:factory-timeline", args=["atlantis"])).status_code == 404


def test_stats_count_the_programme(world, api):
    body = api.get(reverse("api:stats")).json()
    years = body["counties_per_programme_year"]
    assert [row["year"] for row in years] == list(range(2024, 2034))
    assert years[:3] == [
        {"year": 2024, "counties": 1},
        {"year": 2025, "counties": 1},
        {"year": 2026, "counties": 0},
    ]
    statuses = {row["value"]: row["factories"] for row in body["factories_by_status"]}
    assert statuses == {"planned": 1, "under construction": 1, "operating": 1}
    sectors = {row["value"]: row["factories"] for row in body["factories_by_sector"]}
    assert sectors["foodstuff"] == sectors["other"] == 1
    assert sectors["building materials"] == 0
    # By the lower bound: "late February 2024" counts in February.
    assert body["events_per_month"] == [
        {"month": "2024-02", "ceremonies": 1, "guidance_visits": 0},
        {"month": "2024-07", "ceremonies": 0, "guidance_visits": 1},
        {"month": "2024-12", "ceremonies": 1, "guidance_visits": 0},
        {"month": "2025-01", "ceremonies": 0, "guidance_visits": 1},
        {"month": "2025-03", "ceremonies": 1, "guidance_visits": 0},
    ]


def test_filters_reach_the_api(world, api):
    response = api.get(reverse("api:factory-list"), {"status__in": "operating,planned"})
    assert {f["slug"] for f in response.json()["results"]} == {
        "songchon-foodstuff",
        "onchon-bricks",
    }


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"province": "atlantis"}, "province"),
        ({"ordering": "name"}, "ordering"),
        ({"date_after": "soon"}, "date_after"),
        ({"programme_year": "twenty"}, "programme_year"),
        ({"has_coordinates": "maybe"}, "has_coordinates"),
        ({"slug": "<script>"}, "slug"),
        ({"sector__in": "steel"}, "sector__in"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "many"}, "page_size"),
        ({"cursor": "forged"}, "cursor"),
    ],
)
def test_hostile_list_parameters_are_400_naming_them(world, api, params, field):
    response = api.get(reverse("api:factory-list"), params)
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("asked", ["xml", "", "geojson"])
def test_an_unknown_or_empty_format_is_400(world, api, asked):
    response = api.get(reverse("api:source-list"), {"format": asked})
    assert response.status_code == 400
    assert response.json() == {"format": [f"Unknown format “{asked}”: use one of json, csv."]}


def test_an_address_that_is_not_in_the_api_is_a_json_404(db, api):
    for url in ("/api/sources/1.5/", "/api/nothing/here/"):
        response = api.post(url)
        assert response.status_code == 404
        assert "nothing at this address" in response.json()["detail"]
    assert api.get("/api/sources").status_code == 301
    assert api.put("/api/sources/%0A/").status_code == 404


def test_a_refusal_is_json_even_when_csv_was_asked_for(world, api):
    response = api.get(reverse("api:county-list"), {"format": "csv", "kind": "castle"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "kind" in response.json()


def test_anonymous_reads_are_throttled(world, api, settings, token_client):
    settings.API_ANON_RATE = "3/minute"
    url = reverse("api:province-list")
    assert [api.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert "Retry-After" in api.get(url)
    client = token_client()
    assert [client.get(url).status_code for _ in range(4)] == [200] * 4


def test_a_new_inauguration_shows_in_the_derived_status_and_duration(world, api):
    make.ceremony(
        kind="inauguration", date="2025-11", county=world["hamju"], factories=[world["cloth"]]
    )
    body = api.get(reverse("api:factory-detail", args=["hamju-clothing"])).json()
    assert body["status"] == "operating"
    assert body["construction_time"]["text"] == "215–274 days"


def test_an_empty_filter_is_no_filter(world, api):
    """As a list page's form sends it: empty fields leave the list unfiltered."""
    params = {"province": "", "county_id": "", "kind": "", "date_after": "", "q": ""}
    response = api.get(reverse("api:ceremony-list"), params)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


def test_stats_set_vague_dates_apart_instead_of_piling_them_into_january(db, api):
    from tests import factories as make

    make.ceremony(date="2024-02-21/2024-02-29")
    for _ in range(3):
        make.ceremony(date="2024")  # nineteen groundbreakings "in 2024", say
    make.visit(date="2024-01-15")
    make.visit(date="2025-01/2025-04")
    body = api.get(reverse("api:stats")).json()
    assert body["events_per_month"] == [
        {"month": "2024-01", "ceremonies": 0, "guidance_visits": 1},
        {"month": "2024-02", "ceremonies": 1, "guidance_visits": 0},
    ]
    assert body["events_over_several_months"] == [
        {"first_month": "2024-01", "last_month": "2024-12", "ceremonies": 3, "guidance_visits": 0},
        {"first_month": "2025-01", "last_month": "2025-04", "ceremonies": 0, "guidance_visits": 1},
    ]


def test_the_api_root_lists_every_resource_and_what_else_a_client_needs(db, api):
    body = api.get(reverse("api:api-root")).json()
    assert set(body["resources"]) == {
        "provinces",
        "counties",
        "factories",
        "ceremonies",
        "guidance-visits",
        "sources",
        "photos",
        "people",
    }
    assert body["resources"]["counties"] == "http://testserver/api/counties/"
    assert body["stats"] == "http://testserver/api/stats/"
    assert body["schema"] == "http://testserver/api/schema/"
    assert body["docs"] == "http://testserver/api/docs/"
    assert body["downloads"]["whole_record"] == "http://testserver/api/downloads/records.zip"
    assert body["downloads"]["csv"]["factories"] == "http://testserver/api/factories/?format=csv"
    assert body["method"] == "http://testserver/method/"
    for address in [*body["resources"].values(), body["stats"], body["docs"]]:
        assert api.get(address).status_code == 200
