"""Wikipedia-style biography: title, infobox, lead, sections, statistics table, prose facts.

The readers of the prose live in ``bio_*`` modules by what they read: ``bio_infobox``,
``bio_lead``, ``bio_career`` (youth, moves, loans, contracts), ``bio_international`` (teams,
caps, matches), ``bio_coaching`` (jobs that are never caps or spells) and ``bio_spells``.
"""

from __future__ import annotations

import re

from core.text import normalize

from .bio_career import CareerReader, align_loans_with_table, checked_loans
from .bio_clubs import ClubBook, ProseSentence, ProseState
from .bio_coaching import CoachingReader
from .bio_infobox import INFOBOX_RE, parse_height, parse_infobox
from .bio_international import InternationalReader
from .bio_lead import nicknames_in, parse_lead, player_name
from .bio_spells import table_spells
from .documents import (
    BiographyDocument,
    ClubAlias,
    CoachingPost,
    Infobox,
    Lead,
    LoanStatement,
    ParseError,
    ParseWarning,
    Section,
    StatsTable,
)
from .prose import match_club, names_in
from .prose import split_sentences as _split
from .statistics import check_totals, parse_table

__all__ = ["parse_biography", "parse_height", "parse_infobox", "parse_lead"]

# The article title: '= Mio Backhaus ='.
TITLE_RE = re.compile(r"^\s*=([^=]+)=\s*$")
# A section heading, two to six equals signs each side: '==Career statistics=='.
HEADING_RE = re.compile(r"^\s*(={2,6})([^=]+)\1\s*$")
# The heading of the section whose table the table reader reads: 'Career statistics',
# 'Club statistics', 'Statistics'.
STATISTICS_HEADING_RE = re.compile(r"(?i)\bstatistics\b|\bappearances\b")


def _headings(lines: list[str]) -> list[tuple[int, str]]:
    return [
        (index, m.group(2).strip())
        for index, raw in enumerate(lines, start=1)
        if (m := HEADING_RE.match(raw))
    ]


def _is_table_row(raw: str) -> bool:
    return raw.strip().startswith("|")


def _sections(
    lines: list[str], headings: list[tuple[int, str]], warnings: list[ParseWarning]
) -> list[Section]:
    """Sections with their prose; a pipe table is never section text."""
    sections: list[Section] = []
    for position, (line, heading) in enumerate(headings):
        end = headings[position + 1][0] - 1 if position + 1 < len(headings) else len(lines)
        body = lines[line:end]
        while body and not body[-1].strip():
            body.pop()
        offset = 0
        while offset < len(body) and not body[offset].strip():
            offset += 1
        kept = [raw for raw in body[offset:] if not _is_table_row(raw)]
        if len(kept) < len(body[offset:]) and not STATISTICS_HEADING_RE.search(heading):
            warnings.append(
                ParseWarning(line, f"table in section {heading!r} left out of its text")
            )
        while kept and not kept[-1].strip():
            kept.pop()
        while kept and not kept[0].strip():
            kept.pop(0)
        sections.append(
            Section(
                heading=heading,
                text="\n".join(kept),
                line=line,
                end_line=line + offset + len(body[offset:]),
            )
        )
    return sections


def _statistics_rows(
    lines: list[str], headings: list[tuple[int, str]], warnings: list[ParseWarning]
) -> list[tuple[int, str]]:
    """The pipe rows of the statistics section; without one, the rows before any heading
    (a table in another section, 'International goals', is not a career table)."""
    bounds = [
        (line, headings[i + 1][0] if i + 1 < len(headings) else len(lines) + 1)
        for i, (line, heading) in enumerate(headings)
        if STATISTICS_HEADING_RE.search(heading)
    ]
    rows = [(i, raw) for i, raw in enumerate(lines, start=1) if _is_table_row(raw)]
    if bounds:
        start, end = bounds[0]
        kept = [(i, raw) for i, raw in rows if start < i < end]
    else:
        kept = []
        first_heading = headings[0][0] if headings else len(lines) + 1
        for i, raw in rows:
            if i > first_heading:
                break
            if (
                kept
                and i != kept[-1][0] + 1
                and not all(not lines[j - 1].strip() for j in range(kept[-1][0] + 1, i))
            ):
                break
            kept.append((i, raw))
    if len(kept) < len(rows):
        first_left = next(i for i, _ in rows if (i, lines[i - 1]) not in kept)
        warnings.append(
            ParseWarning(first_left, "a table outside the statistics section was not read")
        )
    return kept


