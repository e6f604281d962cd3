"""A JSON body nested deeper than any record needs is a 400 that says so, never a 500."""

import json

import pytest
from django.urls import reverse

from tests import factories as make


def nested(depth: int) -> list:
    value = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.fixture
def editor(token_client):
    return token_client("events.add_source", "sites.change_county")


def test_a_deeply_nested_title_is_refused_with_a_400(editor):
    body = json.dumps({"title": nested(950), "publisher": "KCNA"})
    assert len(body) < 2100
    response = editor.post("/api/sources/", body, content_type="application/json")
    assert response.status_code == 400
    assert "more than 32 levels deep" in response.json()["detail"]


def test_a_deeply_nested_alias_list_changes_nothing(editor):
    county = make.county(aliases="Songchon")
    response = editor.patch(
        reverse("api:county-detail", args=[county.slug]),
        json.dumps({"aliases": nested(950)}),
        content_type="application/json",
    )
    assert response.status_code == 400
    county.refresh_from_db()
    assert county.aliases == "Songchon"


def test_brackets_inside_strings_are_text_not_nesting(editor):
    response = editor.post(
        "/api/sources/",
        {"title": "[" * 100 + " a title of brackets " + "}" * 100, "publisher": "KCNA"},
        format="json",
    )
    assert response.status_code == 201, response.content
