"""An import run in the background: what was uploaded, how far it got, what it did."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One run of the importer (a dry run or the real import) queued from the admin.

    The files wait in MEDIA_ROOT/imports/pending/<token>/ (``files`` holds their names and
    checksums); the worker writes the state, the progress and each document's report here,
    so the editor's page reads them whatever task backend runs the job.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=64, db_index=True)  # the pending folder
    dry_run = models.BooleanField(default=True)
    confirmed = models.BooleanField(default=False)  # a dry run whose import was queued
    files = models.JSONField(default=list)  # [{"name", "sha256", "index"}]
    refused = models.JSONField(default=list)  # reports of files refused at the upload
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failures = models.PositiveIntegerField(default=0)
    documents = models.JSONField(default=list)  # each document's report, when done
    error = models.TextField(blank=True)  # the job itself failed (a bug, not a document)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        kind = "dry run" if self.dry_run else "import"
        return f"{kind} of {len(self.files)} document(s), {self.state}"

    def get_absolute_url(self) -> str:
        return reverse("admin:sources_sourcedocument_upload_job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}
