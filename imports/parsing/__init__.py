"""Parsers for the source documents: biographies and interviews. Plain Python, no Django.

Entry points: ``decode_document(data, file_name)`` turns raw bytes into text (or raises
ParseError), ``parse_document(text, file_name)`` detects the kind and parses it.
"""

from __future__ import annotations

import codecs

from .biography import parse_biography
from .detect import detect_kind, looks_like_biography
from .documents import BiographyDocument, InterviewDocument, ParseError, ParseWarning
from .interview import read_interview
from .statistics import check_totals, compute_totals

MAX_BYTES = 10 * 1024 * 1024

__all__ = [
    "MAX_BYTES",
    "BiographyDocument",
    "InterviewDocument",
    "ParseError",
    "ParseWarning",
    "check_totals",
    "compute_totals",
    "decode_document",
    "detect_kind",
    "parse_document",
    "size_message",
]


def _check_text(text: str, file_name: str) -> None:
    if not text.strip():
        raise ParseError(file_name, None, "the document is empty")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ParseError(file_name, line, "the document is binary (NUL byte)")
    sample = text[:65536]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    if control > max(8, len(sample) // 20):
        raise ParseError(file_name, None, "the document is binary (control characters)")


def size_message(size: int) -> str:
    """The document is 60.0 MB, over 10 MB, the limit (size in bytes, as on disk)."""
    return f"the document is {size / (1024 * 1024):.1f} MB, over 10 MB, the limit"


def _looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: every other byte of ASCII is NUL."""
    sample = data[:4096]
    return len(sample) >= 8 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 3


def decode_document(data: bytes, file_name: str) -> str:
    """Text of an uploaded document: UTF-8, or UTF-16 with its byte-order mark; ParseError
    for empty, binary, over-size or another encoding."""
    if len(data) > MAX_BYTES:
        raise ParseError(file_name, None, size_message(len(data)))
    if not data.strip():
        raise ParseError(file_name, None, "the document is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ParseError(file_name, None, "not valid UTF-16 text") from None
        _check_text(text, file_name)
        return text
    if _looks_like_utf16(data):
        raise ParseError(file_name, None, "UTF-16 text without a byte-order mark: save it as UTF-8")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ParseError(file_name, line, "the document is binary (NUL byte)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ParseError(
            file_name, line, f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None
    _check_text(text, file_name)
    return text


def parse_document(text: str, file_name: str) -> BiographyDocument | InterviewDocument:
    """Detect the document's kind and parse it; every failure is a ParseError."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ParseError(file_name, None, "the document is over 10 MB")
    _check_text(text, file_name)
    if looks_like_biography(text):
        return parse_biography(text, file_name)
    return read_interview(text, file_name)  # raises for an article or an unknown text
