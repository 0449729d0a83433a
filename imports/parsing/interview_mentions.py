"""Capitalised names in an interview: candidates for linking to players and clubs."""

from __future__ import annotations

import re

from core.text import normalize

from .language import STOP_WORDS_DE, STOP_WORDS_EN
from .prose import names_in, split_sentences

# An article or preposition inside a captured name: 'Kasten von Werder Bremen' -> two names.
NAME_BREAK_RE = re.compile(r"\s(?:der|den|dem|des|von|vom|zum|zur)\s")
# An age group, never a name: 'U21', 'U-19s'.
AGE_GROUP_RE = re.compile(r"U-?\d{2}s?")

_NOT_NAMES = {
    "in",
    "a",
    "an",
    "im",
    "am",
    "um",
    "so",
    "if",
    "when",
    "mr",
    "mrs",
    "ms",
    "herr",
    "frau",
    "mein",
    "meine",
    "meinen",
    "dein",
    "deine",
    "sein",
    "seine",
    "ihr",
    "ihre",
    "ihren",
    "unser",
    "unsere",
    "diese",
    "dieser",
    "dieses",
    "jede",
    "jeder",
    "sie",
    "er",
    "wir",
    "euer",
    "obwohl",
    "als",
    "ob",
    "wenn",
    "dann",
    "da",
    "dort",
    "hier",
    "nach",
    "vor",
    "gegen",
    "hinter",
    "neben",
    "this",
    "that",
    "these",
    "those",
    "my",
    "his",
    "our",
    "their",
    "its",
    "after",
    "before",
    "during",
}


def mentions_in(texts: list[str], exclude: set[str]) -> tuple[str, ...]:
    """Capitalised multi-word names: candidates for linking to players and clubs.

    German capitalises every noun, so a leading sentence-initial word is dropped,
    names are cut at articles ('Kasten von Werder Bremen' -> 'Werder Bremen') and a
    name that only prefixes another found name ('Beispiel Nick Woltemade') is dropped.
    """
    stop = STOP_WORDS_EN | STOP_WORDS_DE | _NOT_NAMES
    found: list[str] = []
    sentences = [s.text for text in texts for s in split_sentences(text, 0)]
    for text in sentences:
        for start, name in names_in(text):
            pieces = NAME_BREAK_RE.split(name)
            for number, piece in enumerate(pieces):
                words = piece.split()
                at_start = (start == 0 and number == 0) or text[:start].rstrip()[-1:] in '„“"(:'
                weak_first = words[:1] and (words[0].lower() in stop or "-" in words[0])
                if at_start and (len(words) > 2 or (len(words) == 2 and weak_first)):
                    words = words[1:]
                elif at_start and len(words) == 2 and start == 0:
                    words = words[1:] if words[0].lower() in stop else words
                while words and words[0].lower() in stop:
                    words = words[1:]
                while words and words[-1].lower() in stop:
                    words = words[:-1]
                if len(words) < 2 or any(not w[:1].isalpha() for w in words):
                    continue
                if any(AGE_GROUP_RE.fullmatch(w) for w in words):
                    continue
                candidate = " ".join(words)
                if normalize(candidate) not in exclude and candidate not in found:
                    found.append(candidate)
    return tuple(
        name
        for name in found
        if not any(other != name and name.endswith(" " + other) for other in found)
    )
