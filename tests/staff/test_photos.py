"""Photo uploads: only clean JPEG, PNG and WebP images are stored, with their thumbnail."""

import io
import os
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import Photo, Source
from sites.models import Factory
from tests.staff import pages

GPS_IFD = 0x8825
ORIENTATION = 0x0112
RIGHT_SIDE_TOP = 6  # the camera was turned: show the picture rotated 90° clockwise


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(folder, name), media)
        for folder, _, names in os.walk(media)
        for name in names
    )


def jpeg_with_gps(width=1200, height=800) -> bytes:
    """A camera-like JPEG: EXIF with a GPS position and a 'turned' orientation."""
    image = Image.new("RGB", (width, height), "#3a6")
    exif = Image.Exif()
    exif[ORIENTATION] = RIGHT_SIDE_TOP
    exif[0x010F] = "Camera maker"
    exif[GPS_IFD] = {1: "N", 2: (39.0, 8.0, 30.0), 3: "E", 4: (126.0, 13.0, 5.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def image_bytes(image_format: str, size=(600, 400), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, image_format)
    return buffer.getvalue()


def add_photo(client, upload, **fields):
    source = Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2")
    data = {
        "image": upload,
        "caption": "New regional-industry factories in Songchon County",
        "credit": "KCNA",
        "source": source.pk,
        "factory": Factory.objects.get(slug="songchon-regional-industry-factories").pk,
        "change_message": "",
        **fields,
    }
    return client.post(reverse("admin:events_photo_add"), data)


def test_a_camera_jpeg_is_stored_upright_without_exif_and_with_its_thumbnail(
    seeded, staff_client, media
):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test file has GPS

    response = add_photo(staff_client, SimpleUploadedFile("IMG 0042.JPG", original))

    assert response.status_code == 302, pages.text(response)[:2000]
    photo = Photo.objects.get()
    stored = Image.open(photo.image.path)
    assert stored.format == "JPEG"
    assert stored.size == (800, 1200)  # turned upright, as the camera meant it
    assert (photo.width, photo.height) == (800, 1200)
    assert not stored.getexif()  # no EXIF left at all, GPS included
    assert b"Camera maker" not in photo.image.read()
    thumbnail = Image.open(photo.thumbnail.path)
    assert thumbnail.size == (400, 600)
    assert not thumbnail.getexif()
    assert "img-0042" not in photo.image.name  # stored under a name of its own
    assert photo.image.name.endswith(".jpg")
    assert len(stored_files(media)) == 2  # the photo and its thumbnail, nothing else


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_and_keep_their_format(seeded, staff_client, media, image_format):
    upload = SimpleUploadedFile(f"photo.{image_format.lower()}", image_bytes(image_format))
    assert add_photo(staff_client, upload).status_code == 302
    photo = Photo.objects.get()
    assert Image.open(photo.image.path).format == image_format
    assert Image.open(photo.thumbnail.path).size == (400, 267)


def test_html_appended_to_a_png_is_not_stored(seeded, staff_client, media):
    payload = b"<html><body><script>alert('stored')</script></body></html>"
    upload = SimpleUploadedFile("poster.png", image_bytes("PNG") + payload)
    # Uploaded on the factory's own page, as an inline photo.
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    data = {
        "county": factory.county_id,
        "name": factory.name,
        "slug": factory.slug,
        "sector": factory.sector,
        "products": "",
        "description": factory.description,
        "sources": [Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2").pk],
        "change_message": "Added a poster",
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 1,
        "photos-INITIAL_FORMS": 0,
        "appearances-TOTAL_FORMS": 0,
        "appearances-INITIAL_FORMS": 0,
        "photos-0-image": upload,
        "photos-0-caption": "Poster",
        "photos-0-credit": "KCNA",
        "photos-0-source": Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2").pk,
    }
    response = staff_client.post(reverse("admin:sites_factory_change", args=[factory.pk]), data)
    assert response.status_code == 302, pages.text(response)[:2000]
    photo = factory.photos.get()
    for stored in (photo.image, photo.thumbnail):
        with stored.open("rb") as handle:
            content = handle.read()
        assert b"<" not in content[content.rfind(b"IEND") :]
        assert b"script" not in content
        assert b"html" not in content


def refused(response, media, message):
    assert response.status_code == 200
    assert message in pages.text(response)
    assert not Photo.objects.exists()
    assert stored_files(media) == []


def test_a_text_file_named_jpg_is_refused(seeded, staff_client, media):
    upload = SimpleUploadedFile("photo.jpg", b"Not a photo at all, only words.\n" * 20)
    refused(
        add_photo(staff_client, upload),
        media,
        "This file is not a photo Regiondev can read. Upload a JPEG, PNG or WebP image.",
    )


def test_an_image_of_another_format_is_refused(seeded, staff_client, media):
    upload = SimpleUploadedFile("photo.gif", image_bytes("GIF"))
    refused(
        add_photo(staff_client, upload),
        media,
        "This is a GIF image; upload a JPEG, PNG or WebP image.",
    )


def test_a_decompression_bomb_is_refused(seeded, staff_client, media):
    # 8,000 × 8,000 pixels of one colour: a few kilobytes that unpack into 64 megapixels.
    bomb = image_bytes("PNG", size=(8000, 8000), mode="1")
    assert len(bomb) < 100_000
    refused(
        add_photo(staff_client, SimpleUploadedFile("bomb.png", bomb)),
        media,
        "This image is 8000 × 8000 pixels; photos can have at most 40 megapixels, "
        "and no side longer than 20000 pixels.",
    )


def test_an_image_past_pillows_own_bomb_limit_is_refused(seeded, staff_client, media, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)
    upload = SimpleUploadedFile("large.png", image_bytes("PNG", size=(1000, 1000), mode="1"))
    refused(
        add_photo(staff_client, upload),
        media,
        "This image has too many pixels to open safely.",
    )


def test_an_oversized_file_is_refused(seeded, staff_client, media, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 50 * 1024
    noise = Image.frombytes("RGB", (300, 300), random.Random(5).randbytes(300 * 300 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=100)
    assert buffer.tell() > settings.PHOTO_MAX_UPLOAD_BYTES
    refused(
        add_photo(staff_client, SimpleUploadedFile("noise.jpg", buffer.getvalue())),
        media,
        "photos can be at most 50.0 KB",
    )


@pytest.mark.parametrize("missing", ["caption", "credit", "source"])
def test_caption_credit_and_source_are_required(seeded, staff_client, media, missing):
    upload = SimpleUploadedFile("photo.jpg", jpeg_with_gps())
    refused(add_photo(staff_client, upload, **{missing: ""}), media, "This field is required.")
