"""Which documents a record came from."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone

from sources.models import Provenance, SourceDocument

INTERVIEW_KINDS = {SourceDocument.Kind.WEB_INTERVIEW, SourceDocument.Kind.OUTLET_INTERVIEW}


@dataclass(frozen=True)
class Source:
    """A source document as a reader sees it: its kind, language and date, and the page
    of the record it is the text of (an interview), never its file name."""

    document_id: int
    kind: str
    language: str
    imported: datetime.date
    page: models.Model | None = None

    @property
    def kind_label(self) -> str:
        return str(SourceDocument.Kind(self.kind).label)

    def __lt__(self, other: "Source") -> bool:
        return (self.kind, self.imported, self.document_id) < (
            other.kind,
            other.imported,
            other.document_id,
        )


def sources_for(parts: dict[str, Iterable[models.Model]]) -> dict[str, list[Source]]:
    """For each named part of a page, the documents its records came from.

    One query for all parts: (content type, id) pairs of every record, then grouped. An
    interview document links to the interview record of the part, when it is one.
    """
    wanted: dict[tuple[int, int], set[str]] = defaultdict(set)
    records = {name: list(objs) for name, objs in parts.items()}
    models_used = {type(obj) for objs in records.values() for obj in objs}
    if not models_used:
        return {name: [] for name in parts}
    types = ContentType.objects.get_for_models(*models_used)
    for name, objs in records.items():
        for obj in objs:
            wanted[(types[type(obj)].pk, obj.pk)].add(name)
    by_key = {(types[type(obj)].pk, obj.pk): obj for objs in records.values() for obj in objs}
    found: dict[str, dict[int, Source]] = {name: {} for name in parts}
    rows = _provenance_rows({ct_id for ct_id, _id in wanted}, {obj_id for _ct, obj_id in wanted})
    for ct_id, obj_id, doc_id, kind, language, imported_at in rows:
        if (ct_id, obj_id) not in wanted:
            continue
        record = by_key.get((ct_id, obj_id))
        page = record if kind in INTERVIEW_KINDS and hasattr(record, "get_absolute_url") else None
        for name in wanted.get((ct_id, obj_id), ()):
            known = found[name].get(doc_id)
            if known is None or (page is not None and known.page is None):
                found[name][doc_id] = Source(
                    doc_id, kind, language, timezone.localdate(imported_at), page
                )
    return {name: sorted(docs.values()) for name, docs in found.items()}


def _provenance_rows(
    content_types: set[int], object_ids: set[int]
) -> list[tuple[int, int, int, str, str, datetime.datetime]]:
    """(content type, object id, document, kind, language, imported at) of the provenance
    of any of the records; a record of one kind whose id another kind has is read too and
    dropped by the caller (both lists use the provenance_record index).

    Written out, not built with the ORM: every page with a "Sources:" line asks it, and
    the ORM took longer to build it (with its join) than the database to answer."""
    quote = connection.ops.quote_name
    prov, doc = Provenance._meta, SourceDocument._meta

    def column(meta: Any, name: str) -> str:
        return quote(meta.get_field(name).column)

    imported_at = doc.get_field("imported_at")
    converters = [
        *connection.ops.get_db_converters(imported_at.get_col(doc.db_table)),
        *imported_at.get_db_converters(connection),
    ]
    types, ids = sorted(content_types), sorted(object_ids)
    sql = (
        f"SELECT p.{column(prov, 'content_type')}, p.{column(prov, 'object_id')}, "  # noqa: S608  (models' names, not input)
        f"p.{column(prov, 'document')}, d.{column(doc, 'kind')}, d.{column(doc, 'language')}, "
        f"d.{column(doc, 'imported_at')} FROM {quote(prov.db_table)} p "
        f"JOIN {quote(doc.db_table)} d ON d.{column(doc, 'id')} = p.{column(prov, 'document')} "
        f"WHERE p.{column(prov, 'content_type')} IN ({', '.join(['%s'] * len(types))}) "
        f"AND p.{column(prov, 'object_id')} IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*types, *ids])
        found = cursor.fetchall()
    rows = []
    for ct_id, obj_id, doc_id, kind, language, value in found:
        for convert in converters:
            value = convert(value, imported_at, connection)
        rows.append((ct_id, obj_id, doc_id, kind, language, value))
    return rows
