"""What the biography prose readers share: which names are clubs, and the reading state.

A name read from prose is a club only when it is not a country, a demonym, a national
team, a month, a league or a place named elsewhere in the document (the birthplace).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import normalize

from .countries import country_by_demonym, country_by_name
from .dates import MONTHS
from .documents import ClubAlias, ParseWarning
from .prose import NAME, Sentence, U, clean_name, match_club

# A league, cup or body named like a club: 'Major League Soccer', 'Serie A', 'UEFA Cup'.
NOT_A_CLUB_RE = re.compile(
    r"(?i)\b(?:league|liga|division|cup|championship|olympics|association|federation"
    r"|bundesliga|serie|eredivisie|superliga|world|national|squad|team)\b"
)
# Words a sentence starts with that a capitalised-name pattern swallows: 'In 2004 Porto'.
LEADING_WORD_RE = re.compile(
    r"^(?:(?:In|On|At|After|Before|Back|When|During|By|From|With|Then|Later|Aged|January"
    r"|February|March|April|May|June|July|August|September|October|November|December)\s"
    r"|\d{1,4}\s)+"
)
# What stands between a verb and the club it governs: 'Danish club ', '2. Bundesliga club ',
# 'Major League Soccer club ', 'the '.
CLUB_QUALIFIER = rf"(?:the\s+)?(?:(?:{U}|\d)[\w.'’-]*\s+){{0,5}}(?:club|side)\s+|the\s+"
# A club named after a verb, with its qualifier: 'Major League Soccer club D.C. United'.
CLUB_AFTER = rf"(?:{CLUB_QUALIFIER})?(?P<club>{NAME})"
CLUB_AFTER_RE = re.compile(CLUB_AFTER)
# Where a list of clubs goes on: ', ', ' and ', ', and then ', ' and then for ', ' and the '.
LIST_GLUE_RE = re.compile(r"(?:,\s*|\s+)(?:and\s+|or\s+)?(?:then\s+)?(?:for\s+|at\s+)?(?:the\s+)?")
# What makes glue a list joiner: ', ', ' and ', ' or '.
LIST_JOINER_RE = re.compile(r",|\band\b|\bor\b")
# The subject coaching, not another coach: 'managed Blackpool', 'head coach of Pisa',
# 'player-manager', 'caretaker manager' (but 'coached by X' and 'coach Hans Meyer' are others).
COACHING_WORD_RE = re.compile(
    r"\b(?:player-(?:manager|coach)|coach(?:ed|es|ing)?|manag(?:er|ed|ing|ement)"
    r"|caretaker|took\s+charge|in\s+charge)\b"
)
# A role word that names someone else: 'coached by', 'managed by'.
OTHERS_ROLE_RE = re.compile(r"\s+by\b")
# A role noun before a person's name: 'manager Tommy Warrilow', 'coach Hans Meyer'.
TITLE_BEFORE_NAME_RE = re.compile(rf"\s+{U}")
# A role noun (not a verb): 'coach', 'manager'.
ROLE_NOUN_RE = re.compile(r"(?:coach|manager)$")
# Where a clause falls into parts: ', ', '; ', ' and '.
FRAGMENT_SPLIT_RE = re.compile(r",\s+|;\s+|\s+and\s+")
# A playing statement: 'captained', 'played', 'represented', 'capped', 'debut', 'caps'.
PLAYING_WORD_RE = re.compile(
    r"\b(?:captain\w*|play\w*|represent\w*|capped|caps?|debut\w*|appearances|matches)\b"
)
# A section about youth football: 'Youth career', 'Early life'.
YOUTH_HEADING_RE = re.compile(r"(?i)\byouth\b|\bearly\s+life\b|\bchildhood\b")
# A section about national teams: 'International career'.
INTERNATIONAL_HEADING_RE = re.compile(r"(?i)\binternational\b|\bnational\s+team\b")


@dataclass(frozen=True, slots=True)
class ProseSentence:
    """A sentence with the heading of the section it stands in (None for the lead)."""

    text: str
    line: int
    heading: str | None

    @property
    def sentence(self) -> Sentence:
        return Sentence(self.text, self.line)


def strip_leading_words(name: str) -> str:
    """'In 2004 Porto' -> 'Porto': sentence openers a name pattern took for a name."""
    return clean_name(LEADING_WORD_RE.sub("", name))


def is_club_name(name: str, not_clubs: set[str] | None = None) -> bool:
    """A club, not a country, demonym, month, league, national team or known place."""
    cleaned = clean_name(name)
    if len(cleaned) < 2 or (not cleaned[0].isupper() and not cleaned[0].isdigit()):
        return False
    if country_by_name(cleaned) or country_by_demonym(cleaned):
        return False
    if normalize(cleaned) in MONTHS or NOT_A_CLUB_RE.search(cleaned):
        return False
    return not (not_clubs and normalize(cleaned) in not_clubs)


def is_coaching_clause(text: str) -> bool:
    """The clause speaks of the subject coaching or managing (not of his coach)."""
    for match in COACHING_WORD_RE.finditer(text):
        if OTHERS_ROLE_RE.match(text, match.end()):
            continue
        if ROLE_NOUN_RE.search(match.group(0)) and TITLE_BEFORE_NAME_RE.match(text, match.end()):
            continue
        return True
    return False


def fragments(text: str) -> list[tuple[int, int]]:
    """Spans of a clause's parts, split at commas, semicolons and 'and'."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in FRAGMENT_SPLIT_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def coaching_spans(text: str) -> list[tuple[int, int]]:
    """Parts of a coaching clause without a playing statement: no team or cap comes from them."""
    if not is_coaching_clause(text):
        return []
    return [(a, b) for a, b in fragments(text) if not PLAYING_WORD_RE.search(text[a:b])]


def club_list(text: str, start: int = 0) -> list[tuple[int, str]]:
    """Clubs listed from ``start``: 'B 1908 and then for FC Copenhagen', 'A, B and C'."""
    found: list[tuple[int, str]] = []
    position = start
    while True:
        match = CLUB_AFTER_RE.match(text, position)
        if match is None:
            return found
        found.append((match.start("club"), clean_name(match.group("club"))))
        glue = LIST_GLUE_RE.match(text, match.end())
        if glue is None or not LIST_JOINER_RE.search(glue.group(0)):
            return found
        position = glue.end()


@dataclass
class ClubBook:
    """Clubs the document names: the table's and infobox's first, then the prose's."""

    known: list[str]
    not_clubs: set[str] = field(default_factory=set)
    aliases: list[ClubAlias] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # normalized old name -> club

    def resolve(self, name: str, line: int, *, learn: bool = True) -> str:
        """The known club a prose name refers to, noting the alias; learn new clubs."""
        name = clean_name(name)
        renamed = self.renamed.get(normalize(name))
        known = renamed or match_club(name, self.known)
        if known is None:
            if learn:
                self.known.append(name)
            return name
        if normalize(known) != normalize(name) and not any(
            a.alias == name and a.club == known for a in self.aliases
        ):
            self.aliases.append(ClubAlias(alias=name, club=known, line=line))
        return known

    def rename(self, old: str, new: str, line: int) -> None:
        """'Queensland Roar, the club later known as Brisbane Roar'."""
        club = self.resolve(new, line)
        self.renamed[normalize(clean_name(old))] = club
        self.resolve(old, line)


@dataclass
class ProseState:
    """What the readers carry from sentence to sentence."""

    clubs: ClubBook
    nationality: str | None
    warnings: list[ParseWarning]
    parent: str | None = None  # the club holding the player's registration, as last read
    context_club: str | None = None

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(line, message))
