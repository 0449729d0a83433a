"""Shared helpers for reading prose: names, clubs, sentences, positions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from core.text import normalize

from .documents import Position

# Upper-case letters of the Latin, Greek and Cyrillic blocks: Python's re has no \p{Lu}.
_UPPER_CHARS = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
U = "[" + re.escape(_UPPER_CHARS) + "]"

_PARTICLES = r"(?:de|del|della|da|do|dos|di|van|von|der|den|la|le|of|am|y)"
# One word of a name; its two branches start differently (capital / digit), so a run of words
# can be split only one way and the pattern stays linear: 'Bremen', 'St.', 'II', '04'.
_TOKEN = rf"(?:{U}[\w'’&.-]*|\d{{2,4}}(?![\w–:-]))"
NAME = rf"(?:1\.\s)?{U}[\w'’&.-]*(?:[ ](?:{_PARTICLES}[ ])*{_TOKEN})*"
"""A capitalised multi-word name: 'Werder Bremen', 'FC St. Pauli', 'Schalke 04', 'Lech Poznań'."""

_NAME_RE = re.compile(NAME)


def clean_name(name: str) -> str:
    """Drop trailing punctuation, possessives and dangling particles from a captured name."""
    name = name.strip()
    name = re.sub(r"(?:['’]s?)$", "", name)
    name = name.rstrip(".,;:-– ")
    words = name.split()
    while words and re.fullmatch(_PARTICLES, words[-1]):
        words.pop()
    return " ".join(words)


def names_in(text: str) -> Iterator[tuple[int, str]]:
    for match in _NAME_RE.finditer(text):
        yield match.start(), clean_name(match.group(0))


# --- sentences -----------------------------------------------------------------------------

_ABBREVIATIONS = {"st", "dr", "jr", "sr", "mr", "mrs", "no", "nr", "vs", "ca", "bzw", "z.b", "u.a"}


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    line: int


def split_sentences(text: str, line: int) -> list[Sentence]:
    """Split a paragraph into sentences, keeping '2. Bundesliga' and 'St. Pauli' whole."""
    sentences: list[Sentence] = []
    start = 0
    for match in re.finditer(r"[.!?…]+[\"”’)]*\s+(?=[\"“„(]?[\w])", text):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if (
            (last.isdigit() and len(last) <= 2)
            or last in _ABBREVIATIONS
            or (len(last) == 1 and last.isalpha())
            or "." in last  # an initialism: 'D.C. United', 'U.S. Open Cup'
        ):
            continue
        sentences.append(Sentence(text[start : match.end()].strip(), line))
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(Sentence(rest, line))
    return sentences


def clauses(sentence: str) -> list[str]:
    """A sentence with each parenthesised aside as a clause of its own."""
    asides = re.findall(r"\(([^()]*)\)", sentence)
    main = re.sub(r"\([^()]*\)", " ", sentence)
    return [" ".join(main.split()), *asides]


# --- clubs ---------------------------------------------------------------------------------

_GENERIC_CLUB_TOKENS = {
    "fc", "sc", "cf", "ac", "afc", "sv", "vfl", "vfb", "tsg", "tsv", "fk", "sk", "nk", "bk",
    "if", "ik", "club", "de", "the", "1", "cd", "ud", "sd", "rc", "as", "ss", "us", "kv",
    "krc", "rsc", "ks", "gks", "mks", "fsv", "ssv", "spvgg", "bsc", "ca", "se", "ec", "cr",
    "football", "futbol", "calcio", "united", "city",
}  # fmt: skip


def club_tokens(name: str) -> set[str]:
    return {t for t in normalize(name).split() if t not in _GENERIC_CLUB_TOKENS}


def match_club(candidate: str, known: Iterable[str]) -> str | None:
    """The known club a prose name refers to: exact, or by distinctive words.

    'Bremen' -> 'Werder Bremen' (preferred over 'Werder Bremen II'); 'Volendam' -> 'FC Volendam'.
    Ambiguous or generic names ('United') match nothing.
    """
    norm = normalize(candidate)
    if not norm:
        return None
    known = list(dict.fromkeys(known))
    for club in known:
        if normalize(club) == norm:
            return club
    tokens = club_tokens(candidate)
    if not tokens or any(len(t) < 3 for t in tokens):
        return None
    scored: list[tuple[int, str]] = []
    suffixed = [club for club in known if _ends_a_word_of(tokens, club)]
    if len(suffixed) == 1:
        return suffixed[0]
    for club in known:
        club_set = club_tokens(club) | set(normalize(club).split())
        if tokens <= club_set:
            scored.append((len(club_set - tokens), club))
        elif club_tokens(club) and club_tokens(club) <= tokens and len(club_tokens(club)) >= 1:
            scored.append((len(tokens - club_set) + 1, club))
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _ends_a_word_of(tokens: set[str], club: str) -> bool:
    """'Gladbach' is the end of 'Mönchengladbach': a short form of one distinctive word."""
    if len(tokens) != 1:
        return False
    (token,) = tokens
    return len(token) >= 6 and any(
        word != token and word.endswith(token) for word in club_tokens(club)
    )


# --- positions -----------------------------------------------------------------------------

_POSITION_WORDS: tuple[tuple[str, str], ...] = (
    ("goalkeeper", r"goal ?keeper|keeper|goalie|torwart|torhüter|schlussmann"),
    (
        "defender",
        r"defender|(?:centre|center|left|right|full|wing)[- ]?back|sweeper|libero|stopper"
        r"|(?:innen|außen|aussen)?verteidiger",
    ),
    (
        "midfielder",
        r"(?:defensive |attacking |central |centre |center |left |right |box-to-box )?midfielder"
        r"|playmaker|regista|(?:defensive |offensive )?mittelfeld\w*|sechser|zehner",
    ),
    (
        "forward",
        r"(?:centre|center|second)?[- ]?forward|striker|winger|attacker|(?:mittel)?stürmer"
        r"|flügelspieler|angreifer",
    ),
)
_GENERIC_POSITION = {"goalkeeper", "defender", "midfielder", "forward", "torwart", "stürmer"}


def parse_position(text: str) -> Position | None:
    """'Goalkeeper' -> goalkeeper; 'Centre-back' -> defender + 'centre-back'; else None."""
    raw = " ".join(text.split())
    found: list[tuple[int, str, str]] = []
    for category, pattern in _POSITION_WORDS:
        for match in re.finditer(rf"\b(?:{pattern})\b", raw, re.I):
            found.append((match.start(), category, match.group(0).strip(" -").lower()))
    if not found:
        return None
    found.sort()
    category = found[0][1]
    # 'Forward (striker)': the category from the first word, the detail from a specific one
    detail = next((w for _, c, w in found if c == category and w not in _GENERIC_POSITION), None)
    return Position(category=category, detail=detail, raw=raw)  # type: ignore[arg-type]