def _prose(
    lines: list[str], headings: list[tuple[int, str]], lead: Lead | None
) -> list[ProseSentence]:
    first_section = headings[0][0] if headings else len(lines) + 1
    heading_at = dict(headings)
    current: str | None = None
    prose: list[ProseSentence] = []
    for index, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if index in heading_at:
            current = heading_at[index]
            continue
        if not stripped or _is_table_row(raw):
            continue
        if index < first_section:
            if lead is not None and index >= lead.line and len(stripped) > 60:
                prose.extend(ProseSentence(s.text, s.line, None) for s in _split(stripped, index))
            continue
        if not INFOBOX_RE.match(raw):
            prose.extend(ProseSentence(s.text, s.line, current) for s in _split(stripped, index))
    return prose


def _not_clubs(infobox: Infobox) -> set[str]:
    """Places the document names that a club pattern could take for a club."""
    places = set()
    for part in (infobox.birth_place or "").split(","):
        if part.strip():
            places.add(normalize(part))
    return places


def _current_club_loan(
    loans: list[LoanStatement], infobox_loan: LoanStatement | None
) -> list[LoanStatement]:
    """The infobox's '(on loan from X)' gives the owner of the prose loan to that club."""
    if infobox_loan is None:
        return loans
    for index, loan in enumerate(loans):
        if normalize(loan.club) == normalize(infobox_loan.club):
            if loan.owner is None or normalize(loan.owner) == normalize(infobox_loan.club):
                loans[index] = LoanStatement(
                    loan.club, infobox_loan.owner, loan.start, loan.season, loan.line, loan.end
                )
            return loans
    return [*loans, infobox_loan]


