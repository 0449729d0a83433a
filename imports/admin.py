"""Source documents in the admin, and the upload: documents → dry-run report → confirm → result."""

import hashlib
import secrets
from pathlib import Path

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from imports.importer import DocumentReport, Upload, failed_report, import_documents
from imports.parsing import MAX_BYTES, size_message
from sources.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("file_name", "kind", "language", "imported_at", "last_seen_at")
    list_filter = ("kind", "language")
    search_fields = ("file_name", "checksum")
    readonly_fields = (
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

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self) -> list:
        upload = self.admin_site.admin_view(UploadViews(self))
        return [path("upload/", upload, name="sources_sourcedocument_upload"), *super().get_urls()]


# --- upload: documents → dry-run report → confirm → result --------------------------------

UPLOAD_SESSION_KEY = "kader_pending_import"
UPLOAD_FOLDER = "imports/pending"


def _pending_path(token: str, index: int) -> str:
    return f"{UPLOAD_FOLDER}/{token}/{index}"


class UploadViews:
    """Editors (sources.add_sourcedocument) import documents through the admin.

    The uploaded files wait in MEDIA_ROOT/imports/pending/<token>/ between the dry run and
    the confirmation (the session holds only names and checksums), then are deleted.
    """

    def __init__(self, model_admin: admin.ModelAdmin) -> None:
        self.model_admin = model_admin

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
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
        token = secrets.token_hex(16)
        pending, uploads = [], []
        refused: list[DocumentReport] = []
        for index, upload in enumerate(files):
            name = Path(upload.name or "document").name
            if upload.size is not None and upload.size > MAX_BYTES:
                refused.append(failed_report(name, size_message(upload.size)))
                continue
            data = upload.read(MAX_BYTES + 1)
            default_storage.save(_pending_path(token, index), ContentFile(data))
            pending.append(
                {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "index": index}
            )
            uploads.append(Upload(file_name=name, data=data))
        request.session[UPLOAD_SESSION_KEY] = {"token": token, "files": pending}
        result = import_documents(uploads=[*refused, *uploads], dry_run=True, user=request.user)
        return self.render(request, "preview", result=result, token=token)

    def confirm(self, request: HttpRequest) -> HttpResponse:
        pending = request.session.pop(UPLOAD_SESSION_KEY, None)
        if not pending or pending["token"] != request.POST.get("token"):
            return self.render(
                request, "upload", error=_("The upload has expired; choose the documents again.")
            )
        uploads: list[Upload | DocumentReport] = []
        for position, file in enumerate(pending["files"]):
            path = _pending_path(pending["token"], file.get("index", position))
            try:
                with default_storage.open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                uploads.append(
                    failed_report(
                        file["name"], str(_("no longer waiting on the server; choose it again"))
                    )
                )
                continue
            default_storage.delete(path)
            if hashlib.sha256(data).hexdigest() == file["sha256"]:
                uploads.append(Upload(file_name=file["name"], data=data))
            else:
                uploads.append(
                    failed_report(
                        file["name"], str(_("changed on the server since the check; not imported"))
                    )
                )
        result = import_documents(uploads=uploads, user=request.user)
        if result.failed:
            messages.warning(request, _("Some documents could not be imported."))
        else:
            messages.success(request, _("The documents were imported."))
        return self.render(request, "result", result=result)
