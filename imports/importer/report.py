"""What an import did to one document and to a whole run: counts, warnings, conflicts, errors."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
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
    """A field an editor changed since the last import: the editor's value is kept."""

    record: str  # 'Player "Mio Backhaus"'
    field: str
    editor_value: str
    document_value: str
    line: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "field": self.field,
            "editor_value": self.editor_value,
            "document_value": self.document_value,
            "line": self.line,
        }


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
            "errors": [e.as_dict() for e in self.errors],
        }

    @property
    def count_rows(self) -> list[tuple[str, Counter]]:
        """(record type, counter) sorted, for templates: a template cannot look up
        ``counts.items`` on the defaultdict (it finds an empty "items" entry instead)."""
        return sorted(self.counts.items())

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

    def by_kind(self) -> dict[str, dict[str, Counter]]:
        """Counts per document kind and record type, as the run summary shows them."""
        kinds: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        for document in self.documents:
            for name, counter in document.counts.items():
                kinds[document.kind or "unknown"][name].update(counter)
        return kinds