def parse_biography(text: str, file_name: str) -> BiographyDocument:
    """Parse a Wikipedia-style biography; raises ParseError when the table cannot be read."""
    lines = text.splitlines()
    warnings: list[ParseWarning] = []
    title: str | None = None
    infobox_items: list[tuple[int, str, str]] = []
    lead_line: tuple[int, str] | None = None
    headings = _headings(lines)

    first_section = headings[0][0] if headings else len(lines) + 1
    for index, raw in enumerate(lines[: first_section - 1], start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if title is None and (m := TITLE_RE.match(raw)):
            title = m.group(1).strip()
            continue
        if m := INFOBOX_RE.match(raw):
            infobox_items.append((index, m.group(1).strip(), m.group(2).strip()))
            continue
        if title is not None and normalize(stripped) in {
            normalize(title),
            normalize(player_name(title)),
        }:
            continue  # the infobox caption repeats the name
        if lead_line is None and (len(stripped) > 60 or stripped.startswith(",")):
            lead_line = (index, stripped)
            continue
        if lead_line is not None and len(stripped) > 60:
            continue  # further lead paragraphs are prose, read below
        if _is_table_row(raw):
            continue
        warnings.append(ParseWarning(index, f"line not understood: {stripped[:60]!r}"))

    infobox, current = parse_infobox(infobox_items, warnings)
    not_clubs = _not_clubs(infobox)
    lead = parse_lead(lead_line[1], lead_line[0], title, not_clubs) if lead_line else None
    sections = _sections(lines, headings, warnings)

    table: StatsTable | None = None
    table_rows = _statistics_rows(lines, headings, warnings)
    if table_rows:
        table = parse_table(table_rows, file_name, warnings)
        for mismatch in check_totals(table):
            where = mismatch.club or "career"
            warnings.append(
                ParseWarning(
                    mismatch.line,
                    f"{where} total {mismatch.column} claims {mismatch.claimed}, "
                    f"the seasons add up to {mismatch.computed}",
                )
            )

    known: list[str] = []
    if table is not None:
        known.extend(dict.fromkeys(row.club for row in table.rows))
    if infobox.current_club:
        known.append(infobox.current_club)
    if lead and lead.current_club:
        known.append(lead.current_club)
    nationality = (lead.nationality if lead else None) or (
        infobox.nationalities[0] if infobox.nationalities else infobox.birth_country
    )
    state = ProseState(ClubBook(known, not_clubs), nationality, warnings)
    career = CareerReader(state)
    international = InternationalReader(state)
    coaching = CoachingReader(state)
    prose = _prose(lines, headings, lead)
    nicknames: list[str] = list(lead.nicknames) if lead else []
    for sentence in prose:
        career.read(sentence)
        international.read(sentence)
        coaching.read(sentence)
        if sentence.heading is not None:
            nicknames.extend(nicknames_in(sentence.text))
    for sentence in prose:
        _read_aliases(state, sentence)

    loans = _current_club_loan(
        career.loans, current.loan(current_line(infobox)) if current else None
    )
    loans = checked_loans(align_loans_with_table(loans, table), state.warn)
    posts: list[CoachingPost] = []
    if current is not None and current.coaching is not None:
        posts.append(current.coaching)
    posts.extend(
        p
        for p in coaching.posts
        if not any(
            normalize(p.team_or_club) == normalize(q.team_or_club) and p.role == q.role
            for q in posts
        )
    )

    if title is None and lead is None and not sections:
        raise ParseError(file_name, None, "no title, lead or sections: not a biography")
    name = player_name(title) if title else infobox.full_name
    return BiographyDocument(
        file_name=file_name,
        full_name=name,
        infobox=infobox,
        lead=lead,
        sections=tuple(sections),
        statistics=table,
        youth_spells=tuple(career.youth),
        transfers=tuple(career.transfers),
        loans=tuple(loans),
        contracts=tuple(career.contracts),
        national_teams=tuple(international.teams),
        caps=tuple(international.caps),
        matches=tuple(international.matches),
        club_aliases=tuple(state.clubs.aliases),
        warnings=tuple(warnings),
        title=title,
        aliases=_aliases(name, infobox, lead),
        nicknames=tuple(dict.fromkeys(nicknames)),
        coaching=tuple(posts),
        spells=table_spells(table),
    )


def current_line(infobox: Infobox) -> int:
    return infobox.lines.get("current_club", 0)


def _aliases(name: str | None, infobox: Infobox, lead: Lead | None) -> tuple[str, ...]:
    names = [*(lead.alternative_names if lead else ()), infobox.full_name]
    unique: dict[str, str] = {}
    for alias in names:
        if alias and normalize(alias) != normalize(name or ""):
            unique.setdefault(normalize(alias), alias)
    return tuple(unique.values())


# A reserve side written after a club: 'Bremen second team', 'Lech reserves'.
RESERVE_AFTER_RE = re.compile(r"\s+(second team|reserves?|B team|II\b|U23\b|U21\b)")
# A reserve side's name in the table: 'Werder Bremen II', 'Lech Poznań II'.
RESERVE_NAME_RE = re.compile(r"\s(?:II|B|2|U23|U21)$")


def _read_aliases(state: ProseState, sentence: ProseSentence) -> None:
    """Prose names of the table's clubs: 'Bremen' -> 'Werder Bremen'."""
    text = sentence.text
    known = state.clubs.known
    for start, name in names_in(text):
        if text[max(0, start - 3) : start] == "in ":
            continue  # 'in Bremen' is the city
        club = match_club(name, known) if len(name) > 2 else None
        if club is None:
            continue
        reserve = RESERVE_AFTER_RE.match(text, start + len(name))
        if reserve:
            matched = match_club(name, [k for k in known if RESERVE_NAME_RE.search(k)])
            if matched and matched.startswith(club):
                written = f"{name} {reserve.group(1)}"
                if not any(a.alias == written for a in state.clubs.aliases):
                    state.clubs.aliases.append(ClubAlias(written, matched, sentence.line))
                continue
        state.clubs.resolve(name, sentence.line)
