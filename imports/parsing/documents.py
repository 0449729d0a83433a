"""Parsed-document records: what the parsers return, free of any storage concern.

Every fact carries the 1-based line it came from so an editor can check it in the source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["biography", "web_interview", "outlet_interview"]
Precision = Literal["year", "month", "day"]
Category = Literal["league", "cup", "league_cup", "continental", "other", "total"]
TotalScope = Literal["row", "club", "club_all", "country", "career"]
TurnKind = Literal["question", "answer", "subheading"]
MatchResult = Literal["win", "draw", "loss"]
SpellKind = Literal["senior", "loan"]
PostKind = Literal["coaching", "administration"]

CATEGORIES: tuple[Category, ...] = ("league", "cup", "league_cup", "continental", "other", "total")


class ParseError(Exception):
    """A document that cannot be read; str() names the file and line."""

    def __init__(self, file_name: str, line: int | None, message: str) -> None:
        self.file_name = file_name
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file_name if self.line is None else f"{self.file_name}, line {self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int | None, str]]:
        # keep the exception picklable with its three arguments
        return (type(self), (self.file_name, self.line, self.message))


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something read but not understood, or a claim that did not check out."""

    line: int | None
    message: str


# --- dates --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def as_date(self) -> dt.date:
        """The first day the partial date can mean (for storage with a precision column)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, slots=True, order=True)
class Season:
    """A season: ``start_year == end_year`` for calendar-year leagues (e.g. J1 League '2025')."""

    start_year: int
    end_year: int

    @property
    def is_calendar_year(self) -> bool:
        return self.start_year == self.end_year

    @property
    def label(self) -> str:
        """House style: '2023–24' (en dash) or '2025'."""
        if self.is_calendar_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year % 100:02d}"

    def __str__(self) -> str:
        return self.label


# --- shared -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Position:
    """A playing position: a broad category plus the source's detail ('centre-back')."""

    category: Literal["goalkeeper", "defender", "midfielder", "forward"] | None
    detail: str | None
    raw: str


@dataclass(frozen=True, slots=True)
class NationalTeam:
    """A national side: ``level`` is 'senior', 'U15'…'U23' or 'olympic'; ``name`` as written."""

    country: str | None  # ISO 3166 alpha-2 ('DE'; 'GB-ENG' style codes for home nations)
    level: str
    name: str

    @property
    def label(self) -> str:
        return self.name


# --- biography ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Infobox:
    birth_date: PartialDate | None = None
    birth_place: str | None = None
    birth_country: str | None = None  # ISO alpha-2
    position: Position | None = None
    current_club: str | None = None
    height_cm: int | None = None
    nationalities: tuple[str, ...] = ()  # ISO alpha-2
    full_name: str | None = None
    shirt_number: int | None = None
    unknown_infobox: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field name -> source line
    # 'Current club' exactly as written ('D.C. United (on loan from FC Midtjylland)');
    # ``current_club`` holds only the club part, and is None for a coaching job or no club.
    current_club_as_written: str | None = None
    current_club_loan_owner: str | None = None  # '(on loan from X)' -> X
    status: Literal["free agent", "retired"] | None = None  # 'Free agent', 'Retired'


@dataclass(frozen=True, slots=True)
class Lead:
    """The lead paragraph's claims; ``subject`` is None when extraction lost the name."""

    line: int
    text: str
    subject: str | None
    alternative_names: tuple[str, ...]
    nationality: str | None  # ISO alpha-2, from the demonym
    position: Position | None
    current_club: str | None  # only from a present-tense playing statement, never a country
    nicknames: tuple[str, ...] = ()  # quoted: 'widely known as "Big Sam"'


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    text: str  # exactly as written (lines joined with '\n', surrounding blank lines trimmed)
    line: int  # heading line
    end_line: int


