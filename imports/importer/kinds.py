"""The one table of document kinds: how each is parsed, mapped and ordered, what it owns.

Adding a kind is a parser (``imports.parsing``, which names the kind on the parsed
document), a mapper (``imports.importer``) and a row here; ``SourceDocument.Kind`` lists the
same names for the admin (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model

from imports.importer import biography, interview
from imports.importer.common import SharedReferences
from imports.importer.records import Recorder


@dataclass(frozen=True, slots=True)
class DocumentKind:
    label: str
    run: Callable[[Recorder, Any, SharedReferences | None], object]  # maps a parsed document
    owns: tuple[type[Model], ...]  # records only this kind gives: dropped when no longer stated
    order: int  # import order within a run: biographies first, so interviews find players


def _biography(recorder: Recorder, parsed: Any, shared: SharedReferences | None) -> object:
    return biography.BiographyImport(recorder, parsed, shared=shared).run()


def _interview(recorder: Recorder, parsed: Any, shared: SharedReferences | None) -> object:
    return interview.InterviewImport(recorder, parsed).run()


KINDS: dict[str, DocumentKind] = {
    "biography": DocumentKind("biography", _biography, biography.DELETABLE, order=0),
    "web_interview": DocumentKind("web interview", _interview, interview.DELETABLE, order=1),
    "outlet_interview": DocumentKind("outlet interview", _interview, interview.DELETABLE, order=1),
}


def import_order(kind: str) -> int:
    """Where a document of kind goes in a run; an unreadable one ('') first, to fail fast."""
    return KINDS[kind].order if kind in KINDS else 0
