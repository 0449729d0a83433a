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