@dataclass(frozen=True, slots=True)
class CompetitionStats:
    """Appearances and goals in one competition category, in three states.

    A number; ``None`` with ``unknown=False``: did not take part (a dash in the source);
    ``None`` with ``unknown=True``: the cell is empty, the value is not given.
    """

    apps: int | None
    goals: int | None
    unknown: bool = False


@dataclass(frozen=True, slots=True)
class StatsGroup:
    """A column group learned from the table header."""

    name: str  # as written: 'League', 'DFB-Pokal', 'Europe'
    category: Category
    has_division: bool


@dataclass(frozen=True, slots=True)
class StatsRow:
    """One season at one club, with spans rebuilt."""

    line: int
    club: str
    is_loan: bool
    season: Season
    division: str | None
    # summed per category; a category the table has no column for is absent (unknown)
    stats: dict[Category, CompetitionStats]
    groups: tuple[CompetitionStats, ...]  # per header group, same order as StatsTable.groups
    division_tier: int | None = None  # a Division column holding a tier number ('1', '2')
    country: str | None = None  # from a Country column or a country separator row


@dataclass(frozen=True, slots=True)
class ClaimedTotal:
    """A 'Total', 'Club total', country 'Totals' or 'Career total' row: the source's own sums.

    ``covers`` lists the lines of the season rows the total claims to sum (empty for a
    country total over rows that name no country).
    """

    line: int
    club: str | None  # None for the career and country totals
    stats: dict[Category, CompetitionStats]
    groups: tuple[CompetitionStats, ...]
    scope: TotalScope = "club"  # 'club': one spell; 'club_all': every spell of the club
    country: str | None = None
    covers: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class StatsTable:
    line: int
    groups: tuple[StatsGroup, ...]
    rows: tuple[StatsRow, ...]
    club_totals: tuple[ClaimedTotal, ...]
    career_total: ClaimedTotal | None
    country_totals: tuple[ClaimedTotal, ...] = ()


@dataclass(frozen=True, slots=True)
class TotalsMismatch:
    """A total written in the source that the season rows do not add up to."""

    scope: TotalScope  # 'row': a season row's own Total column
    club: str | None
    column: str  # '<category>.apps' / '<category>.goals'
    claimed: int | None
    computed: int | None
    line: int
    country: str | None = None

    @property
    def message(self) -> str:
        where = {"row": f"{self.club} season", "club_all": f"{self.club} club"}.get(
            self.scope, self.club or self.country or self.scope
        )
        return (
            f"{where} total {self.column} claims {self.claimed}, "
            f"the seasons add up to {self.computed}"
        )


@dataclass(frozen=True, slots=True)
class YouthSpell:
    club: str
    joined: PartialDate | None
    previous_club: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Transfer:
    """A permanent move or a promotion to a first team stated in prose."""

    club: str
    from_club: str | None
    date: PartialDate | None
    kind: Literal["transfer", "first_team"]
    line: int


@dataclass(frozen=True, slots=True)
class LoanStatement:
    club: str
    owner: str | None
    start: PartialDate | None
    season: Season | None
    line: int
    end: PartialDate | None = None  # 'until the end of the 2019 season' -> 2019


@dataclass(frozen=True, slots=True)
class ContractStatement:
    club: str | None
    until: PartialDate
    line: int


@dataclass(frozen=True, slots=True)
class NationalTeamMention:
    team: NationalTeam
    first_year: int | None
    line: int


@dataclass(frozen=True, slots=True)
class CapsStatement:
    """'12 caps in the U15, U16 and U19 sides': one total shared by the listed teams."""

    caps: int
    goals: int | None
    teams: tuple[NationalTeam, ...]
    since: int | None  # first year stated: 'since 2019', 'between 2000 and 2006'
    line: int
    until: int | None = None  # last year stated: 'between 2000 and 2006' -> 2006


