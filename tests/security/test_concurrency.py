"""Two edits of one record: the second cannot silently overwrite the first.

API: ETag on detail responses, a stale If-Match is 412. Admin: a conflict message when the
record changed since its form was opened.
"""

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from sites.models import County
from tests import factories


@pytest.fixture
def api(staff):
    _, secret = ApiToken.issue(staff, "tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


@pytest.fixture
def county(db):
    return factories.county(name="Songchon", slug="songchon")


def url(county):
    return f"/api/counties/{county.slug}/"


def test_a_detail_response_carries_its_version_as_etag(api, county):
    first = api.get(url(county))
    assert re.fullmatch(r'"[0-9a-f]{32}"', first["ETag"])
    assert api.get(url(county))["ETag"] == first["ETag"]
    county.save()
    assert api.get(url(county))["ETag"] != first["ETag"]


def test_a_stale_if_match_is_412_and_changes_nothing(api, county):
    seen = api.get(url(county))["ETag"]
    # Someone else saves the county meanwhile.
    other = api.patch(url(county), {"description": "Theirs."}, format="json")
    assert other.status_code == 200
    response = api.patch(url(county), {"description": "Mine."}, format="json", HTTP_IF_MATCH=seen)
    assert response.status_code == 412
    assert "changed since you read it" in response.json()["detail"]
    county.refresh_from_db()
    assert county.description == "Theirs."
    assert api.delete(url(county), HTTP_IF_MATCH=seen).status_code == 412
    assert County.objects.filter(pk=county.pk).exists()


def test_the_current_if_match_writes_and_returns_the_new_etag(api, county):
    seen = api.get(url(county))["ETag"]
    response = api.patch(url(county), {"description": "Mine."}, format="json", HTTP_IF_MATCH=seen)
    assert response.status_code == 200
    assert response["ETag"] not in ("", seen)
    assert response["ETag"] == api.get(url(county))["ETag"]
    county.refresh_from_db()
    assert county.description == "Mine."


def test_put_checks_if_match_too(api, county):
    body = api.get(url(county)).json()
    stale = '"00000000000000000000000000000000"'
    payload = {"name": "Songchon", "slug": "songchon", "province": body["province"]["slug"]}
    response = api.put(url(county), payload, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412


def test_a_refused_write_leaves_nothing_behind(api, county):
    response = api.patch(url(county), {"programme_year": 1999}, format="json")
    assert response.status_code == 400
    county.refresh_from_db()
    assert county.programme_year is None


def change_form_data(page: str, county) -> dict:
    seen = re.search(r'name="seen_updated_at" value="([^"]+)"', page).group(1)
    return {
        "province": county.province_id,
        "name": county.name,
        "slug": county.slug,
        "kind": "county",
        "aliases": "Mine",
        "seen_updated_at": seen,
        "factories-TOTAL_FORMS": 0,
        "factories-INITIAL_FORMS": 0,
    }


def test_the_admin_refuses_to_save_over_a_newer_version(staff_client, county):
    change = reverse("admin:sites_county_change", args=[county.pk])
    data = change_form_data(staff_client.get(change).content.decode(), county)
    # Someone else saves the county after the form was opened.
    county.aliases = "Theirs"
    county.save()

    response = staff_client.post(change, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this record after you opened it" in page
    county.refresh_from_db()
    assert county.aliases == "Theirs"


def test_the_admin_saves_when_nobody_else_did(staff_client, county):
    change = reverse("admin:sites_county_change", args=[county.pk])
    data = change_form_data(staff_client.get(change).content.decode(), county)
    response = staff_client.post(change, data)
    assert response.status_code == 302
    county.refresh_from_db()
    assert county.aliases == "Mine"
