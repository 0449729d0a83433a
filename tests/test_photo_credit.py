"""A player's photo carries its credit and a description for readers who cannot see it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import html

pytestmark = pytest.mark.django_db


def png() -> SimpleUploadedFile:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "green").save(buffer, "PNG")
    return SimpleUploadedFile("keeper.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def photographed(player, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    player.photo = png()
    player.save()
    player.refresh_from_db()
    assert player.photo_rendition
    return player


def test_the_profile_shows_the_credit_and_the_description_as_alt(client, photographed):
    photographed.photo_credit = "Jane Doe / <Agentur>"
    photographed.photo_alt = "Keeper diving to his left"
    photographed.save()
    page = html(client.get(photographed.get_absolute_url()))
    assert 'alt="Keeper diving to his left"' in page
    assert "Photo: Jane Doe / &lt;Agentur&gt;</figcaption>" in page


def test_without_a_description_the_alt_names_the_player(client, photographed):
    page = html(client.get(photographed.get_absolute_url()))
    assert f'alt="Photo of {photographed.name}"' in page
    assert "figcaption" not in page


def test_the_admin_edits_credit_and_description_beside_the_preview(admin_client, photographed):
    page = html(admin_client.get(f"/admin/players/player/{photographed.pk}/change/"))
    assert 'name="photo_credit"' in page
    assert 'name="photo_alt"' in page