@dataclass(frozen=True, slots=True)
class CoachingPost:
    """A coaching or administration job the subject held: never a cap, a spell or a club."""

    role: str  # as written: 'manager', 'head coach', 'youth coach', 'president'
    team_or_club: str  # 'England national team', 'Catanzaro', 'Japan Football Association'
    start: PartialDate | None
    end: PartialDate | None
    line: int
    current: bool = False  # 'currently head coach of', an infobox 'Current club: X (head coach)'
    kind: PostKind = "coaching"


@dataclass(frozen=True, slots=True)
class ClubSpell:
    """One uninterrupted stay at a club read from the statistics table, in table order.

    Rows of one club are one spell unless a season at another club (not a loan) lies
    between them; a loan is its own spell. Bolton 1973-80 and 1985-86 are two spells.
    """

    club: str
    kind: SpellKind
    first_season: Season
    last_season: Season
    rows: tuple[int, ...]  # lines of the table rows


@dataclass(frozen=True, slots=True)
class NotableMatch:
    date: PartialDate | None
    team: NationalTeam | None
    club: str | None
    opponent: str
    goals_for: int | None  # from the player's team's view
    goals_against: int | None
    result: MatchResult | None
    notes: tuple[str, ...]  # 'clean sheet', 'scored', 'debut', 'started', 'substitute'
    line: int


@dataclass(frozen=True, slots=True)
class ClubAlias:
    """A club name used in prose that matched a club of the table or infobox."""

    alias: str
    club: str
    line: int


@dataclass(frozen=True, slots=True)
class BiographyDocument:
    file_name: str
    full_name: str | None
    infobox: Infobox
    lead: Lead | None
    sections: tuple[Section, ...]
    statistics: StatsTable | None
    youth_spells: tuple[YouthSpell, ...]
    transfers: tuple[Transfer, ...]
    loans: tuple[LoanStatement, ...]
    contracts: tuple[ContractStatement, ...]
    national_teams: tuple[NationalTeamMention, ...]
    caps: tuple[CapsStatement, ...]
    matches: tuple[NotableMatch, ...]
    club_aliases: tuple[ClubAlias, ...]
    warnings: tuple[ParseWarning, ...]
    language: str = "en"
    kind: DocumentKind = "biography"
    title: str | None = None  # as written: 'Diego (footballer, born 1985)'
    aliases: tuple[str, ...] = ()  # other names of the player: birth name, native script
    nicknames: tuple[str, ...] = ()  # quoted nicknames: 'Big Sam', 'Il Principino'
    coaching: tuple[CoachingPost, ...] = ()
    spells: tuple[ClubSpell, ...] = ()  # from the table; two stays at one club stay two

    @property
    def unknown_infobox(self) -> dict[str, str]:
        return self.infobox.unknown_infobox


# --- interviews ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhotoCredit:
    caption: str
    credit: str | None
    lines: tuple[int, ...]  # every line the caption appeared on


@dataclass(frozen=True, slots=True)
class Turn:
    kind: TurnKind
    speaker: str | None  # resolved: the interviewee's fullest name, the outlet, or None
    text: str  # enclosing quotation marks removed; continued paragraphs joined by a blank line
    line: int
    prefix: str | None = None  # speaker prefix as written ('Backhaus', 'SPORT1')


@dataclass(frozen=True, slots=True)
class InterviewDocument:
    file_name: str
    kind: DocumentKind
    language: str | None  # 'en' / 'de'
    title: str | None
    standfirst: str | None
    intro: tuple[str, ...]
    turns: tuple[Turn, ...]
    photo_credits: tuple[PhotoCredit, ...]
    outlet: str | None
    author: str | None
    published: dt.datetime | dt.date | None  # aware datetime when a time is stated
    interviewee: str | None
    interviewer: str | None
    mentions: tuple[str, ...]
    unanswered_question: Turn | None
    warnings: tuple[ParseWarning, ...]
    authors: tuple[str, ...] = ()  # every author of the byline; ``author`` is the first
    speakers: tuple[str, ...] = ()  # everyone who answers, in order of appearance

    @property
    def questions(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.kind == "question")

    @property
    def answers(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.kind == "answer")
