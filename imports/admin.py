"""Source documents in the admin, and the upload: documents → dry-run report → confirm → result."""

from typing import cast
from uuid import UUID

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from imports.importer import DocumentReport, ImportReport
from imports.jobs import expired, live_progress, queue_import, store_upload
from imports.models import ImportJob
from imports.parsing import MAX_BYTES
from sources.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("document", "kind", "language", "published", "imported_at", "last_seen_at")
    list_filter = ("kind", "language")
    search_fields = ("title", "outlet", "file_name", "checksum")
    readonly_fields = (
        "title",
        "outlet",
        "published",
        "file_name",
        "checksum",
        "kind",
        "language",
        "imported_at",
        "last_seen_at",
        "report",
        "text",
    )

    change_list_template = "admin/sources/sourcedocument/change_list.html"
    show_full_result_count = False  # no second COUNT(*) over every document per page

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("document"), ordering="title")
    def document(self, obj: SourceDocument) -> str:
        return obj.label

    def get_urls(self) -> list:
        upload = self.admin_site.admin_view(UploadViews(self))
        return [
            path("upload/", upload, name="sources_sourcedocument_upload"),
            path("upload/<uuid:job_id>/", upload, name="sources_sourcedocument_upload_job"),
            path(
                "upload/<uuid:job_id>/progress/",
                self.admin_site.admin_view(UploadViews(self).progress),
                name="sources_sourcedocument_upload_progress",
            ),
            *super().get_urls(),
        ]


# --- upload: documents → dry-run report → confirm → result, each run a background job ---


def editor(request: HttpRequest) -> User:
    return cast(User, request.user)  # admin_view lets only logged-in staff through


# The job's page asks for its progress every POLL_SECONDS (a static script, CSP-safe) and
# reloads once when the report is there; without scripts it reloads every REFRESH_SECONDS.
POLL_SECONDS = 1
REFRESH_SECONDS = 2


class UploadViews:
    """Editors (sources.add_sourcedocument) import documents through the admin.

    No request imports: the upload is streamed to MEDIA_ROOT/imports/pending/<token>/ and a
    dry-run job is queued; the job's page reloads itself until the report is there; the
    confirmation queues the real import of the same files (see imports.jobs).
    """

    def __init__(self, model_admin: admin.ModelAdmin) -> None:
        self.model_admin = model_admin

    def __call__(self, request: HttpRequest, job_id: UUID | None = None) -> HttpResponse:
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        if job_id is not None:
            return self.job(request, job_id)
        if request.method == "POST" and request.POST.get("confirm"):
            return self.confirm(request)
        if request.method == "POST":
            return self.preview(request)
        return self.render(request, "upload")

    def render(self, request: HttpRequest, step: str, **context) -> HttpResponse:
        opts = self.model_admin.model._meta
        return TemplateResponse(
            request,
            "admin/sources/sourcedocument/upload.html",
            {
                **self.model_admin.admin_site.each_context(request),
                "opts": opts,
                "title": _("Import documents"),
                "step": step,
                "max_mb": MAX_BYTES // (1024 * 1024),
                **context,
            },
        )

    def preview(self, request: HttpRequest) -> HttpResponse:
        files = request.FILES.getlist("documents")
        if not files:
            return self.render(request, "upload", error=_("Choose one or more documents."))
        job = store_upload(files, user=request.user)
        return redirect(job)

    @staticmethod
    def own_job(request: HttpRequest, job_id: UUID) -> ImportJob:
        """The job, if it is this editor's (a superuser sees every job); else 404."""
        jobs = ImportJob.objects.all()
        if not request.user.is_superuser:
            jobs = jobs.filter(user=editor(request))
        return get_object_or_404(jobs, pk=job_id)

    def progress(self, request: HttpRequest, job_id: UUID) -> JsonResponse:
        """The job's progress as JSON, for the waiting page's script: one indexed read."""
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        job = self.own_job(request, job_id)
        done, failures = live_progress(job)
        total = job.total
        text: str
        if job.state == ImportJob.State.QUEUED:
            text = str(_("Queued: waiting for the import worker."))
        else:
            text = ngettext(
                "Running: %(done)s of %(total)s document",
                "Running: %(done)s of %(total)s documents",
                total,
            ) % {"done": done, "total": total}
            if failures:
                text += ", " + ngettext("%(failures)s failed", "%(failures)s failed", failures) % {
                    "failures": failures
                }
        return JsonResponse(  # admin_view marks it never to be cached
            {
                "state": job.state,
                "done": done,
                "total": total,
                "failures": failures,
                "finished": job.finished,
                "text": str(text),
            }
        )

    def job(self, request: HttpRequest, job_id: UUID) -> HttpResponse:
        job = self.own_job(request, job_id)
        if not job.finished:
            done, failures = live_progress(job)  # what the progress JSON says: a dry run's too
            return self.render(
                request, "waiting", job=job, done=done, failures=failures,
                refresh_seconds=REFRESH_SECONDS, poll_seconds=POLL_SECONDS,
            )  # fmt: skip
        result = ImportReport(
            documents=[DocumentReport.from_dict(d, dry_run=job.dry_run) for d in job.documents],
            dry_run=job.dry_run,
        )
        error = _("The import stopped with an internal error.") if job.error else None
        if job.dry_run:
            stale = job.confirmed or expired(job)
            return self.render(
                request, "preview", job=job, result=result, token=job.token, stale=stale,
                error=error,
            )  # fmt: skip
        if job.error or result.failed:
            messages.warning(request, _("Some documents could not be imported."))
        else:
            messages.success(request, _("The documents were imported."))
        return self.render(request, "result", job=job, result=result, error=error)

    def confirm(self, request: HttpRequest) -> HttpResponse:
        preview = ImportJob.objects.filter(
            token=request.POST.get("token", ""),
            user=editor(request),
            dry_run=True,
            state=ImportJob.State.DONE,
            confirmed=False,
        ).first()
        if preview is None or expired(preview):
            return self.render(
                request, "upload", error=_("The upload has expired; choose the documents again.")
            )
        try:
            job = queue_import(preview=preview, user=request.user)
        except ValueError:  # confirmed twice at once
            return self.render(
                request, "upload", error=_("The upload has expired; choose the documents again.")
            )
        return redirect(job)
