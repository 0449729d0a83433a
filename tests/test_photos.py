"""Photos: an editor uploads one, pages get a small rendition, bad files are refused."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.helpers import form_data


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(width: int, height: int) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (0, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def post_photo(editor_client, player, upload):
    url = reverse("admin:players_player_change", args=[player.pk])
    data = form_data(editor_client.get(url))
    data["photo"] = upload
    return editor_client.post(url, data)


def test_an_uploaded_photo_gets_a_resized_rendition(editor_client, player):
    upload = SimpleUploadedFile("keeper.png", png(1600, 1200), content_type="image/png")
    response = post_photo(editor_client, player, upload)
    assert response.status_code == 302
    player.refresh_from_db()
    with Image.open(player.photo_rendition.path) as rendition:
        assert rendition.size == (480, 360)
        assert rendition.format == "JPEG"


def test_a_file_that_is_not_an_image_is_refused(editor_client, player):
    upload = SimpleUploadedFile(
        "evil.png", b"<?php system($_GET['c']); ?>", content_type="image/png"
    )
    response = post_photo(editor_client, player, upload)
    assert response.status_code == 200
    assert "photo" in response.context["adminform"].form.errors
    player.refresh_from_db()
    assert not player.photo


def test_an_oversized_image_is_refused(editor_client, player, settings):
    settings.KADER_MAX_IMAGE_BYTES = 1000
    upload = SimpleUploadedFile("big.png", png(400, 400) + b"\0" * 1000, content_type="image/png")
    response = post_photo(editor_client, player, upload)
    assert response.status_code == 200
    assert "larger than" in str(response.context["adminform"].form.errors["photo"])


def jpeg(width: int = 64, height: int = 48) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def stored_bytes(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read()


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_truncated_jpeg_is_a_form_error_and_leaves_no_file(editor_client, player, settings):
    data = jpeg(400, 300)
    upload = SimpleUploadedFile("cut.jpg", data[: len(data) // 2], content_type="image/jpeg")
    response = post_photo(editor_client, player, upload)
    assert response.status_code == 200
    assert "photo" in response.context["adminform"].form.errors
    assert stored_files(settings.MEDIA_ROOT) == []


def test_a_polyglot_is_stored_as_a_clean_image(editor_client, player):
    payload = b"<html><script>alert(document.cookie)</script></html>"
    upload = SimpleUploadedFile("poly.jpg", jpeg() + payload, content_type="image/jpeg")
    assert post_photo(editor_client, player, upload).status_code == 302
    player.refresh_from_db()
    stored = stored_bytes(player.photo)
    assert b"<script>" not in stored
    with Image.open(BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.info.get("exif")


def test_a_png_with_a_script_in_a_text_chunk_loses_it(editor_client, player):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    buffer = BytesIO()
    Image.new("RGB", (32, 32), (0, 0, 255)).save(buffer, format="PNG", pnginfo=info)
    upload = SimpleUploadedFile("badge.png", buffer.getvalue(), content_type="image/png")
    assert post_photo(editor_client, player, upload).status_code == 302
    player.refresh_from_db()
    assert b"<script>" not in stored_bytes(player.photo)


def test_a_replaced_photo_and_its_rendition_are_deleted(
    editor_client, player, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_photo(editor_client, player, SimpleUploadedFile("a.png", png(800, 600)))
    player.refresh_from_db()
    first = {player.photo.name, player.photo_rendition.name}
    with django_capture_on_commit_callbacks(execute=True):
        post_photo(editor_client, player, SimpleUploadedFile("b.png", png(600, 800)))
    player.refresh_from_db()
    root = settings.MEDIA_ROOT
    names = {path.relative_to(root).as_posix() for path in stored_files(root)}
    assert names == {player.photo.name, player.photo_rendition.name}
    assert not names & first


def test_a_full_disk_is_a_clear_error_and_leaves_nothing(editor_client, player, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_photos.FullDiskStorage"},
    }
    upload = SimpleUploadedFile("keeper.png", png(800, 600), content_type="image/png")
    response = post_photo(editor_client, player, upload)
    assert response.status_code == 507
    assert b"Nothing was saved" in response.content
    assert stored_files(settings.MEDIA_ROOT) == []
    player.refresh_from_db()
    assert not player.photo


class FullDiskStorage:
    """Writes half of each file, then fails as a full disk does."""

    def __new__(cls, *args, **kwargs):
        import errno

        from core.storage import AtomicFileSystemStorage

        class _Full(AtomicFileSystemStorage):
            def _write(self, target, content):
                target.write(next(iter(content.chunks()))[:100])
                raise OSError(errno.ENOSPC, "No space left on device")

        return _Full(*args, **kwargs)
