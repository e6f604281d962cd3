"""Uploaded photos are served by the app itself under gunicorn, as the deployment starts it
(no proxy, DEBUG off): the right content type, a long Cache-Control, nosniff, no folder
listing and nothing outside MEDIA_ROOT."""

import io
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "drills"))
from common import Workspace

FILES = {
    "photos/2026/12/a1b2c3.jpg": ("JPEG", "image/jpeg"),
    "photos/2026/12/d4e5f6.png": ("PNG", "image/png"),
    "photos/thumbs/g7h8i9-480w.webp": ("WEBP", "image/webp"),
}


def get(url: str):
    try:
        # Gunicorn listens on plain HTTP here; in production a TLS proxy in front says this.
        request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def served():
    """Gunicorn with production settings (SQLite, DEBUG off), photos on its MEDIA_ROOT."""
    workspace = Workspace(None, WEB_CONCURRENCY="1")
    media = Path(workspace.env["MEDIA_ROOT"])
    for name, (image_format, _) in FILES.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        Image.new("RGB", (8, 6), "navy").save(buffer, image_format)
        (media / name).write_bytes(buffer.getvalue())
    (media.parent / "secret.txt").write_text("outside the media folder")
    try:
        workspace.prepare(seed=False)  # migrate, collect the static files the 404 page uses
        with workspace.gunicorn(workers=1) as url:
            yield url
    finally:
        workspace.cleanup()


@pytest.mark.parametrize("name", FILES)
def test_a_photo_is_served_with_its_headers(served, name):
    status, headers, body = get(f"{served}/media/{name}")
    assert status == 200
    assert headers["Content-Type"] == FILES[name][1]
    assert "max-age=31536000" in headers["Cache-Control"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(body)).size == (8, 6)


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/photos/",
        "/media/photos/2026/12/",
        "/media/../secret.txt",
        "/media/%2E%2E/secret.txt",
        "/media/photos/..%2F..%2Fsecret.txt",
        "/media/photos/2026/12/nothing.jpg",
    ],
)
def test_no_folder_listing_nor_a_file_outside(served, path):
    status, _, body = get(f"{served}{path}")
    assert status in (400, 404)  # a path out of MEDIA_ROOT is refused as suspicious
    assert b"outside the media folder" not in body
    assert b"a1b2c3" not in body
