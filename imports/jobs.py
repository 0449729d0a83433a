"""Imports as background jobs: uploads wait in storage, a task worker runs the importer.

    store_upload(files, user=...) -> ImportJob       # the web request: stream to disk, queue
    queue_import(preview=job, user=...) -> ImportJob  # the editor confirmed a dry run
    run_job(job_id)                                   # the worker (imports.tasks.run_import)
    remove_expired_uploads() -> int                   # pending folders older than the limit

The web request never imports: it writes the files in chunks to
MEDIA_ROOT/imports/pending/<token>/ and queues a job; the editor's page reads the job's
state and report from the database.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import shutil
import traceback
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imports.importer import DocumentReport, StoredUpload, failed_report, import_documents
from imports.models import ImportJob
from imports.parsing import MAX_BYTES, size_message

logger = logging.getLogger(__name__)

PENDING_FOLDER = "imports/pending"
CHUNK = 64 * 1024


def pending_path(token: str, index: int) -> str:
    return f"{PENDING_FOLDER}/{token}/{index}"


def store_upload(files: Iterable[UploadedFile], *, user) -> ImportJob:
    """Write each file to the pending folder in chunks (hashing as it goes) and queue a dry
    run. A file over the size limit is refused here and listed in the report."""
    token = secrets.token_hex(16)
    pending, refused = [], []
    for index, upload in enumerate(files):
        name = Path(upload.name or "document").name
        if upload.size is not None and upload.size > MAX_BYTES:
            refused.append(failed_report(name, size_message(upload.size)).as_dict())
            continue
        digest = hashlib.sha256()
        path = Path(default_storage.path(pending_path(token, index)))
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            for chunk in upload.chunks(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        pending.append({"name": name, "sha256": digest.hexdigest(), "index": index})
    job = ImportJob.objects.create(
        user=user, token=token, dry_run=True, files=pending, refused=refused, total=len(pending)
    )
    _enqueue(job)
    return job


def queue_import(*, preview: ImportJob, user) -> ImportJob:
    """The editor confirmed a finished dry run: queue the real import of the same files."""
    with transaction.atomic():
        claimed = ImportJob.objects.filter(pk=preview.pk, confirmed=False).update(confirmed=True)
        if not claimed:
            raise ValueError("this dry run was already confirmed")
        job = ImportJob.objects.create(
            user=user,
            token=preview.token,
            dry_run=False,
            files=preview.files,
            refused=preview.refused,
            total=len(preview.files),
        )
    _enqueue(job)
    return job


def _enqueue(job: ImportJob) -> None:
    from imports.tasks import run_import  # the task module imports this one

    run_import.enqueue(str(job.pk))


def expired(job: ImportJob) -> bool:
    limit = timedelta(hours=settings.KADER_PENDING_IMPORT_HOURS)
    return job.created_at < timezone.now() - limit


# The job's row is written inside the import's batches, so the editor's bar moves when a
# batch commits: at least every this many documents (or every BATCH_SECONDS of the import).
PROGRESS_EVERY = 50


def run_job(job_id: str) -> None:
    """Run one queued job: read the pending files one at a time, import (or dry-run)
    them, and write the progress and each document's report onto the job."""
    remove_expired_uploads()
    job = ImportJob.objects.get(pk=job_id)
    if job.state != ImportJob.State.QUEUED:
        return  # already run (a task delivered twice)
    job.state = ImportJob.State.RUNNING
    job.save(update_fields=["state", "updated_at"])
    try:
        uploads: list[StoredUpload | DocumentReport] = [
            DocumentReport.from_dict(r) for r in job.refused
        ]
        for file in job.files:
            uploads.append(_checked(job.token, file))
        failures = 0

        def progress(number: int, total: int, report: DocumentReport) -> None:
            # The row is visible once the real import commits its batch; a dry run rolls
            # back one transaction at the end, so its progress also goes to the cache.
            nonlocal failures
            failures += report.failed
            ImportJob.objects.filter(pk=job.pk).update(done=number, failures=failures)
            _remember_progress(job, number, failures)

        result = import_documents(
            uploads=uploads,
            dry_run=job.dry_run,
            progress=progress,
            user=job.user,
            batch_documents=PROGRESS_EVERY,
        )
        job.documents = [report.as_dict() for report in result.documents]
        job.done = len(job.files)
        job.failures = len(result.failed)
        job.state = ImportJob.State.DONE
    except Exception as error:  # a bug: the editor sees the job failed, the log has why
        logger.exception("import job %s failed", job.pk)
        job.state = ImportJob.State.FAILED
        job.error = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=5)}"
    job.save()
    if not job.dry_run:
        shutil.rmtree(default_storage.path(f"{PENDING_FOLDER}/{job.token}"), ignore_errors=True)


def _checked(token: str, file: dict) -> StoredUpload | DocumentReport:
    """The pending file, or a failed report when it vanished or changed since the upload."""
    path = pending_path(token, file["index"])
    digest = hashlib.sha256()
    try:
        with default_storage.open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
    except OSError:
        return failed_report(file["name"], _("no longer waiting on the server; choose it again"))
    if digest.hexdigest() != file["sha256"]:
        return failed_report(file["name"], _("changed on the server since the check; not imported"))
    return StoredUpload(file_name=file["name"], path=path)


def remove_expired_uploads(*, now=None) -> int:
    """Delete pending folders older than KADER_PENDING_IMPORT_HOURS; the number removed."""
    root = Path(default_storage.path(PENDING_FOLDER))
    if not root.is_dir():
        return 0
    limit = (now or timezone.now()) - timedelta(hours=settings.KADER_PENDING_IMPORT_HOURS)
    removed = 0
    for folder in root.iterdir():
        if datetime.fromtimestamp(folder.stat().st_mtime, tz=UTC) < limit:
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.unlink()
            removed += 1
    return removed


def _progress_key(job: ImportJob) -> str:
    return f"kader:import-job:{job.pk}:progress"


def _cache_shows_progress() -> bool:
    """False for the database cache: its writes wait for the import's transaction as the
    job row's do, so they would show nothing sooner and cost 5 queries per document."""
    return not isinstance(caches[DEFAULT_CACHE_ALIAS], DatabaseCache)


def _remember_progress(job: ImportJob, done: int, failures: int) -> None:
    """The progress in the shared cache too, where the page sees it during a dry run (whose
    writes to the job row wait for its end); not with the database cache, which waits too
    (the page shows the row's figures)."""
    if not _cache_shows_progress():
        return
    try:
        cache.set(_progress_key(job), (done, failures), timeout=24 * 3600)
    except Exception:  # progress is a courtesy: never fail an import for it
        logger.warning("the import progress could not be cached", exc_info=True)


def live_progress(job: ImportJob) -> tuple[int, int]:
    """(documents done, failures so far): the newer of the job's row and the cache."""
    if not _cache_shows_progress():
        return job.done, job.failures
    try:
        cached = cache.get(_progress_key(job))
    except Exception:
        cached = None
    if isinstance(cached, tuple) and not job.finished and cached[0] > job.done:
        return int(cached[0]), int(cached[1])
    return job.done, job.failures
