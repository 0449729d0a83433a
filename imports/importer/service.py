"""Import service: documents in, records out, one transaction (savepoint) per document."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from core.prepared import PreparedQuery
from imports.importer.budget import (
    BudgetedParser,
    Parsed,
    PendingParse,
    parser_for_thread,
    read_document,
)
from imports.importer.common import SharedReferences
from imports.importer.kinds import KINDS, import_order
from imports.importer.records import DocumentError, Invalid, Recorder, history_manager
from imports.importer.report import Conflict, DocumentReport, ImportReport, Message
from imports.parsing import MAX_BYTES, ParseError, decode_document, size_message
from imports.parsing.detect import looks_like_biography
from sources.models import Provenance, SourceDocument

logger = logging.getLogger(__name__)

# Documents are committed together (each still in its own savepoint) until a batch has
# held its transaction this long: one commit (one disk sync) for many documents, and an
# editor's save waits for one batch at most. By time, not by count, so a run of quick
# documents (unchanged ones, a few ms each) does not pause after every few hundred ms.
BATCH_SECONDS = 2.0
# On SQLite a writer waiting for the lock sleeps in steps of up to 100 ms; without a pause
# the next batch would take the lock again at once and an editor's save would wait for the
# whole import instead of one batch.
SQLITE_PAUSE_SECONDS = 0.15
Progress = Callable[[int, int, DocumentReport], None]


@dataclass(frozen=True, slots=True)
class Upload:
    """One document to import: its name and its bytes."""

    file_name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class StoredUpload:
    """A document waiting in storage (an admin upload), read only when it is its turn, so
    a run never holds the whole batch in memory."""

    file_name: str
    path: str  # in default_storage

    @property
    def data(self) -> bytes:
        with default_storage.open(self.path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)


@dataclass(frozen=True, slots=True)
class FileUpload:
    """A document in a file (the management command), read only when it is its turn."""

    file_name: str
    path: Path

    @property
    def data(self) -> bytes:
        with self.path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)  # enough to say it grew too big


AnyUpload = Upload | StoredUpload | FileUpload


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def failed_report(file_name: str, message: str) -> DocumentReport:
    """The report of a document refused before it was read (too big, unreadable…)."""
    report = DocumentReport(file_name=file_name, status="failed")
    report.errors.append(Message(None, message))
    return report


def read_paths(paths: Sequence[str | Path]) -> list[FileUpload | DocumentReport]:
    """Files and folders (every file in them, sorted) as uploads, each read when its turn
    comes; a path that cannot be read becomes a failed report so the others still import."""
    found: list[FileUpload | DocumentReport] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            files = [path]
        for file in files:
            try:
                size = file.stat().st_size
                if not os.access(file, os.R_OK):
                    raise PermissionError(errno.EACCES, "Permission denied")
            except OSError as error:
                found.append(failed_report(str(file), f"cannot read: {error.strerror or error}"))
                continue
            if size > MAX_BYTES:
                found.append(failed_report(file.name, size_message(size)))
                continue
            found.append(FileUpload(file_name=file.name, path=file))
    return found


def import_document(
    *,
    file_name: str,
    data: bytes,
    dry_run: bool = False,
    force: bool = False,
    user=None,
    shared: SharedReferences | None = None,
    parse: Callable[[], tuple[str, Parsed] | ParseError] | None = None,
    new: bool = False,
) -> DocumentReport:
    """Import one document. Raises DocumentError (and only that) when it cannot be imported;
    then nothing of it is written. Otherwise returns its report.

    An unchanged document (same SHA-256) whose records nobody touched since is skipped
    ("unchanged"); force=True re-runs the full merge, which restores deleted records.
    shared: the clubs, seasons… earlier documents of the run found (import_documents).
    parse: how to decode and parse it (import_documents passes its budgeted parser, which
    runs only if the document is not skipped); without it the document is read here.
    new: the caller knows that no stored document has these bytes or this file name
    (import_documents asks once for the whole run), so neither is looked up.
    """
    digest = checksum(data)
    known: SourceDocument | None = None
    if force and not new:
        known = SourceDocument.objects.filter(checksum=digest).first()
    elif not new:
        # Its text only when it is merged again (it is skipped unchanged far more often).
        found = _STORED_WITHOUT_TEXT(digest)
        known = found[0] if found else None
    if known is not None and not force and untouched_since_import(known):
        return unchanged_report(known, file_name, dry_run=dry_run)
    read = parse() if parse is not None else read_document(data, file_name)
    if isinstance(read, ParseError):
        raise DocumentError(read.file_name, read.line, read.message)
    text, parsed = read
    written = False
    try:
        report = _import_parsed(
            file_name=file_name, digest=digest, text=text, parsed=parsed, dry_run=dry_run,
            user=user, known=known, shared=shared, new=new,
        )  # fmt: skip
        written = not dry_run
    except Invalid as error:
        raise DocumentError(file_name, error.line, error.message) from None
    except (DatabaseError, ValidationError, ValueError, OverflowError) as error:
        raise DocumentError(file_name, None, f"cannot be stored: {error}") from None
    finally:
        # The savepoint is released or rolled back: hand the records on, or forget them.
        if shared is not None:
            shared.commit() if written else shared.rollback()
    return report


@transaction.atomic
def _import_parsed(
    *,
    file_name: str,
    digest: str,
    text: str,
    parsed,
    dry_run: bool,
    user,
    known: SourceDocument | None,
    shared: SharedReferences | None,
    new: bool = False,
) -> DocumentReport:
    report = DocumentReport(
        file_name=file_name, kind=parsed.kind, language=parsed.language or "", dry_run=dry_run
    )
    source = known  # the document with this checksum, looked up by import_document
    if source is None and not new:
        source = SourceDocument.objects.filter(file_name=file_name).order_by("-imported_at").first()
    if source is None:
        report.status = "new"
        source = SourceDocument.objects.create(
            file_name=file_name, checksum=digest, kind=parsed.kind, language=report.language,
            text=text,
        )  # fmt: skip
        previous = {}
    else:
        report.status = "changed" if source.checksum != digest else "unchanged"
        changed = {"file_name": file_name, "checksum": digest, "kind": parsed.kind,
                   "language": report.language, "text": text}  # fmt: skip
        if any(getattr(source, name) != value for name, value in changed.items()):
            for name, value in changed.items():
                setattr(source, name, value)
            source.save()
        previous = {(p.content_type_id, p.object_id): p for p in source.provenance.all()}
    recorder = Recorder(document=source, report=report, previous=previous, user=user)
    kind = KINDS[parsed.kind]
    record = kind.run(recorder, parsed, shared)
    recorder.finish(deletable=kind.owns)
    renamed = describe(source, record)
    report.warnings.sort(key=lambda w: w.line or 0)
    if report.status == "unchanged" and report.wrote_something:
        report.status = "changed"
    stored = report.as_dict() | {"records": len(recorder.touched)}
    if source.report != stored or renamed:
        source.report = stored
        # Only what changed since it was written above (not its text again), and the time
        # it was last imported, which must follow every history row of this import.
        source.save(update_fields=["report", "title", "outlet", "published", "last_seen_at"])
    if dry_run:
        transaction.set_rollback(True)
    return report


def describe(source: SourceDocument, record: object) -> bool:
    """Name the document as a reader would, from the record it gave (an interview: its
    title, outlet and date; a biography: its player), so sources never show a file name.
    True when that changed (the caller saves)."""
    published = getattr(record, "published_at", None)
    if isinstance(published, dt.datetime):
        published = timezone.localdate(published)
    outlet = getattr(record, "outlet", None)
    named = {
        "title": str(getattr(record, "title", "") or record or "")[:300],
        "outlet": str(outlet or "")[:200],
        "published": published if isinstance(published, dt.date) else None,
    }
    if all(getattr(source, name) == value for name, value in named.items()):
        return False
    for name, value in named.items():
        setattr(source, name, value)
    return True


# The reads of a document a re-run skips, built into SQL once per process
# (core.prepared): the ORM took longer to build them than the database to answer.
_STORED_WITHOUT_TEXT = PreparedQuery(
    lambda digest: SourceDocument.objects.filter(checksum=digest).defer("text")[:1], text=True
)
_PROVENANCE_OF = PreparedQuery(
    lambda pk: (
        Provenance.objects.filter(document_id=pk).order_by().only("content_type_id", "object_id")
    )
)


def untouched_since_import(source: SourceDocument) -> bool:
    """True when every record the document gave still exists and none changed since."""
    if source.report.get("errors") or "records" not in source.report:
        return False
    rows = [(p.content_type_id, p.object_id) for p in _PROVENANCE_OF(source.pk)]
    if len(rows) != source.report["records"]:
        return False  # a record was deleted (its provenance went with it)
    by_type: dict[int, list[int]] = {}
    for content_type_id, object_id in rows:
        by_type.setdefault(content_type_id, []).append(object_id)
    # History rows newer than the import: one select per model, asked at once. Written out
    # rather than as a union of querysets: the ORM's compiling of that union cost more than
    # the query itself, and this runs for every unchanged document.
    quote = connection.ops.quote_name
    since = connection.ops.adapt_datetimefield_value(source.last_seen_at)
    edits: list[str] = []
    params: list[Any] = []
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return False
        manager = history_manager(model)
        if manager is not None:
            table = manager.model._meta
            marks = ", ".join(["%s"] * len(ids))
            edits.append(
                f"SELECT 1 FROM {quote(table.db_table)} "  # noqa: S608  (models' names, not input)
                f"WHERE {quote(table.get_field(model._meta.pk.name).column)} IN ({marks}) "
                f"AND {quote(table.get_field('history_date').column)} > %s"
            )
            params += [*ids, since]
        elif model._default_manager.filter(pk__in=ids).count() != len(set(ids)):
            return False
    if not edits:
        return True
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(edits) + " LIMIT 1", params)
        return cursor.fetchone() is None


def unchanged_report(source: SourceDocument, file_name: str, *, dry_run: bool) -> DocumentReport:
    """The report of a skipped document: nothing written; last warnings and conflicts."""
    stored = source.report
    report = DocumentReport(
        file_name=file_name,
        kind=source.kind,
        language=source.language,
        status="unchanged",
        dry_run=dry_run,
    )
    report.warnings = [Message(w["line"], w["text"]) for w in stored.get("warnings", [])]
    # Still waiting in the queue: a decision since would have saved the record.
    report.conflicts = [Conflict(**(c | {"known": True})) for c in stored.get("conflicts", [])]
    for name, counts in stored.get("counts", {}).items():
        report.counts[name]["unchanged"] += sum(
            counts.get(a, 0) for a in ("created", "updated", "unchanged")
        )
    return report


@dataclass(slots=True)
class _Ready:
    """An upload placed in the run's order; parsed only when its turn comes."""

    upload: AnyUpload
    unchanged: bool  # imported before with these bytes: read again only if touched since
    rank: int
    # Bytes (this checksum) and a file name no stored document had when the run began, and
    # no other document of the run has: import_document need not look for either.
    new_digest: str = ""


