"""Upload checks and renditions for photos and crests (Pillow)."""

from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000


def validate_image(file: "File[Any]") -> None:
    """Refuse oversized files, unknown formats, decompression bombs and corrupt images."""
    if file.size > settings.KADER_MAX_IMAGE_BYTES:
        limit = settings.KADER_MAX_IMAGE_BYTES // (1024 * 1024)
        raise ValidationError(f"The image is larger than {limit} MB.", code="too_large")
    try:
        file.seek(0)
        with Image.open(file) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    f"{image.format} images are not accepted: use JPEG, PNG, WebP or GIF.",
                    code="format",
                )
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError("The image has too many pixels.", code="too_large")
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValidationError("The file is not a readable image.", code="invalid") from exc
    finally:
        file.seek(0)


def make_rendition(source: ImageFieldFile, target: ImageFieldFile, size: int) -> None:
    """Save a JPEG no larger than size×size px of source into target (aspect kept)."""
    source.open("rb")
    try:
        with Image.open(source) as original:
            image = original.convert("RGB")
            image.thumbnail((size, size))
            buffer = BytesIO()
            image.save(buffer, format="JPEG", quality=85, optimize=True)
    finally:
        source.close()
    name = (source.name or "image").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    target.save(f"{name}-{size}.jpg", ContentFile(buffer.getvalue()), save=False)
