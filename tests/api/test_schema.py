"""The OpenAPI schema validates and describes every endpoint; the docs are served offline."""

import re

import yaml
from django.core.management import call_command
from django.urls import reverse


def test_the_schema_validates_without_a_warning(db, tmp_path):
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    paths = yaml.safe_load(schema.read_text())["paths"]
    assert {path.split("/")[2] for path in paths} == {
        "provinces",
        "counties",
        "factories",
        "ceremonies",
        "guidance-visits",
        "sources",
        "photos",
        "people",
        "stats",
        "downloads",
    }


def test_the_schema_describes_filters_formats_and_refusals(db, client):
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/json")
    schema = response.json()
    factories = schema["paths"]["/api/factories/"]
    listing = factories["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"q", "county", "county_id", "date_after", "ordering", "cursor", "page_size"} <= names
    formats = next(p for p in listing["parameters"] if p["name"] == "format")
    assert set(formats["schema"]["enum"]) == {"json", "csv", "geojson"}
    assert set(listing["responses"]["200"]["content"]) == {
        "application/json",
        "text/csv",
        "application/geo+json",
    }
    assert {"400", "429"} <= set(listing["responses"])
    assert {"400", "401", "403"} <= set(factories["post"]["responses"])
    assert "409" in schema["paths"]["/api/factories/{slug}/"]["delete"]["responses"]
    assert "apiToken" in schema["components"]["securitySchemes"]
    stats = schema["paths"]["/api/stats/"]["get"]["responses"]["200"]["content"]
    assert stats["application/json"]["schema"]["$ref"].endswith("/Stats")
    events_per_month = schema["components"]["schemas"]["Stats"]["properties"]["events_per_month"]
    assert "events_over_several_months" in events_per_month["description"]


def test_the_docs_need_nothing_from_another_site(db, client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assets = re.findall(r"(?:src|href)=\"(/[^\"]+)\"", html)
    assert any("swagger-ui" in asset for asset in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_reads_need_no_credentials_so_the_docs_draw_no_lock_on_them(db, client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert "security" not in schema
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method == "get":
                assert "security" not in operation, path
            elif method in {"post", "put", "patch", "delete"}:
                assert {"apiToken": []} in operation["security"], (method, path)