def _rank(data: bytes, file_name: str) -> int:
    """The import order of a document from its shape alone (biographies first, so the
    interviews find their players): a cheap, linear look, not a parse."""
    try:
        text = decode_document(data, file_name)
    except ParseError:
        return 0  # it fails at its turn, whatever the order
    kind = "biography" if looks_like_biography(text) else "web_interview"
    return import_order(kind)


def _order(uploads: list[AnyUpload], *, force: bool) -> list[_Ready]:
    """Each document's place in the run: one read of its bytes (checksum), a second for the
    shape of one not stored yet; nothing of it is kept, so memory holds one document at a
    time, not the batch.

    A document already imported keeps its stored kind; the others are parsed at their turn
    (under the parse budget, in import_document's caller)."""
    placed: list[tuple[AnyUpload, str]] = []
    for upload in uploads:
        try:
            data = upload.data
        except OSError as error:  # vanished or unreadable since it was listed
            placed.append((upload, ""))
            logger.info("%s cannot be read: %s", upload.file_name, error)
            continue
        placed.append((upload, checksum(data)))
    known: dict[str, SourceDocument] = {}
    digests = [digest for _, digest in placed if digest]
    for start in range(0, len(digests), 500):
        for doc in SourceDocument.objects.filter(checksum__in=digests[start : start + 500]).only(
            "checksum", "kind"
        ):
            known[doc.checksum] = doc
    # The file names stored already, asked once (not once per new document).
    names = Counter(upload.file_name for upload, _ in placed)
    by_digest = Counter(digests)
    unique_names = [name for name, count in names.items() if count == 1]
    stored_names: set[str] = set()
    for start in range(0, len(unique_names), 500):
        stored_names.update(
            SourceDocument.objects.filter(file_name__in=unique_names[start : start + 500])
            .order_by()
            .values_list("file_name", flat=True)
        )
    ready = []
    for upload, digest in placed:
        source = known.get(digest)
        rank = 0  # unreadable: it fails at its turn, whatever the order
        if source is not None:
            rank = import_order(source.kind)
        elif digest:
            with suppress(OSError):  # read again, not kept: memory holds one document
                rank = _rank(upload.data, upload.file_name)
        new = (
            digest
            and source is None
            and by_digest[digest] == 1
            and names[upload.file_name] == 1
            and upload.file_name not in stored_names
        )
        ready.append(_Ready(upload, source is not None and not force, rank, digest if new else ""))
    return ready


