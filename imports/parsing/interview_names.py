"""The people of an interview: names, initials, surnames, first names and misspellings."""

from __future__ import annotations

import re
from collections import Counter

from core.text import normalize

# Upper-case letters of the Latin, Greek and Cyrillic blocks: Python's re has no \p{Lu}.
_UPPER_CHARS = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
UPPER = "[" + re.escape(_UPPER_CHARS) + "]"
# One capitalised word: 'Svärd', 'O’Brien', 'Hansa-Online', 'McFadden'.
WORD = rf"{UPPER}[\w'’-]*"
# Two to four capitalised words: 'Matt Sincaglia', 'Peter Balthazaar', 'For The Win'.
PERSON = rf"{WORD}(?: {WORD}){{1,3}}"

# A word of prose with what separates it from the previous one: ' Svärd', '(Sebastian'.
TOKEN_RE = re.compile(r"(?P<gap>[^\w'’-]*)(?P<word>[\w'’-]+)")
# Where words of a name break: 'Behind the Badge', 'Jean-Paul'.
WORD_BREAK_RE = re.compile(r"[\s-]+")
# A person's name anywhere in prose: 'Bill Hamid', 'Tim Howard'.
PERSON_RE = re.compile(rf"(?<![\w-]){PERSON}")
# Initials written as a label: 'BH', 'NS', 'BTB'.
INITIALS_RE = re.compile(r"[A-Z]{2,3}")

# Words that start a capitalised run in German or English prose without being a first name.
_ARTICLES = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "our",
        "my",
        "this",
        "herr",
        "frau",
        "mr",
        "mrs",
        "ms",
        "moin",
        "hallo",
        "hi",
        "hello",
    ]
)


def tokens(name: str) -> tuple[str, ...]:
    return tuple(normalize(name).split())


def is_initials(label: str) -> bool:
    return bool(INITIALS_RE.fullmatch(label))


def initials(name: str) -> set[str]:
    """'Behind the Badge' -> {'BTB', 'BB'}; 'Bill Hamid' -> {'BH'}."""
    words = [w for w in WORD_BREAK_RE.split(name) if w]
    every = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return {every, capitals} if len(words) > 1 else set()


def _near(a: str, b: str) -> bool:
    """One edit apart, for names of five letters or more: 'svard' / 'svaerd'."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(a)):
        if a[i] != b[i]:
            return a[i + (len(a) == len(b)) :] == b[i + 1 :]
    return True


def same_person(short: str, full: str) -> bool:
    """'Özil' / 'Mesut Özil', 'BH' / 'Bill Hamid', 'Svard' / 'Svärd', 'Jan' / 'Jan Kolb'."""
    if is_initials(short):
        return short in initials(full) or short == full
    a, b = tokens(short), tokens(full)
    if not a or not b or len(a) > len(b):
        return False
    if set(a) <= set(b):
        return True
    return len(a) == 1 and any(_near(a[0], word) for word in b)


def full_name_in(name: str, text: str) -> str | None:
    """'Svärd' -> 'Sebastian Svärd' when the document spells the full name out.

    German capitalises nouns ('Spielgestalter Diego'), so a name counts when it is written
    twice, or once after a lower-case word or a sentence start rather than after an article
    or another capitalised word.
    """
    wanted = tokens(name)
    if len(wanted) != 1:
        return None
    words = list(TOKEN_RE.finditer(text))
    found: Counter[str] = Counter()
    clean_once: set[str] = set()
    for i in range(1, len(words)):
        last, first = words[i], words[i - 1]
        if last.group("gap") != " " or not _near(normalize(last.group("word")), wanted[0]):
            continue
        given = first.group("word")
        if not given[:1].isupper() or given.lower() in _ARTICLES or "-" in given:
            continue
        if any(ch.isdigit() for ch in given):
            continue
        candidate = f"{given} {last.group('word')}"
        found[candidate] += 1
        before = words[i - 2] if i >= 2 else None
        previous = before.group("word") if before else ""
        if previous[:1].islower() and previous not in _ARTICLES and first.group("gap") == " ":
            clean_once.add(candidate)
    repeated = [candidate for candidate, count in found.most_common() if count >= 2]
    if repeated:
        return repeated[0]
    return next(iter(clean_once)) if len(clean_once) == 1 else None


def person_with_initials(letters: str, text: str) -> str | None:
    """The one name in text whose initials are the label: 'BH' -> 'Bill Hamid'."""
    found = {m.group() for m in PERSON_RE.finditer(text) if letters in initials(m.group())}
    return found.pop() if len(found) == 1 else None
