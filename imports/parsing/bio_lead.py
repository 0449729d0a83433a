"""The title and lead of a biography: the player's name, other names, nickname, nationality,
position and, only from a present-tense playing statement, the current club."""

from __future__ import annotations

import re

from core.text import normalize

from .bio_clubs import CLUB_AFTER, is_club_name
from .countries import DEMONYM_RE, country_by_demonym
from .dates import MONTH_RE, parse_date
from .documents import Lead
from .prose import NAME, clean_name, parse_position
from .prose import split_sentences as _split

# A Wikipedia disambiguator after the name: 'Diego (footballer, born 1985)'.
DISAMBIGUATED_TITLE_RE = re.compile(
    r"^(?P<name>[^()]+?)\s*\((?P<what>[^()]*\b(?:footballer|soccer|born|player|goalkeeper"
    r"|defender|midfielder|forward|striker|manager|coach)\b[^()]*)\)\s*$"
)
# Where the lead's description starts: ' is an ', ' was a '.
DESCRIPTION_START_RE = re.compile(r"\s+(?:is|was)\s+an?\s+")
# Where the subject's name ends: ', born …', ' (Russian: …)'.
SUBJECT_END_RE = re.compile(r"\s*[,(]")
# A name in quotes inside the subject: 'Matthew Graham "Matt" McKay'.
QUOTED_IN_NAME_RE = re.compile(r"\s*[\"“„]([^\"“”„]{1,30})[\"”“]\s*")
# Another name introduced by a phrase: 'also known as Mio Nagata', 'born Sebastian Cann-Svärd'.
ALIAS_RE = re.compile(
    rf"\b(?:also known as|known simply as|known as|nicknamed|born|née)\s+"
    rf"({NAME}(?:\s*(?:,|\bor\b)\s*{NAME})*)"
)
# Between alternative names: 'A or B', 'A, B'.
ALIAS_SEPARATOR_RE = re.compile(r"\s*(?:,|\bor\b)\s*")
# A month opening a captured 'name': 'born May 1999' (but 'Jan Nowak' is a name).
MONTH_START_RE = re.compile(rf"(?i)(?:{MONTH_RE})\.?\s+\d")
# A quoted nickname: 'widely known as "Big Sam"', 'the nickname "Il Principino"'.
NICKNAME_RE = re.compile(
    r"\b(?:known\s+as|nicknamed?|the\s+nickname)\s+(?:the\s+)?[\"“„]([^\"“”„]{2,40})[\"”“]"
)
# The name in the native script: '(Russian: Виталий Денисов)', '(Japanese: 宮本 恒靖)'.
NATIVE_NAME_RE = re.compile(r"\((?P<language>[A-Z][a-z]{2,20}):\s*(?P<name>[^():;,]{1,60})\)")
# The description of the subject: 'is a German professional footballer'.
DESCRIBED_RE = re.compile(
    r"\b(?:is|was)\s+an?\s+(.{0,80}?)\b(?:footballer|soccer player|player|manager)"
)
# The position stated: 'as a goalkeeper for', 'as an attacking midfielder.'.
AS_POSITION_RE = re.compile(r"\bas an?\s+([\w -]{3,40}?)(?=\s+(?:for|and|who|at)\b|[.,;]|$)")
# A retired or former player: 'former professional footballer', 'retired'.
FORMER_RE = re.compile(r"\b(?:former|retired|ex-)\b")
# A present-tense playing statement with its club: 'plays as a goalkeeper for club Werder
# Bremen', 'captains League Two club Port Vale'.
PLAYS_FOR_RE = re.compile(
    rf"\b(?:plays|is\s+playing|currently\s+plays)\b[^.;]{{0,60}}?\bfor\s+{CLUB_AFTER}"
)
# A present-tense captaincy: 'captains League Two club Port Vale'.
CAPTAINS_RE = re.compile(rf"\bcaptains\s+{CLUB_AFTER}")


def player_name(title: str) -> str:
    """'Diego (footballer, born 1985)' -> 'Diego'; other titles unchanged."""
    m = DISAMBIGUATED_TITLE_RE.match(title)
    return m.group("name").strip() if m else title


def _has_native_script(name: str) -> bool:
    return any(ord(c) > 0x24F and c.isalpha() for c in name)


def subject_name(text: str, title: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The subject as the lead writes it, without a quoted short name, and its nicknames.

    'Matthew Graham "Matt" McKay' -> 'Matthew Graham McKay'; the quoted part is a nickname
    unless the title uses it ('Matt McKay').
    """
    head = DESCRIPTION_START_RE.split(text, maxsplit=1)[0]
    part = SUBJECT_END_RE.split(head, maxsplit=1)[0].strip()
    nicknames: list[str] = []
    title_words = set(normalize(title or "").split())
    for quoted in QUOTED_IN_NAME_RE.findall(part):
        if normalize(quoted) not in title_words:
            nicknames.append(quoted.strip())
    part = QUOTED_IN_NAME_RE.sub(" ", part).strip()
    if not part or not re.fullmatch(NAME, part):
        return None, tuple(nicknames)
    return clean_name(part), tuple(nicknames)


def alternative_names(text: str, subject: str | None, title: str | None) -> tuple[str, ...]:
    """Birth names, 'also known as' names, native-script names; never the player's name."""
    player = normalize(player_name(title)) if title else None
    names: list[str] = []
    if subject and normalize(subject) != player:
        names.append(subject)
    for match in NATIVE_NAME_RE.finditer(text):
        if _has_native_script(match.group("name")):
            names.append(" ".join(match.group("name").split()))
    for match in ALIAS_RE.finditer(text):
        for name in ALIAS_SEPARATOR_RE.split(match.group(1)):
            name = clean_name(name)
            if parse_date(name) is not None or MONTH_START_RE.match(name):
                continue  # '(born May 1999)' is a date, not a name
            if name:
                names.append(name)
    unique: dict[str, str] = {}
    for name in names:
        if normalize(name) != player:
            unique.setdefault(normalize(name), name)
    return tuple(unique.values())


def nicknames_in(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(1).strip() for m in NICKNAME_RE.finditer(text)))


def current_club_in_lead(text: str, line: int, not_clubs: set[str]) -> str | None:
    """The club of a present-tense playing statement; None for a former player."""
    described = DESCRIBED_RE.search(text)
    if described and FORMER_RE.search(described.group(1)):
        return None
    for sentence in _split(text, line):
        for regex in (PLAYS_FOR_RE, CAPTAINS_RE):
            for match in regex.finditer(sentence.text):
                if is_club_name(match.group("club"), not_clubs):
                    return clean_name(match.group("club"))
    return None


def parse_lead(
    text: str, line: int, title: str | None = None, not_clubs: set[str] | None = None
) -> Lead:
    subject, quoted = subject_name(text, title)
    nationality = None
    described = DESCRIBED_RE.search(text)
    if described and (m := DEMONYM_RE.search(described.group(1))):
        country = country_by_demonym(m.group(1))
        nationality = country.code if country else None
    position = None
    if m := AS_POSITION_RE.search(text):
        position = parse_position(m.group(1))
    if position is None and described:
        position = parse_position(described.group(1) + " " + text[described.end() :][:60])
    return Lead(
        line=line,
        text=text,
        subject=subject,
        alternative_names=alternative_names(text, subject, title),
        nationality=nationality,
        position=position,
        current_club=current_club_in_lead(text, line, not_clubs or set()),
        nicknames=tuple(dict.fromkeys((*quoted, *nicknames_in(text)))),
    )