def import_documents(
    *,
    uploads: Iterable[AnyUpload | DocumentReport],
    dry_run: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    user=None,
    batch_documents: int | None = None,
) -> ImportReport:
    """Import many documents, each in its own transaction: one that fails leaves nothing
    behind and the others still import. A dry run rolls back the whole run at the end
    (documents see each other's records, as in the real run).

    batch_documents: also end a batch once it wrote this many documents (unchanged ones do
    not count), for a caller whose progress is only seen once a batch commits (an admin
    upload's job row)."""
    items = list(uploads)
    ready = sorted(
        _order([u for u in items if not isinstance(u, DocumentReport)], force=force),
        key=lambda item: item.rank,
    )
    ahead = _ParseAhead(parser_for_thread(settings.KADER_PARSE_BUDGET_SECONDS), ready)
    result = ImportReport(documents=[u for u in items if isinstance(u, DocumentReport)])
    result.dry_run = dry_run
    shared = SharedReferences()
    with transaction.atomic() if dry_run else nullcontext():
        index = 0
        while index < len(ready):
            began = time.monotonic()
            # Each document has its own savepoint; committing a batch at once saves a
            # disk sync per document (SQLite spends most of a small import committing).
            with nullcontext() if dry_run else transaction.atomic():
                written = 0
                while index < len(ready):
                    report = _import_one(
                        index, ahead, dry_run=dry_run, force=force, user=user, shared=shared
                    )
                    result.documents.append(report)
                    index += 1
                    written += report.status != "unchanged"
                    if progress is not None:
                        progress(index, len(ready), report)
                    if time.monotonic() - began >= BATCH_SECONDS or (
                        batch_documents is not None and written >= batch_documents
                    ):
                        break
            if not dry_run and index < len(ready):
                _let_writers_in()
        if dry_run:
            transaction.set_rollback(True)
    return result


