"""Import source documents (biographies, interviews) into the player database.

    python manage.py import_seeds                 # the seeds/ folder
    python manage.py import_seeds a.txt docs/     # files and folders
    python manage.py import_seeds --dry-run       # report what would change, write nothing

Each document is imported in its own transaction: one that fails leaves nothing behind
and the others still import; the exit status is 1 if any failed. An unchanged document
whose records nobody edited since is skipped; --force re-runs the full merge (it restores
records deleted since). A field an editor or another document set keeps its value, and
the document's value is listed as a conflict that waits in the admin's conflicts queue.
-v 0 prints only failures, -v 2 every warning and conflict, -v 3 the traceback of an
internal error.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.db import InterfaceError, OperationalError, connection

from imports.importer import DocumentReport, ImportReport, import_documents, read_paths
from imports.importer.report import ACTIONS


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
        bar = ProgressBar(self.stdout) if self.verbosity >= 1 and self.stdout.isatty() else None

        def progress(number: int, count: int, report: DocumentReport) -> None:
            if bar is None:  # a log or a pipe: one line per document
                self.document(report)
                return
            if report.failed or self.verbosity >= 2 or report.conflicts:
                bar.clear()
                self.document(report)
            bar.draw(number, count, failed=report.failed)

        try:
            result = import_documents(
                uploads=uploads, dry_run=dry_run, force=force, progress=progress
            )
        except (OperationalError, InterfaceError) as error:
            raise CommandError(database_unreachable(error)) from None
        if bar is not None:
            bar.clear()
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
            owner = f"“{conflict.source}”" if conflict.source else "an editor"
            queued = "already in the conflicts queue" if conflict.known else "queued for an editor"
            if conflict.diff:  # long text: what differs, not both texts
                diff = conflict.diff.replace("\n", "\n        ")
                message = (
                    f"    conflict ({queued}): {conflict.record} {conflict.field}{where}: kept "
                    f"the text {owner} gave; the document differs:\n        {diff}"
                )
            else:
                message = (
                    f"    conflict ({queued}): {conflict.record} {conflict.field}: kept "
                    f"“{conflict.editor_value}” from {owner}, the document says "
                    f"“{conflict.document_value}”" + where
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


class ProgressBar:
    """One self-rewriting terminal line: documents done, failures, rate and time left."""

    WIDTH = 24

    def __init__(self, out: OutputWrapper) -> None:
        self.out = out
        self.started = time.monotonic()
        self.failed = 0
        self.shown = False

    def draw(self, number: int, count: int, *, failed: bool = False) -> None:
        self.failed += failed
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = number / elapsed
        left = (count - number) / rate if rate else 0.0
        filled = round(self.WIDTH * number / count) if count else self.WIDTH
        failures = f" · {self.failed} failed" if self.failed else ""
        line = (
            f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {number}/{count} documents"
            f"{failures} · {rate:.1f}/s · {minutes(left)} left"
        )
        self.out.write("\r" + line + "\x1b[K", ending="")
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.out.write("\r\x1b[K", ending="")
            self.shown = False


def minutes(seconds: float) -> str:
    """0:07, 12:30 — the time left as a person reads it."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
