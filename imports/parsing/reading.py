"""Decode and parse in one call that returns its error: the unit of work the importer
runs in a child process under a time budget (imports.importer.budget)."""

from __future__ import annotations

from . import decode_document, parse_document
from .documents import BiographyDocument, InterviewDocument, ParseError

Parsed = BiographyDocument | InterviewDocument


def read_document(data: bytes, file_name: str) -> tuple[str, Parsed] | ParseError:
    """(text, parsed document), or the ParseError returned, not raised, so it crosses a
    process boundary as a value."""
    try:
        text = decode_document(data, file_name)
        return text, parse_document(text, file_name)
    except ParseError as error:
        return error