class _ParseAhead:
    """The run's documents for their turn, the next one's parse started while the current
    one is written: the child parses on one core while the run writes on the other.

    Only a document that will be parsed is started ahead (a new one, or any with force);
    one imported before with the same bytes is parsed only if its records were touched
    since, when its turn shows it. At most one parse is in flight, so each starts at
    once and its budget counts from then; memory holds two documents at most."""

    def __init__(self, parser: BudgetedParser, ready: list[_Ready]) -> None:
        self.parser = parser
        self.ready = ready
        self.started: dict[int, tuple[bytes, PendingParse]] = {}

    def take(self, index: int) -> tuple[bytes, PendingParse | None]:
        """Document index's bytes and its parse (started now when not started ahead and
        certainly needed); OSError when it cannot be read."""
        if index in self.started:
            return self.started.pop(index)
        item = self.ready[index]
        data = item.upload.data
        if item.unchanged:
            return data, None
        return data, self.parser.submit(data, item.upload.file_name)

    def start(self, index: int) -> None:
        """Start document index's parse ahead of its turn, if it will be needed."""
        if index >= len(self.ready) or index in self.started or self.ready[index].unchanged:
            return
        upload = self.ready[index].upload
        try:
            data = upload.data
        except OSError:
            return  # reported at its turn
        self.started[index] = (data, self.parser.submit(data, upload.file_name))


def _import_one(
    index: int,
    ahead: _ParseAhead,
    *,
    dry_run: bool,
    force: bool,
    user,
    shared: SharedReferences,
) -> DocumentReport:
    upload = ahead.ready[index].upload
    try:
        data, pending = ahead.take(index)
    except OSError as error:
        return failed_report(upload.file_name, f"cannot read: {error.strerror or error}")
    taken = False

    def parse() -> tuple[str, Parsed] | ParseError:
        nonlocal taken
        taken = True
        try:
            if pending is not None:
                return pending.result()
            return ahead.parser.read(data, upload.file_name)
        except ParseError as error:
            return error
        finally:
            ahead.start(index + 1)  # the child is free: the next parse runs while we write

    try:
        # A dry run rolls back once at the end (see import_documents), so each document
        # keeps its savepoint here and later documents see its records.
        new_digest = ahead.ready[index].new_digest
        report = import_document(
            file_name=upload.file_name,
            data=data,
            force=force,
            user=user,
            shared=shared,
            parse=parse,
            new=bool(new_digest) and checksum(data) == new_digest,  # unchanged since listed
        )
    except DocumentError as error:
        report = DocumentReport(file_name=upload.file_name, status="failed")
        report.errors.append(Message(error.line, error.message))
    except Exception as error:  # a bug, not bad input: report it, import the rest
        logger.warning("importing %s failed: %r", upload.file_name, error)
        report = DocumentReport(file_name=upload.file_name, status="failed")
        report.errors.append(Message(None, f"internal error: {type(error).__name__}: {error}"))
        report.traceback = traceback.format_exc()
    finally:
        if pending is not None and not taken:
            pending.drop()  # skipped after all (the same bytes earlier in this run)
    report.dry_run = dry_run
    return report


__all__ = [
    "FileUpload",
    "StoredUpload",
    "Upload",
    "failed_report",
    "import_document",
    "import_documents",
    "read_paths",
]


def _let_writers_in() -> None:
    """Between two batches on SQLite, leave the write lock free long enough for a waiting
    writer (an editor's save) to take it: one database, one writer at a time."""
    if connection.vendor == "sqlite":
        time.sleep(SQLITE_PAUSE_SECONDS)
