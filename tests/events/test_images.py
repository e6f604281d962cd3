"""A stored photo carries its pixels and nothing else, and an image too large to decode
safely is refused from its header."""

import io
import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from events.images import process_photo

XMP = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>Taken at 39.25 N 126.2 E</x:xmpmeta>"


def segments(jpeg: bytes) -> list[int]:
    """The markers of a JPEG's segments before its image data."""
    markers, position = [], 2
    while position < len(jpeg):
        marker = jpeg[position + 1]
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        (length,) = struct.unpack(">H", jpeg[position + 2 : position + 4])
        markers.append(marker)
        position += 2 + length
    return markers


def camera_jpeg() -> bytes:
    """A JPEG with a comment, EXIF, XMP and an ICC profile, as cameras and editors write."""
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    Image.new("RGB", (64, 48), "navy").save(
        buffer,
        "JPEG",
        comment=b"Shot by a named person at a named place",
        exif=exif.tobytes(),
        icc_profile=b"\x00" * 128,
        xmp=XMP,
    )
    return buffer.getvalue()


def test_a_jpeg_keeps_no_comment_and_no_metadata_segment():
    original = camera_jpeg()
    assert 0xFE in segments(original)  # the comment is really there to begin with
    stored = process_photo(SimpleUploadedFile("p.jpg", original)).image.read()
    kept = segments(stored)
    assert 0xFE not in kept  # COM
    assert not [marker for marker in kept if 0xE1 <= marker <= 0xEF]  # APP1–APP15
    assert b"named person" not in stored
    assert b"Camera maker" not in stored
    assert b"39.25 N" not in stored


def test_a_png_keeps_no_text_chunk_nor_icc_profile():
    buffer = io.BytesIO()
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Shot by a named person")
    Image.new("RGB", (64, 48), "navy").save(
        buffer, "PNG", pnginfo=text, icc_profile=b"\x00" * 128
    )
    stored = process_photo(SimpleUploadedFile("p.png", buffer.getvalue())).image.read()
    assert b"named person" not in stored
    assert b"iCCP" not in stored
    assert b"tEXt" not in stored


@pytest.mark.parametrize("size", [(1, 39_000_000), (39_000_000, 1), (30_000, 10)])
def test_an_image_with_a_side_too_long_is_refused_before_decoding(size):
    """A 1 × 39,000,000 PNG is within the pixel total but took a worker to 1.1 GB."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, "PNG")
    with pytest.raises(ValidationError) as refused:
        process_photo(SimpleUploadedFile("long.png", buffer.getvalue()))
    assert "no side longer than 20000 pixels" in refused.value.messages[0]
