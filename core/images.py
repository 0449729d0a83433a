"""Upload checks and renditions for photos and crests (Pillow)."""

from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.db import models, transaction
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
            image.load()  # decodes every pixel: a truncated file fails here, not later
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValidationError("The file is not a readable image.", code="invalid") from exc
    finally:
        file.seek(0)


# How an accepted image is written again: same format (GIF as PNG), no metadata.
REENCODE: dict[str, tuple[str, str, dict[str, Any]]] = {
    "JPEG": ("JPEG", "jpg", {"quality": 90, "optimize": True}),
    "PNG": ("PNG", "png", {"optimize": True}),
    "WEBP": ("WEBP", "webp", {"quality": 90}),
    "GIF": ("PNG", "png", {"optimize": True}),
}


def reencode(file: "File[Any]") -> "ContentFile[bytes]":
    """The image decoded and written again by Pillow: whatever rode along in the upload (a
    script after the image data, an HTML polyglot, EXIF with a location) is left behind."""
    file.seek(0)
    with Image.open(file) as original:
        target, extension, options = REENCODE.get(original.format or "", REENCODE["PNG"])
        image = original.copy()  # pixel data only; info (EXIF, ICC, comments) is dropped
    if target == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    buffer = BytesIO()
    image.save(buffer, format=target, **options)
    stem = (file.name or "image").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "image"
    return ContentFile(buffer.getvalue(), name=f"{stem}.{extension}")


class ReencodedImageField(models.ImageField):
    """An ImageField that stores every new upload re-encoded by Pillow (see reencode)."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            content = reencode(file)
            file.file, file.name = content, content.name
        return super().pre_save(model_instance, add)


class RemembersFiles(models.Model):
    """Remembers the file names a row held when it was loaded, so that a save can delete
    the files it replaces without asking the database again (see delete_replaced_files)."""

    file_fields: tuple[str, ...] = ()
    _loaded_files: dict[str, str]

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any, **kwargs: Any) -> Any:
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_files = {
            name: getattr(instance, name).name
            for name in cls.file_fields
            if name in instance.__dict__
        }
        return instance


def delete_replaced_files(instance: models.Model, *names: str) -> None:
    """Once the transaction commits, delete the files instance's fields held when it was
    loaded and hold no longer (a replaced or cleared photo or crest)."""
    loaded: dict[str, str] = getattr(instance, "_loaded_files", {})
    for name in names:
        old, new = loaded.get(name), getattr(instance, name).name
        if old and old != new:
            _delete_after_commit(getattr(instance, name).storage, old)
        loaded[name] = new


def _delete_after_commit(storage: Storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))


def delete_on_commit(file: ImageFieldFile) -> None:
    """Delete the file file names now, once the transaction commits."""
    if file.name:
        _delete_after_commit(file.storage, file.name)


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
