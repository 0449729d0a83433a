"""Import source documents (biographies, interviews) into the player database.

    python manage.py import_seeds                 # the seeds/ folder
    python manage.py import_seeds a.txt docs/     # files and folders
    python manage.py import_seeds --dry-run       # report what would change, write nothing

Each document is imported in its own transaction: one that fails leaves nothing behind
and the others still import; the exit status is 1 if any failed. An unchanged document
whose records nobody edited since is skipped; --force re-runs the full merge (it restores
records deleted since). A field an editor changed in the admin keeps the editor's value
and is listed as a conflict. -v 0 prints only failures, -v 2 every warning and conflict,
-v 3 the traceback of an internal error.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError, connection

from imports.importer import DocumentReport, ImportReport, import_documents, read_paths
from imports.importer.report import ACTIONS

PROGRESS_FROM = 50  # documents: show a progress line on longer runs


def database_unreachable(error: Exception) -> str:
    """One line that names the database (never its password) and the driver's reason."""
    db = connection.settings_dict
    where = (
        db.get("NAME")
        if db["ENGINE"].endswith("sqlite3")
        else (
            f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 'default port'}/{db.get('NAME')}"
        )
    )
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return f"cannot reach the database {where} (DATABASE_URL): {reason}"


class Command(BaseCommand):
    help = "Import biographies and interviews (files or folders; default: seeds/)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="*", help="files or folders (default: seeds/)")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change, write nothing"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="merge unchanged documents again (restores records deleted since)",
        )

    def handle(self, *args, paths: list[str], dry_run: bool, force: bool, **options) -> None:
        self.verbosity = options["verbosity"]
        uploads = read_paths(paths or [Path(settings.BASE_DIR) / "seeds"])
        if not uploads:
            raise CommandError("no documents found in " + ", ".join(paths or ["seeds/"]))
        for unreadable in uploads:
            if isinstance(unreadable, DocumentReport):
                self.document(unreadable)
        step = max(1, len(uploads) // 20)

        def progress(number: int, count: int, report: DocumentReport) -> None:
            if report.failed or self.verbosity >= 2 or count < PROGRESS_FROM:
                self.document(report)
            elif self.verbosity >= 1 and (number % step == 0 or number == count):
                self.stdout.write(f"  … {number}/{count} documents")

        try:
            result = import_documents(
                uploads=uploads, dry_run=dry_run, force=force, progress=progress
            )
        except (OperationalError, InterfaceError) as error:
            raise CommandError(database_unreachable(error)) from None
        self.summary(result)
        if result.failed:
            raise CommandError(
                f"{len(result.failed)} of {len(result.documents)} documents failed", returncode=1
            )

    # --- output ---------------------------------------------------------------------------

    def document(self, report: DocumentReport) -> None:
        style = self.style
        if report.failed:
            for error in report.errors:
                where = report.where(error.line)
                self.stderr.write(style.ERROR(f"✗ {where}: {error.text}"))
            if self.verbosity >= 3 and report.traceback:
                self.stderr.write(report.traceback)
            return
        if self.verbosity < 1:
            return
        status = {"new": style.SUCCESS, "changed": style.WARNING}.get(
            report.status, lambda text: text
        )
        verb = "would be " if report.dry_run and report.status != "unchanged" else ""
        self.stdout.write(
            f"{status('✓')} {report.file_name} [{report.kind}, {report.language or '?'}] "
            f"{verb}{report.status}: {counts_line(report)}"
        )
        if self.verbosity >= 2:
            for name in sorted(report.counts):
                counter = report.counts[name]
                parts = ", ".join(f"{counter[a]} {a}" for a in ACTIONS if counter[a])
                self.stdout.write(f"    {name}: {parts}")
        for warning in report.warnings if self.verbosity >= 1 else ():
            self.stdout.write(
                style.WARNING(f"    warning: {report.where(warning.line)}: {warning.text}")
            )
        for conflict in report.conflicts:
            where = f" (line {conflict.line})" if conflict.line else ""
            if conflict.diff:  # long text: what differs, not both texts
                diff = conflict.diff.replace("\n", "\n        ")
                message = (
                    f"    conflict: {conflict.record} {conflict.field}{where}: kept the "
                    f"editor's text; the document differs:\n        {diff}"
                )
            else:
                message = (
                    f"    conflict: {conflict.record} {conflict.field}: kept the editor's "
                    f"“{conflict.editor_value}”, the document says “{conflict.document_value}”"
                    + where
                )
            self.stdout.write(style.NOTICE(message))

    def summary(self, result: ImportReport) -> None:
        if self.verbosity < 1:
            return
        statuses = result.by_status()
        head = "Dry run, nothing written: " if result.dry_run else ""
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                f"{head}{len(result.documents)} documents: "
                + ", ".join(f"{statuses[s]} {s}" for s in ("new", "changed", "unchanged", "failed"))
            )
        )
        for kind, records in sorted(result.by_kind().items()):
            self.stdout.write(f"  {kind}:")
            for name in sorted(records):
                counter = records[name]
                parts = ", ".join(f"{counter[a]} {a}" for a in ACTIONS if counter[a])
                self.stdout.write(f"    {name}: {parts}")


def counts_line(report: DocumentReport) -> str:
    totals = report.totals()
    parts = [f"{totals[a]} {a}" for a in ACTIONS if totals[a]]
    extra = []
    if report.warnings:
        extra.append(f"{len(report.warnings)} warnings")
    if report.conflicts:
        extra.append(f"{len(report.conflicts)} conflicts")
    return ", ".join(parts + extra) or "nothing to import"
