"""Photo uploads: check the file, then keep only a clean re-encoding of it.

An upload is refused, with a message a person can act on, when it is larger than
PHOTO_MAX_UPLOAD_BYTES, is not a JPEG, PNG or WebP image Pillow can read, or has more than
PHOTO_MAX_PIXELS pixels or a side longer than PHOTO_MAX_SIDE (a decompression bomb: a small
file that unpacks into gigabytes), both judged from the header, before any pixel is decoded.
What is stored is never the uploaded bytes but the decoded picture encoded afresh, turned
upright by its EXIF orientation first: EXIF (GPS position included) and every other
metadata segment the file carried (JPEG comments, XMP, ICC profiles, PNG text chunks),
trailing bytes and HTML appended to a PNG are left behind, and so is the file's name: a stored
photo is named at random. The
thumbnail the pages show is made here too, once.

`process_photo()` is the one entry point for the admin forms and the API alike.
"""

import io
import secrets
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name → file extension and the options it is saved with.
FORMATS = {
    "JPEG": ("jpg", {"quality": 88, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 88}),
}
ALLOWED = "JPEG, PNG or WebP"


@dataclass(frozen=True)
class ProcessedPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int

    def assign_to(self, photo) -> None:
        """Put the clean files on a Photo; they are written when the photo is saved."""
        photo.image = self.image
        photo.thumbnail = self.thumbnail
        photo.width, photo.height = self.width, self.height


def _refuse(message: str, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _open_checked(upload) -> Image.Image:
    """Open the upload as an allowed image within the pixel cap, or raise ValidationError."""
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise _refuse(
            "This file is %(size)s; photos can be at most %(limit)s. "
            "Save a smaller copy and upload that.",
            "photo_too_large",
            size=filesizeformat(upload.size),
            limit=filesizeformat(limit),
        )
    unreadable = _refuse(
        "This file is not a photo Regiondev can read. Upload a %(allowed)s image.",
        "photo_unreadable",
        allowed=ALLOWED,
    )
    max_pixels = settings.PHOTO_MAX_PIXELS
    too_many_pixels = "This image is %(width)s × %(height)s pixels; photos can have at most "
    too_many_pixels += "%(megapixels)s megapixels, and no side longer than %(side)s pixels. "
    too_many_pixels += "Upload a smaller copy."
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow warns past MAX_IMAGE_PIXELS and raises past twice that; refuse both.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
            image.verify()  # checks the file's structure; the image must be opened again
            upload.seek(0)
            image = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _refuse(
                "This image has too many pixels to open safely. Upload a smaller copy.",
                "photo_bomb",
            ) from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise unreadable from error
        if image.format not in FORMATS:
            raise _refuse(
                "This is a %(format)s image; upload a %(allowed)s image.",
                "photo_format",
                format=image.format or "unknown",
                allowed=ALLOWED,
            )
        width, height = image.size
        if width * height > max_pixels or max(width, height) > settings.PHOTO_MAX_SIDE:
            raise _refuse(
                too_many_pixels,
                "photo_too_many_pixels",
                width=width,
                height=height,
                megapixels=max_pixels // 1_000_000,
                side=settings.PHOTO_MAX_SIDE,
            )
        try:
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _refuse(
                "This image has too many pixels to open safely. Upload a smaller copy.",
                "photo_bomb",
            ) from error
        except (OSError, SyntaxError, ValueError) as error:  # truncated or corrupt data
            raise unreadable from error
    return image


def _encode(image: Image.Image, image_format: str) -> bytes:
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image_format != "JPEG" and image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    else:
        image = image.copy()
    # Pillow writes back some of what it read (a JPEG's comment, ICC profile) from `info`:
    # emptied, and with no exif=, pnginfo= or comment=, the file carries the pixels alone.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **FORMATS[image_format][1])
    return buffer.getvalue()


def process_photo(upload) -> ProcessedPhoto:
    """Check an uploaded file and return its clean re-encoding and thumbnail.

    Raises ValidationError with a message for the person who uploaded it.
    """
    source = _open_checked(upload)
    image_format = source.format
    upright = ImageOps.exif_transpose(source)
    extension = FORMATS[image_format][0]
    # A name of its own: the uploader's file name may say who took it, where or why.
    stem = secrets.token_urlsafe(12)

    thumbnail = upright.copy()
    width = settings.PHOTO_THUMBNAIL_WIDTH
    if thumbnail.width > width:
        height = max(1, round(thumbnail.height * width / thumbnail.width))
        thumbnail = thumbnail.resize((width, height), Image.Resampling.LANCZOS)
    return ProcessedPhoto(
        image=ContentFile(_encode(upright, image_format), name=f"{stem}.{extension}"),
        thumbnail=ContentFile(
            _encode(thumbnail, image_format), name=f"{stem}-{width}w.{extension}"
        ),
        width=upright.width,
        height=upright.height,
    )
