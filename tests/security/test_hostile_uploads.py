"""Hostile photo uploads, through the API and the admin: a decompression bomb and an HTML file
named .png are refused with a message, nothing written; a PNG with HTML appended is stored
re-encoded, so no byte of the HTML is kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import ApiToken
from events.models import Photo
from tests import factories

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def png(width=32, height=24, mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def bomb() -> bytes:
    """10000×10000 pixels in a file of a few kilobytes (one bit a pixel, all alike)."""
    return png(10_000, 10_000, mode="1")


HOSTILE = {
    "bomb": bomb,
    "html named .png": lambda: HTML,
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def subject(db):
    return factories.source(), factories.factory()


@pytest.fixture
def api(staff):
    _, secret = ApiToken.issue(staff, "tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def api_upload(api, subject, content: bytes):
    source, factory = subject
    return api.post(
        "/api/photos/",
        {
            "image": SimpleUploadedFile("photo.png", content, content_type="image/png"),
            "caption": "A photo",
            "credit": "KCNA",
            "source": source.pk,
            "factory": factory.slug,
        },
        format="multipart",
    )


def admin_upload(staff_client, subject, content: bytes):
    source, factory = subject
    return staff_client.post(
        reverse("admin:events_photo_add"),
        {
            "image": SimpleUploadedFile("photo.png", content, content_type="image/png"),
            "caption": "A photo",
            "credit": "KCNA",
            "source": source.pk,
            "factory": factory.pk,
        },
    )


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def test_the_bomb_is_small_on_disk_and_huge_in_memory():
    content = bomb()
    assert len(content) < 100_000
    assert Image.open(io.BytesIO(content)).size == (10_000, 10_000)


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_api_refuses_it_with_a_message_and_writes_nothing(api, subject, media, kind):
    response = api_upload(api, subject, HOSTILE[kind]())
    assert response.status_code == 400
    assert response.json()["image"]
    assert not Photo.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_admin_refuses_it_with_a_message_and_writes_nothing(staff_client, subject, media, kind):
    response = admin_upload(staff_client, subject, HOSTILE[kind]())
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files(media) == []


def assert_no_html_stored(media):
    files = stored_files(media)
    assert files, "the photo and its thumbnail are stored"
    for path in files:
        content = path.read_bytes()
        assert b"<html" not in content, path
        assert b"<script" not in content, path
        assert Image.open(path).format in {"PNG", "JPEG", "WEBP"}


def test_the_api_stores_a_png_with_html_appended_re_encoded(api, subject, media):
    response = api_upload(api, subject, png() + HTML)
    assert response.status_code == 201, response.content
    assert_no_html_stored(media)


def test_the_admin_stores_a_png_with_html_appended_re_encoded(staff_client, subject, media):
    response = admin_upload(staff_client, subject, png() + HTML)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Photo.objects.count() == 1
    assert_no_html_stored(media)
