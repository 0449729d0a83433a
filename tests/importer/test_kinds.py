"""One table of document kinds: every kind the parsers name can be stored and imported."""

from typing import get_args

from imports.importer.kinds import KINDS, import_order
from imports.parsing.documents import DocumentKind
from sources.models import SourceDocument


def test_every_parsed_kind_has_a_row_and_a_stored_kind():
    assert set(KINDS) == set(get_args(DocumentKind)) == set(SourceDocument.Kind.values)


def test_biographies_are_imported_before_interviews():
    assert import_order("biography") < import_order("web_interview")
    assert import_order("web_interview") == import_order("outlet_interview")
