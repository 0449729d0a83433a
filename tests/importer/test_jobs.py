"""Imports run as background jobs: the request stores and queues, a worker imports."""

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.tasks import task_backends
from django.tasks.backends.dummy import DummyBackend
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db import DatabaseBackend

from imports.models import ImportJob
from players.models import Player
from sources.models import SourceDocument

from .documents import SEEDS

UPLOAD = "admin:sources_sourcedocument_upload"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def no_worker():
    """Tasks are queued and nobody runs them, as when the worker is stopped."""
    task_backends["default"] = DummyBackend(alias="default", params={})


@pytest.fixture
def database_queue():
    """The real backend: tasks wait in the database until db_worker runs them."""
    task_backends["default"] = DatabaseBackend(alias="default", params={"QUEUES": ["default"]})


def seed_files(count: int = 3) -> list[SimpleUploadedFile]:
    paths = sorted(SEEDS.glob("*.txt"))[:count]
    return [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths]


def pending_files(media) -> list:
    return sorted(p for p in (media / "imports" / "pending").rglob("*") if p.is_file())


def test_the_upload_request_stores_and_queues_without_importing(editor_client, media, no_worker):
    response = editor_client.post(reverse(UPLOAD), {"documents": seed_files()})
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert (job.state, job.dry_run, job.total) == ("queued", True, 3)
    assert len(pending_files(media)) == 3
    assert not SourceDocument.objects.exists()


def test_the_job_page_says_queued_and_follows_the_job(editor_client, no_worker):
    editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)})
    job = ImportJob.objects.get()
    page = editor_client.get(job.get_absolute_url())
    assert page.status_code == 200
    assert b'data-state="queued"' in page.content
    # A script asks for the progress; without scripts the page reloads itself.
    assert b'<noscript><meta http-equiv="refresh" content="2"></noscript>' in page.content
    assert b"imports/job-progress" in page.content
    assert f'data-progress-url="{job.get_absolute_url()}progress/"'.encode() in page.content
    assert b"<script>" not in page.content  # nothing inline for the CSP to refuse


def test_the_progress_answers_json_for_the_page_script(editor_client, no_worker):
    editor_client.post(reverse(UPLOAD), {"documents": seed_files()})
    job = ImportJob.objects.get()
    url = f"{job.get_absolute_url()}progress/"
    assert editor_client.get(url).json() == {
        "state": "queued", "done": 0, "total": 3, "failures": 0, "finished": False,
        "text": "Queued: waiting for the import worker.",
    }  # fmt: skip
    ImportJob.objects.update(state="running", done=2, failures=1)
    progress = editor_client.get(url)
    assert "no-store" in progress["Cache-Control"]
    assert progress.json()["text"] == "Running: 2 of 3 documents, 1 failed"
    ImportJob.objects.update(state="done", done=3)
    assert editor_client.get(url).json()["finished"] is True


def test_another_editors_progress_is_not_shown(editor_client, django_user_model, no_worker):
    editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)})
    job = ImportJob.objects.get()
    other = django_user_model.objects.create_user("other", is_staff=True)
    other.groups.set(job.user.groups.all())
    client = Client()
    client.force_login(other)
    assert client.get(f"{job.get_absolute_url()}progress/").status_code == 404
    assert Client().get(f"{job.get_absolute_url()}progress/").status_code == 302  # to login


def test_the_job_page_shows_progress_while_running(editor_client, no_worker):
    editor_client.post(reverse(UPLOAD), {"documents": seed_files()})
    ImportJob.objects.update(state="running", done=2, failures=1)
    page = editor_client.get(ImportJob.objects.get().get_absolute_url())
    assert b'data-state="running"' in page.content
    assert b"2 of 3 documents" in page.content
    assert b"1 failed" in page.content


def test_the_dry_run_report_lists_its_rows(editor_client):
    page = editor_client.post(reverse(UPLOAD), {"documents": seed_files()}, follow=True)
    report = page.content.decode().split('class="module import-report"')[1]
    rows = report.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr>") >= 3
    assert "<tr><td>player</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>" in rows
    assert not Player.objects.exists()


def test_the_result_report_lists_its_rows(editor_client):
    preview = editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)}, follow=True)
    result = editor_client.post(
        reverse(UPLOAD), {"confirm": "1", "token": preview.context["token"]}, follow=True
    )
    assert b"<tr><td>player</td><td>1</td>" in result.content
    assert Player.objects.count() == 1


def test_a_check_cannot_be_confirmed_twice(editor_client):
    preview = editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)}, follow=True)
    confirm = {"confirm": "1", "token": preview.context["token"]}
    editor_client.post(reverse(UPLOAD), confirm)
    again = editor_client.post(reverse(UPLOAD), confirm)
    assert b"expired" in again.content
    assert ImportJob.objects.filter(dry_run=False).count() == 1


