"""Which kind of document a text is, from its shape alone."""

from __future__ import annotations

import re

from .documents import DocumentKind
from .interview import interview_kind

# A biography's title line: '= Mio Backhaus ='.
TITLE_RE = re.compile(r"^=\s*[^=].*=$")
# A section heading: '==Career statistics=='.
HEADING_RE = re.compile(r"^={2,6}[^=].*={2,6}$")
# An infobox line: '- Position: Goalkeeper'.
INFOBOX_RE = re.compile(r"^[-*•]\s*[^:|]{1,40}:\s*\S")


def biography_score(lines: list[str]) -> int:
    """Title, headings, table rows and infobox lines; 3 or more reads as a biography."""
    head = lines[:60]
    score = 2 if TITLE_RE.match(lines[0]) else 0
    score += min(3, sum(bool(HEADING_RE.match(s)) for s in lines))
    score += min(2, sum(line.startswith("|") and line.count("|") >= 4 for line in lines) // 3)
    score += min(2, sum(bool(INFOBOX_RE.match(s)) for s in head) // 2)
    return score


def looks_like_biography(text: str) -> bool:
    """A biography's shape (title, headings, table, infobox): how a document is told
    apart from an interview, cheap and linear."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and biography_score(lines) >= 3


def detect_kind(text: str) -> DocumentKind | None:
    """'biography', 'web_interview', 'outlet_interview', or None when no shape fits."""
    if not text.strip():
        return None
    if looks_like_biography(text):
        return "biography"
    return interview_kind(text)
