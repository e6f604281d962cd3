"""Bodies over their limits are refused with 413 and a message, never a 500, nothing saved."""

import json

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from events.models import Source


@pytest.fixture
def small_limits():
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000, MAX_UPLOAD_REQUEST_SIZE=5000):
        yield


def test_an_oversized_form_post_is_413_in_html(staff_client, small_limits):
    response = staff_client.post(
        reverse("admin:events_source_add"), {"title": "x" * 2000, "publisher": "KCNA"}
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert "Request too large" in response.content.decode()
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_an_oversized_api_body_is_413_in_json(client, small_limits):
    response = client.post(
        "/api/sources/", json.dumps({"title": "x" * 2000}), content_type="application/json"
    )
    assert response.status_code == 413
    assert "larger than this server accepts" in response.json()["detail"]


@pytest.mark.django_db
def test_an_oversized_upload_is_413(staff_client, small_limits):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = staff_client.post(
        reverse("admin:events_photo_add"),
        {"caption": "c", "image": SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 6000)},
    )
    assert response.status_code == 413


@pytest.mark.django_db
def test_an_upload_with_an_oversized_field_is_413(staff_client, small_limits):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = staff_client.post(
        reverse("admin:events_photo_add"),
        {"caption": "c" * 1500, "image": SimpleUploadedFile("a.png", b"\x89PNG")},
    )
    assert response.status_code == 413


def test_a_body_within_the_limit_is_served(staff_client):
    response = staff_client.post(
        reverse("admin:events_source_add"),
        {"title": "An article", "publisher": "KCNA", "language": "en", "published": "2024"},
    )
    assert response.status_code == 302
    assert Source.objects.get().title == "An article"


def test_the_limits_are_those_documented():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.MAX_UPLOAD_REQUEST_SIZE == 20 * 1024 * 1024