def test_an_expired_check_cannot_be_confirmed(editor_client, settings):
    preview = editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)}, follow=True)
    settings.KADER_PENDING_IMPORT_HOURS = 0
    page = editor_client.get(ImportJob.objects.get().get_absolute_url())
    assert b"has expired" in page.content
    response = editor_client.post(
        reverse(UPLOAD), {"confirm": "1", "token": preview.context["token"]}
    )
    assert b"The upload has expired; choose the documents again." in response.content
    assert not SourceDocument.objects.exists()


def test_another_editors_job_is_not_shown(editor_client, django_user_model, no_worker):
    editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)})
    other = django_user_model.objects.create_user("other", is_staff=True)
    other.groups.set(ImportJob.objects.get().user.groups.all())
    client = Client()
    client.force_login(other)
    assert client.get(ImportJob.objects.get().get_absolute_url()).status_code == 404


def test_expired_pending_uploads_are_removed(editor_client, media, settings, no_worker):
    editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)})
    editor_client.post(reverse(UPLOAD), {"documents": seed_files(1)})
    old, fresh = sorted((media / "imports" / "pending").iterdir(), key=lambda p: p.name)
    long_ago = time.time() - (settings.KADER_PENDING_IMPORT_HOURS + 1) * 3600
    os.utime(old, (long_ago, long_ago))
    call_command("remove_expired_uploads", verbosity=0)
    assert not old.exists()
    assert fresh.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_the_check_and_the_import(editor_client, media, database_queue):
    """The real path: the task waits in the database until `db_worker` runs it."""
    editor_client.post(reverse(UPLOAD), {"documents": seed_files()})
    job = ImportJob.objects.get()
    assert job.state == "queued"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    job.refresh_from_db()
    assert (job.state, job.done, job.failures) == ("done", 3, 0)
    assert not SourceDocument.objects.exists()  # a dry run

    editor_client.post(reverse(UPLOAD), {"confirm": "1", "token": job.token})
    imported = ImportJob.objects.get(dry_run=False)
    assert imported.state == "queued"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    imported.refresh_from_db()
    assert imported.state == "done"
    assert SourceDocument.objects.count() == 3
    assert Player.objects.filter(full_name="Mio Backhaus").exists()
    assert pending_files(media) == []  # the import removes its files
    page = editor_client.get(imported.get_absolute_url())
    assert b"The documents were imported." in page.content


def test_an_upload_of_200_documents_is_accepted(editor_client, no_worker):
    """Django stops at 100 files a request by default (a bare 400); a season's documents
    come in one upload (KADER_MAX_UPLOAD_FILES, 1,000 by default)."""
    data = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes()
    files = [SimpleUploadedFile(f"doc{n:03}.txt", data + b"\n" * n) for n in range(200)]
    response = editor_client.post(reverse(UPLOAD), {"documents": files})
    assert response.status_code == 302
    assert ImportJob.objects.get().total == 200


def test_a_dry_runs_progress_shows_while_its_transaction_is_open(editor_client, no_worker):
    """A dry run writes its progress to the job row inside the transaction it rolls back
    at the end; the page reads the progress the run also keeps in the shared cache."""
    from imports.jobs import _remember_progress

    editor_client.post(reverse(UPLOAD), {"documents": seed_files()})
    job = ImportJob.objects.get()
    ImportJob.objects.update(state="running")
    _remember_progress(job, 2, 1)  # what the worker's dry run reports mid-run
    progress = editor_client.get(f"{job.get_absolute_url()}progress/").json()
    assert (progress["done"], progress["failures"]) == (2, 1)
    assert progress["text"] == "Running: 2 of 3 documents, 1 failed"
    # The page itself (and its reload without scripts) shows the same figures.
    page = editor_client.get(job.get_absolute_url()).content.decode()
    assert "2 of 3 documents, 1 failed." in " ".join(page.split())
    assert 'value="2"' in page


def test_the_database_cache_is_not_asked_for_progress(editor_client, no_worker):
    """The database cache's writes wait for the import's transaction like the job row's: the
    run writes its progress only to the row, and the page reads only the row."""
    from imports.jobs import _remember_progress, live_progress

    editor_client.post(reverse(UPLOAD), {"documents": seed_files()})
    job = ImportJob.objects.get()
    database_cache = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "c"}
    with (
        override_settings(CACHES={"default": database_cache}),
        CaptureQueriesContext(connection) as queries,
    ):
        _remember_progress(job, 2, 1)
        assert live_progress(job) == (0, 0)
    assert len(queries) == 0


def test_the_dry_run_opens_with_a_summary_and_the_import_button(editor_client):
    page = editor_client.post(reverse(UPLOAD), {"documents": seed_files()}, follow=True)
    content = " ".join(page.content.decode().split())
    summary = content.index('class="module import-summary"')
    first_document = content.index('class="module import-report"')
    assert "3 documents: 3 new, 0 changed, 0 unchanged, 0 failed" in content
    # The editor confirms without scrolling past every document's table.
    assert content.index('name="confirm"') < summary < first_document
    totals = content[summary:first_document]
    assert "<td>player</td><td>1</td>" in totals
