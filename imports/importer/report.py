"""What an import did to one document and to a whole run: counts, warnings, conflicts, errors."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

Action = Literal["created", "updated", "unchanged", "deleted"]
Status = Literal["new", "changed", "unchanged", "failed"]
ACTIONS: tuple[Action, ...] = ("created", "updated", "unchanged", "deleted")


@dataclass(frozen=True, slots=True)
class Message:
    line: int | None
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text}


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field whose current value another document or an editor set: it is kept, and the
    document's value waits in the conflicts queue (sources.Conflict) for an editor."""

    record: str  # 'Player "Mio Backhaus"'
    field: str
    editor_value: str  # the current value (an editor's or another document's)
    document_value: str
    line: int | None
    diff: str = ""  # for text: what differs, instead of both texts in full
    source: str = ""  # who set the current value: another document's label, or "" (editor)
    record_type: str = ""  # 'season statistics', for the counts per record type
    known: bool = False  # already waiting in the queue before this import

    def as_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "field": self.field,
            "editor_value": self.editor_value,
            "document_value": self.document_value,
            "line": self.line,
            "diff": self.diff,
            "source": self.source,
            "record_type": self.record_type,
            "known": self.known,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """A field of an existing record the document changes (or, in a dry run, would)."""

    record: str
    field: str
    old: str
    new: str
    line: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "line": self.line,
        }


DIFF_CONTEXT = 4  # words kept on each side of a change in a line
DIFF_LINES = 12  # longest diff shown


def text_diff(old: Any, new: Any) -> str:
    """A short diff of two texts ("" unless both are text and one is long or has several
    lines): lines only in one as ``- …`` / ``+ …``; a line changed in place as ``~ …`` with
    only its changed words marked ``[-old-]{+new+}``, a few words around them."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return ""
    if len(old) <= 80 and len(new) <= 80 and "\n" not in old + new:
        return ""
    old_lines = old.replace("\r\n", "\n").strip().split("\n")
    new_lines = new.replace("\r\n", "\n").strip().split("\n")
    out: list[str] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            out += [
                _word_diff(a, b) for a, b in zip(old_lines[i1:i2], new_lines[j1:j2], strict=True)
            ]
        else:
            out += [f"- {line}" for line in old_lines[i1:i2]]
            out += [f"+ {line}" for line in new_lines[j1:j2]]
    if len(out) > DIFF_LINES:
        out = [*out[:DIFF_LINES], f"… {len(out) - DIFF_LINES} more"]
    return "\n".join(out)


def _word_diff(old: str, new: str) -> str:
    a, b = old.split(), new.split()
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts: list[str] = []
    for number, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            words = a[i1:i2]
            head = words[:DIFF_CONTEXT] if number else []
            tail = words[-DIFF_CONTEXT:] if number < len(ops) - 1 else []
            if len(words) > len(head) + len(tail):
                parts += [*head, "…", *tail]
            else:
                parts += words
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(b[j1:j2]) + "+}")
    return "~ " + " ".join(parts)


@dataclass(slots=True)
class DocumentReport:
    file_name: str
    kind: str = ""
    language: str = ""
    status: Status = "new"
    dry_run: bool = False
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    warnings: list[Message] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)
    traceback: str = ""  # of an internal error, shown at --verbosity 3

    def count(self, record_type: str, action: Action) -> None:
        self.counts[str(record_type)][action] += 1

    def warn(self, line: int | None, text: str) -> None:
        message = Message(line, text)
        if message not in self.warnings:
            self.warnings.append(message)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    @property
    def wrote_something(self) -> bool:
        return any(c["created"] or c["updated"] or c["deleted"] for c in self.counts.values())

    def totals(self) -> Counter:
        total: Counter = Counter()
        for counter in self.counts.values():
            total.update(counter)
        return total

    def as_dict(self) -> dict[str, Any]:
        """JSON form kept on SourceDocument.report."""
        return {
            "file_name": self.file_name,
            "kind": self.kind,
            "language": self.language,
            "status": self.status,
            "counts": {
                name: {action: counter[action] for action in ACTIONS if counter[action]}
                for name, counter in sorted(self.counts.items())
            },
            "warnings": [w.as_dict() for w in self.warnings],
            "conflicts": [c.as_dict() for c in self.conflicts],
            "changes": [c.as_dict() for c in self.changes],
            "errors": [e.as_dict() for e in self.errors],
        }

    @property
    def count_rows(self) -> list[tuple[str, Counter, int]]:
        """(record type, counter, fields in conflict) sorted, for templates: a template
        cannot look up ``counts.items`` on the defaultdict (it finds an empty "items" entry
        instead)."""
        in_conflict = Counter(c.record_type for c in self.conflicts)
        names = sorted(set(self.counts) | {name for name in in_conflict if name})
        return [(name, self.counts.get(name, Counter()), in_conflict[name]) for name in names]

    @classmethod
    def from_dict(cls, stored: dict[str, Any], *, dry_run: bool = False) -> DocumentReport:
        """The report back from its JSON form (as_dict), e.g. from a finished job."""
        report = cls(
            file_name=stored["file_name"],
            kind=stored.get("kind", ""),
            language=stored.get("language", ""),
            status=stored.get("status", "new"),
            dry_run=dry_run,
        )
        for name, counts in stored.get("counts", {}).items():
            report.counts[name].update(counts)
        report.warnings = [Message(w["line"], w["text"]) for w in stored.get("warnings", [])]
        report.conflicts = [Conflict(**c) for c in stored.get("conflicts", [])]
        report.changes = [Change(**c) for c in stored.get("changes", [])]
        report.errors = [Message(e["line"], e["text"]) for e in stored.get("errors", [])]
        return report

    def where(self, line: int | None) -> str:
        return self.file_name if line is None else f"{self.file_name}, line {line}"


@dataclass(slots=True)
class ImportReport:
    documents: list[DocumentReport] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> list[DocumentReport]:
        return [d for d in self.documents if d.failed]

    def by_status(self) -> Counter:
        return Counter(d.status for d in self.documents)

    def summary(self) -> dict[str, Any]:
        """The run at a glance, for the top of a report page: documents by status, record
        counts per record type over every document, conflicts and warnings."""
        records: dict[str, Counter] = defaultdict(Counter)
        for document in self.documents:
            for name, counter in document.counts.items():
                records[name].update(counter)
        statuses = self.by_status()
        return {
            "documents": len(self.documents),
            "new": statuses["new"],
            "changed": statuses["changed"],
            "unchanged": statuses["unchanged"],
            "failed": len(self.failed),
            "conflicts": sum(len(d.conflicts) for d in self.documents),
            "warnings": sum(len(d.warnings) for d in self.documents),
            "records": sorted(records.items()),
        }

    def by_kind(self) -> dict[str, dict[str, Counter]]:
        """Counts per document kind and record type, as the run summary shows them."""
        kinds: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        for document in self.documents:
            for name, counter in document.counts.items():
                kinds[document.kind or "unknown"][name].update(counter)
        return kinds
