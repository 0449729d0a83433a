"""The language of a document: English or German, by counting common words.

A stop-word count rather than a detection library (lingua and the like): the importer only
ever needs to tell English from German, interviews run to thousands of words, and these
forty words per language decide it in microseconds without loading a model of tens of MB.
"""

from __future__ import annotations

import re

# A run of letters: 'the', 'für', 'Mönchengladbach'.
WORD_RE = re.compile(r"[^\W\d_]+")

STOP_WORDS_EN = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "was",
        "in",
        "that",
        "it",
        "you",
        "for",
        "with",
        "have",
        "this",
        "are",
        "be",
        "not",
        "but",
        "what",
        "how",
        "do",
        "i",
        "my",
        "we",
        "they",
        "at",
        "on",
        "as",
        "he",
        "his",
        "her",
        "she",
        "our",
        "your",
        "been",
        "were",
        "would",
        "there",
    ]
)
STOP_WORDS_DE = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ich",
        "ein",
        "eine",
        "sie",
        "es",
        "zu",
        "mit",
        "den",
        "dem",
        "von",
        "auf",
        "für",
        "war",
        "sind",
        "hat",
        "haben",
        "wir",
        "auch",
        "noch",
        "wie",
        "aber",
        "dass",
        "bei",
        "mir",
        "mich",
        "sich",
        "nach",
        "einen",
        "schon",
    ]
)


def detect_language(text: str) -> str | None:
    """'en' or 'de' by stop-word counts; None when neither language shows."""
    words = WORD_RE.findall(text.lower())
    en = sum(word in STOP_WORDS_EN for word in words)
    de = sum(word in STOP_WORDS_DE for word in words)
    if max(en, de) < 3:
        return None
    return "en" if en >= de else "de"
