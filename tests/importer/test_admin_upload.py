"""An editor uploads documents in the admin: dry-run report, confirm, result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from players.models import Player
from sources.models import SourceDocument

from .documents import SEEDS, database_state

UPLOAD = "admin:sources_sourcedocument_upload"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def files() -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]


def test_an_editor_checks_then_imports_documents(editor_client, media):
    assert editor_client.get(reverse(UPLOAD)).status_code == 200
    before = database_state()
    preview = editor_client.post(reverse(UPLOAD), {"documents": files()}, follow=True)
    assert preview.status_code == 200
    assert b"Dry run: nothing has been written yet" in preview.content
    assert b"would be" in preview.content
    assert database_state() == before
    token = preview.context["token"]
    result = editor_client.post(reverse(UPLOAD), {"confirm": "1", "token": token}, follow=True)
    assert result.status_code == 200
    assert Player.objects.filter(full_name="Mio Backhaus").exists()
    assert SourceDocument.objects.count() == 3
    assert [d.status for d in result.context["result"].documents] == ["new"] * 3
    history = Player.history.get(full_name="Mio Backhaus")
    assert history.history_type == "+"


def test_a_bad_file_is_reported_in_the_preview(editor_client):
    bad = SimpleUploadedFile("broken.txt", b"\xff\xfe\x00\x00binary")
    preview = editor_client.post(reverse(UPLOAD), {"documents": [bad]}, follow=True)
    assert preview.status_code == 200
    assert b"broken.txt" in preview.content
    assert b"binary" in preview.content


def test_a_confirmation_without_a_pending_upload_imports_nothing(editor_client):
    response = editor_client.post(reverse(UPLOAD), {"confirm": "1", "token": "nope"})
    assert b"expired" in response.content
    assert not SourceDocument.objects.exists()


def test_the_changelist_offers_the_upload(editor_client):
    response = editor_client.get(reverse("admin:sources_sourcedocument_changelist"))
    assert reverse(UPLOAD).encode() in response.content


def test_a_stranger_cannot_upload(client, stranger):
    client.force_login(stranger)
    response = client.post(reverse(UPLOAD), {"documents": files()})
    assert response.status_code == 302
    assert not SourceDocument.objects.exists()


def pending_files(media) -> list:
    return sorted(p for p in (media / "imports" / "pending").rglob("*") if p.is_file())


def test_a_file_changed_while_pending_is_reported_not_imported(editor_client, settings):
    preview = editor_client.post(reverse(UPLOAD), {"documents": files()[:1]}, follow=True)
    (pending,) = pending_files(settings.MEDIA_ROOT)
    pending.write_bytes(pending.read_bytes() + b"\n| tampered |")
    result = editor_client.post(
        reverse(UPLOAD), {"confirm": "1", "token": preview.context["token"]}, follow=True
    )
    assert result.status_code == 200
    assert b"changed on the server since the check" in result.content
    assert b"The documents were imported." not in result.content
    assert not SourceDocument.objects.exists()


def test_a_pending_file_that_vanished_is_reported_not_a_500(editor_client, settings):
    preview = editor_client.post(reverse(UPLOAD), {"documents": files()[:1]}, follow=True)
    for path in pending_files(settings.MEDIA_ROOT):
        path.unlink()
    result = editor_client.post(
        reverse(UPLOAD), {"confirm": "1", "token": preview.context["token"]}, follow=True
    )
    assert result.status_code == 200
    assert b"no longer waiting on the server" in result.content
    assert not SourceDocument.objects.exists()


def test_an_oversized_upload_is_reported_in_megabytes(editor_client, settings):
    big = SimpleUploadedFile("big.txt", b"x" * (11 * 1024 * 1024))
    preview = editor_client.post(reverse(UPLOAD), {"documents": [big]}, follow=True)
    assert preview.status_code == 200
    assert b"11.0 MB, over 10 MB" in preview.content
