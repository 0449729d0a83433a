"""The career-statistics table of a biography: flattened HTML rows rebuilt into seasons.

The grammar, as Wikipedia writes it:

    table      = header [sub-header] {separator | season-row | total-row | note-row}
    header     = label columns (Club, Season, Division, Team, Country, 'Club performance')
                 and competition groups (League, FA Cup, League Cup, Europe, Other, Total)
    sub-header = labels spanned by a header group (Division; Season, Club, League)
                 then Apps, Goals for each group
    separator  = country, then new names for the groups ('Japan | League | Emperor's Cup')
    season-row = [label cells] season [label cells] values
    total-row  = [club] 'Total' | 'Club total' | 'Totals' country | 'Career total', values

Cells that spanned several rows (club, division) appear only on their first row; later
rows are shifted left and padded with empty cells at the end. A dash standing for one or
more whole competitions shows as one cell, so values are fitted to the header by
counting: a number or an empty cell fills one column, a dash one column or whole groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from core.text import normalize

from .dates import parse_season
from .documents import (
    CATEGORIES,
    Category,
    ClaimedTotal,
    CompetitionStats,
    ParseError,
    ParseWarning,
    Season,
    StatsGroup,
    StatsRow,
    StatsTable,
    TotalScope,
    TotalsMismatch,
)

DASHES = {"—", "–", "-", "−", "‒", "―"}
MAX_GROUPS = 16  # competitions per table: real tables have up to eight
NOT_PLAYED = "—"  # a fitted column covered by a dash
UNKNOWN = ""  # a fitted column whose cell is empty

# 'Copenhagen (loan)', 'Roma [on loan]'
_LOAN_RE = re.compile(r"\s*[(\[]\s*(?:on\s+)?loan\s*[)\]]\s*$", re.I)
# a footnote at the end of a cell: '3[a]', 'Roma[note 2]', 'Total*'
_FOOTNOTE_RE = re.compile(r"\s*(?:\[[^\]]{1,12}\]|[*†‡§#]+)\s*$")
# a footnote digit glued to a header name: 'League1', 'Europe1', 'Cup2'
_HEADER_FOOTNOTE_RE = re.compile(r"(?<=[^\W\d_])\d{1,2}$")
# '12', '1,234', '1 234'
_NUMBER_RE = re.compile(r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+|\d+")
# a season cell, maybe with a footnote digit glued on: '2008-091', '2011–122', '2006/07', '2013'
_SEASON_CELL_RE = re.compile(r"(1[89]\d\d|20\d\d)(?:\s?[-–—/]\s?(\d{4}|\d{2}))?(\d?)")
# a total row's label: 'Total', 'Totals', 'Club Total', 'Career total', 'Career totals'
_TOTAL_LABEL_RE = re.compile(r"(?:(career|club|overall|all) )?totals?|gesamt|insgesamt")

# header words (normalized) naming label columns and value columns
_SEASON_RE = re.compile(r"season|year|saison|spielzeit")  # 'Season'
_CLUB_RE = re.compile(r"club|team|verein|mannschaft")  # 'Club', 'Team'
_DIVISION_RE = re.compile(r"division|tier|level|liga|league")  # 'Division', 'League' (row 2)
_COUNTRY_RE = re.compile(r"country|nation|land")  # 'Country'
_PERFORMANCE_RE = re.compile(r"(?:club )?performance")  # 'Club performance'
_APPS_RE = re.compile(r"apps?|appearances|matches|games|sp|spiele")  # 'Apps'
_GOALS_RE = re.compile(r"goals|gls|tore")  # 'Goals'

# competition names (normalized), tried in this order
_TOTAL_RE = re.compile(r"\btotal|\bgesamt")  # 'Total'
_SUPER_CUP_RE = re.compile(  # 'DFL-Supercup', 'Community Shield', 'Trophée des Champions'
    r"super ?(?:cup|copa|coppa|coupe|pokal)|supercopa|supercoppa|shield|trophee"
)
_PLAYOFF_RE = re.compile(r"play ?offs?|relegation|promotion")  # 'MLS Cup Playoffs'
_LEAGUE_CUP_RE = re.compile(  # 'League Cup', 'J.League Cup', 'EFL Cup', 'Coupe de la Ligue'
    r"league ?cup|ligapokal|coupe de la ligue|copa de la liga|taca da liga|\befl\b"
    r"|carabao|carling|worthington|nabisco|levain"
)
_CONTINENTAL_RE = re.compile(  # 'Europe', 'Asia', 'International', 'Champions League'
    r"europe|continental|uefa|champions|europa|conference|\bafc\b|\bcaf\b|concacaf|conmebol"
    r"|\basia|africa|libertadores|sudamericana|intercontinental|club world|international"
)
_CUP_RE = re.compile(r"cup|pokal|copa|coppa|coupe|taca|beker|emperor|trophy|\bfa\b")  # 'FA Cup'
_LEAGUE_RE = re.compile(  # 'League', 'Bundesliga', 'Serie A'
    r"league|liga|division|bundesliga|eredivisie|serie|ligue|premier|champion"
)
_OTHER_RE = re.compile(r"other|\bsonst")  # 'Other'

_CATEGORY_PATTERNS: tuple[tuple[re.Pattern[str], Category], ...] = (
    (_TOTAL_RE, "total"),
    (_SUPER_CUP_RE, "other"),
    (_PLAYOFF_RE, "other"),
    (_LEAGUE_CUP_RE, "league_cup"),
    (_CONTINENTAL_RE, "continental"),
    (_CUP_RE, "cup"),
    (_LEAGUE_RE, "league"),
    (_OTHER_RE, "other"),
)

Role = Literal["club", "season", "division", "country"]
_ROLE_PATTERNS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (_SEASON_RE, "season"),
    (_CLUB_RE, "club"),
    (_COUNTRY_RE, "country"),
    (_DIVISION_RE, "division"),
)


# --- cells --------------------------------------------------------------------------------


def categorize(name: str) -> Category | None:
    """Map a header group name to a category; None when it is not recognisable."""
    text = normalize(clean_header(name))
    if not text:
        return None
    return next((category for regex, category in _CATEGORY_PATTERNS if regex.search(text)), None)


def clean_header(cell: str) -> str:
    """A header cell without its footnote: 'Europe1' -> 'Europe', 'Cup[A]' -> 'Cup'."""
    text = _FOOTNOTE_RE.sub("", cell.strip())
    return _HEADER_FOOTNOTE_RE.sub("", text).strip()


def parse_number(cell: str) -> int | None:
    """'12', '1,234', '12[a]' -> int; a dash -> None; raises ValueError for anything else."""
    text = _FOOTNOTE_RE.sub("", cell.strip())
    if text in DASHES or text == "":
        return None
    if not _NUMBER_RE.fullmatch(text):
        raise ValueError(cell)
    return int(re.sub(r"\D", "", text))


def is_dash(cell: str) -> bool:
    return _FOOTNOTE_RE.sub("", cell.strip()) in DASHES


def is_number(cell: str) -> bool:
    return bool(_NUMBER_RE.fullmatch(_FOOTNOTE_RE.sub("", cell.strip())))


def is_value(cell: str) -> bool:
    """A number or a not-played dash."""
    return is_dash(cell) or is_number(cell)


def is_text(cell: str) -> bool:
    """A label cell: neither empty nor a value."""
    return bool(cell.strip()) and not is_value(cell)


def season_of(cell: str) -> Season | None:
    """'2008-091' -> 2008–09 (footnote 1 glued on), '2006/07', '1999-00', '2013[a]'."""
    text = _FOOTNOTE_RE.sub("", cell.strip())
    match = _SEASON_CELL_RE.fullmatch(text)
    if match is None:
        return None
    start, end, _footnote = match.groups()
    return parse_season(start if end is None else f"{start}-{end}")


def total_label(cell: str) -> TotalScope | None:
    """'Career total' -> career, 'Club Total' -> club_all, 'Total(s)' -> club."""
    match = _TOTAL_LABEL_RE.fullmatch(normalize(_FOOTNOTE_RE.sub("", cell)))
    if match is None:
        return None
    qualifier = match.group(1)
    if qualifier == "club":
        return "club_all"
    return "career" if qualifier else "club"


def club_named_in_total(cell: str) -> str | None:
    """'Fulham Total' -> 'Fulham', 'Total Fulham' -> 'Fulham'; None for any other cell.

    String operations, no pattern: the label is the club's name plus the word 'Total'.
    """
    words = _FOOTNOTE_RE.sub("", cell).split()
    if len(words) < 2 or total_label(cell) is not None or season_of(cell):
        return None
    if normalize(words[-1]) in {"total", "totals"}:
        name = words[:-1]
    elif normalize(words[0]) in {"total", "totals"}:
        name = words[1:]
    else:
        return None
    club = " ".join(name)
    return club if is_text(club) and total_label(club) is None else None


def split_row(line: str) -> list[str]:
    inner = line.strip()
    inner = inner.removeprefix("|")
    inner = inner.removesuffix("|")
    return [cell.strip() for cell in inner.split("|")]


def club_of(cell: str) -> tuple[str, bool]:
    """'Stoke City (loan)' -> ('Stoke City', True)."""
    is_loan = bool(_LOAN_RE.search(cell))
    name = _FOOTNOTE_RE.sub("", _LOAN_RE.sub("", cell)).strip()
    return name, is_loan


def _role_of(cell: str) -> Role | None:
    text = normalize(clean_header(cell))
    return next((role for regex, role in _ROLE_PATTERNS if regex.fullmatch(text)), None)


def _is_apps_or_goals(cell: str) -> bool:
    text = normalize(clean_header(cell))
    return bool(_APPS_RE.fullmatch(text) or _GOALS_RE.fullmatch(text))


# --- header -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    """Label columns in order (club, season, division, country), then the groups."""

    labels: tuple[Role, ...]
    groups: tuple[StatsGroup, ...]

    @property
    def season_at(self) -> int:
        return self.labels.index("season")

    @property
    def width(self) -> int:
        return 2 * len(self.groups)


def _group(name: str, has_division: bool, line: int, warnings: list[ParseWarning]) -> StatsGroup:
    clean = clean_header(name)
    category = categorize(clean)
    if category is None:
        category = "league" if has_division else "other"
        warnings.append(ParseWarning(line, f"unknown competition {clean!r} counted as {category}"))
    return StatsGroup(name=clean, category=category, has_division=has_division)


def _is_sub_header(cells: list[str]) -> bool:
    """'| Division | Apps | Goals | …' or '| Season | Club | League | Apps | …'."""
    filled = [c for c in cells if c]
    return any(_is_apps_or_goals(c) for c in filled) and not any(is_value(c) for c in filled)


def _read_header(
    rows: list[tuple[int, list[str]]], file_name: str, warnings: list[ParseWarning]
) -> tuple[_Layout, int]:
    """Learn label columns and competition groups; returns the layout and rows consumed."""
    first_line, first = rows[0]
    labels: list[Role] = []
    names: list[str] = []
    placeholder: int | None = None  # where 'Club performance' stands among the labels
    value_columns = 0  # 'Apps', 'Goals' in the first row: one unnamed competition
    for cell in (c for c in first if c):
        role = _role_of(cell)
        if role is not None and not names and not (role == "division" and _is_league(cell)):
            labels.append(role)
        elif _PERFORMANCE_RE.fullmatch(normalize(cell)) and not names:
            placeholder = len(labels)
        elif _is_apps_or_goals(cell):
            value_columns += 1
        else:
            names.append(cell)
    consumed = 1
    sub_labels: list[Role] = []
    sub_values = 0
    if len(rows) > 1 and _is_sub_header(rows[1][1]):
        consumed = 2
        for cell in (c for c in rows[1][1] if c):
            role = _role_of(cell)
            if _is_apps_or_goals(cell):
                sub_values += 1
            elif role is not None and sub_values == 0:
                sub_labels.append(role)
    if placeholder is not None:
        labels[placeholder:placeholder] = sub_labels
    else:
        labels.extend(sub_labels)
    division_in_group = bool(sub_labels) and placeholder is None
    if not names and value_columns == 2:
        names = ["League"]  # 'Season | Team | Division | Apps | Goals': the league alone
    if "season" not in labels:
        raise ParseError(file_name, first_line, "table header has no 'Season' column")
    if not names:
        raise ParseError(file_name, first_line, "table header names no competitions")
    if len(names) > MAX_GROUPS:
        raise ParseError(file_name, first_line, f"table header names {len(names)} competitions")
    if sub_values and sub_values != 2 * len(names):
        raise ParseError(
            file_name,
            rows[1][0],
            f"table header has {sub_values} Apps/Goals columns for {len(names)} competitions",
        )
    groups = tuple(
        _group(name, division_in_group and index == 0, first_line, warnings)
        for index, name in enumerate(names)
    )
    return _Layout(tuple(labels), groups), consumed


def _is_league(cell: str) -> bool:
    """'League' in the first header row is the league's group, not a Division column."""
    return normalize(clean_header(cell)) in {"league", "liga"}


def _separator_groups(
    cells: list[str], layout: _Layout
) -> tuple[str, tuple[StatsGroup, ...]] | None:
    """'| Japan | League | Emperor's Cup | League Cup | Asia | Total |' -> country, groups."""
    if len(cells) != len(layout.groups) + 1 or not all(is_text(c) for c in cells):
        return None
    names = cells[1:]
    if not any(categorize(name) for name in names) or season_of(cells[0]):
        return None
    groups = []
    for name, old in zip(names, layout.groups, strict=True):
        category = categorize(name) or old.category
        groups.append(StatsGroup(clean_header(name), category, old.has_division))
    return clean_header(cells[0]), tuple(groups)


# --- values -------------------------------------------------------------------------------


def fit(cells: Sequence[str], width: int) -> list[str] | None:
    """Spread value cells over ``width`` columns (pairs of apps, goals); None if impossible.

    A number or an empty cell fills one column. A dash at the start of a pair stands for
    one whole competition, or several when the row is short (the total then still lands
    under Total); elsewhere it fills one column. Shorter dashes, leftmost first, win.
    Columns covered by a dash read NOT_PLAYED, empty cells UNKNOWN.
    """
    if len(cells) > width:
        return None
    # fits[i][col]: cells[i:] fill columns col..width exactly (filled from the end)
    fits = [[False] * (width + 1) for _ in range(len(cells) + 1)]
    fits[len(cells)][width] = True
    for i in range(len(cells) - 1, -1, -1):
        for col in range(width):
            fits[i][col] = any(fits[i + 1][col + s] for s in _spans(cells[i], col, width))
    if not fits[0][0]:
        return None
    fitted: list[str] = []
    col = 0
    for i, cell in enumerate(cells):
        span = next(s for s in _spans(cell, col, width) if fits[i + 1][col + s])
        fitted.extend([NOT_PLAYED] * span if is_dash(cell) else [cell or UNKNOWN])
        col += span
    return fitted


def _spans(cell: str, col: int, width: int) -> list[int]:
    """Columns a cell may cover from ``col``, in order of preference."""
    if is_dash(cell):
        return [*range(2, width - col + 1, 2), 1] if col % 2 == 0 else [1]
    return [1] if not cell or is_number(cell) else []


def _value(cell: str) -> int | None:
    return None if cell in (NOT_PLAYED, UNKNOWN) else parse_number(cell)


def _pair(apps: str, goals: str) -> CompetitionStats:
    return CompetitionStats(
        _value(apps), _value(goals), unknown=UNKNOWN in (apps, goals)
    )  # fmt: skip


def _stats_from(
    fitted: list[str], groups: tuple[StatsGroup, ...]
) -> tuple[tuple[CompetitionStats, ...], dict[Category, CompetitionStats]]:
    per_group = tuple(_pair(fitted[2 * i], fitted[2 * i + 1]) for i in range(len(groups)))
    return per_group, combine(groups, per_group)


def combine(
    groups: tuple[StatsGroup, ...], values: Sequence[CompetitionStats]
) -> dict[Category, CompetitionStats]:
    """Sum groups of the same category; only categories the table has a column for."""
    result: dict[Category, CompetitionStats] = {}
    for group, value in zip(groups, values, strict=True):
        old = result.get(group.category)
        result[group.category] = value if old is None else add(old, value)
    return {c: result[c] for c in CATEGORIES if c in result}


# --- three-state arithmetic -----------------------------------------------------------------

_Column = int | None | Literal["unknown"]


def _column(stats: CompetitionStats | None, name: str) -> _Column:
    if stats is None:
        return "unknown"
    value: int | None = getattr(stats, name)
    return "unknown" if value is None and stats.unknown else value


def _add_column(a: _Column, b: _Column) -> _Column:
    if a == "unknown" or b == "unknown":
        return "unknown"
    if a is None:
        return b
    return a if b is None else a + b


def _stats(apps: _Column, goals: _Column) -> CompetitionStats:
    unknown = "unknown" in (apps, goals)
    return CompetitionStats(
        None if apps == "unknown" else apps, None if goals == "unknown" else goals, unknown
    )


def add(a: CompetitionStats | None, b: CompetitionStats | None) -> CompetitionStats:
    """Sum two statistics: not played adds nothing, unknown (or a missing column) wins."""
    return _stats(
        _add_column(_column(a, "apps"), _column(b, "apps")),
        _add_column(_column(a, "goals"), _column(b, "goals")),
    )


# --- rows ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    club: str | None = None
    is_loan: bool = False
    division: str | None = None
    division_tier: int | None = None
    country: str | None = None
    groups: tuple[StatsGroup, ...] = ()
    block: list[StatsRow] = field(default_factory=list)  # season rows since the club cell
    in_country_totals: bool = False


@dataclass(slots=True)
class _Tables:
    rows: list[StatsRow] = field(default_factory=list)
    club_totals: list[ClaimedTotal] = field(default_factory=list)
    country_totals: list[ClaimedTotal] = field(default_factory=list)
    career_total: ClaimedTotal | None = None


class _Reader:
    """Reads the body rows one by one, carrying spanned cells forward."""

    def __init__(self, layout: _Layout, file_name: str, warnings: list[ParseWarning]) -> None:
        self.layout = layout
        self.file_name = file_name
        self.warnings = warnings
        self.state = _State(groups=layout.groups)
        self.out = _Tables()
        self.padding = 0

    def read(self, line: int, cells: list[str]) -> None:
        self.padding = 0
        while cells and not cells[-1]:
            cells.pop()  # padding, or empty (unknown) values at the end: see _fit_padded
            self.padding += 1
        if not cells or _is_sub_header(cells):
            return
        if separator := _separator_groups(cells, self.layout):
            self.state.country, self.state.groups = separator
            self.state.in_country_totals = False
            return
        if self.read_total(line, cells):
            return
        if self.state.in_country_totals and self.read_country_total(line, cells):
            return
        self.state.in_country_totals = False
        if any(season_of(c) for c in cells[: self.layout.season_at + 1]):
            self.read_season(line, cells)
        elif not any(is_value(c) for c in cells):
            self.warnings.append(
                ParseWarning(line, f"table row not understood: {' | '.join(cells)[:60]!r}")
            )
        else:
            raise ParseError(self.file_name, line, f"table row has no season: {' | '.join(cells)}")

    # season rows

    def read_season(self, line: int, cells: list[str]) -> None:
        layout, state = self.layout, self.state
        at = next(i for i, c in enumerate(cells[: layout.season_at + 1]) if season_of(c))
        before = layout.labels[: layout.season_at]
        after = layout.labels[layout.season_at + 1 :]
        self.apply_labels(dict(zip(before[len(before) - at :], cells[:at], strict=True)))
        found = self.split_labels(cells[at + 1 :], after, line)
        if found is None:
            raise ParseError(self.file_name, line, self.misfit(cells, at + 1, len(after)))
        labels, fitted = found
        self.apply_labels(labels)
        if state.club is None:
            raise ParseError(self.file_name, line, "table row has no club")
        per_group, stats = _stats_from(fitted, state.groups)
        season = season_of(cells[at])
        assert season is not None
        row = StatsRow(
            line=line,
            club=state.club,
            is_loan=state.is_loan,
            season=season,
            division=state.division,
            stats=stats,
            groups=per_group,
            division_tier=state.division_tier,
            country=state.country,
        )
        self.out.rows.append(row)
        state.block.append(row)

    def split_labels(
        self, tail: list[str], roles: tuple[Role, ...], line: int
    ) -> tuple[dict[Role, str], list[str]] | None:
        """Label cells after the season (spanned ones missing), then values that fit."""
        width = 2 * len(self.state.groups)
        for lenient in (False, True):
            for count in range(min(len(roles), len(tail)), -1, -1):
                labels = dict(_assign(tail[:count], roles))
                if not all(_is_label(c, role, lenient) for role, c in labels.items()):
                    continue
                fitted = self.fit_padded(tail[count:], width)
                if fitted is not None:
                    return labels, fitted
        return None

    def apply_labels(self, labels: dict[Role, str]) -> None:
        """Label cells of this row; an empty one keeps the value spanned from above."""
        state = self.state
        labels = {role: cell for role, cell in labels.items() if cell.strip()}
        if "club" in labels:
            state.club, state.is_loan = club_of(labels["club"])
            state.block = []
        if "country" in labels:
            state.country = clean_header(labels["country"]) or None
        if "division" in labels:
            division = _FOOTNOTE_RE.sub("", labels["division"]).strip()
            tier = division.isdigit()
            state.division = None if tier or not division else division
            state.division_tier = int(division) if tier else None

    # total rows

    def read_total(self, line: int, cells: list[str]) -> bool:
        """'| Total |', '| Club A | Total |', '| Club Total |', '| Totals | Italy |', career."""
        if self.read_named_club_total(line, cells):
            return True
        at = next((i for i, c in enumerate(cells[:2]) if total_label(c)), None)
        if at is None or any(season_of(c) for c in cells[:at]):
            return False
        scope = total_label(cells[at])
        assert scope is not None
        if at == 1 and is_text(cells[0]):
            self.apply_labels({"club": cells[0]})
        rest = cells[at + 1 :]
        if scope == "club" and rest and is_text(rest[0]):
            self.state.in_country_totals = True
            return self.read_country_total(line, rest)
        self.state.in_country_totals = False
        stats = self.total_values(line, rest)
        if stats is not None:
            self.add_total(line, scope, *stats)
        self.state.block = []
        return True

    def read_named_club_total(self, line: int, cells: list[str]) -> bool:
        """'| Fulham Total | 52 | 9 | …': every row of a club named in the label, wherever
        the row stands (here after another club's seasons); the club must be in the table."""
        club = club_named_in_total(cells[0]) if cells else None
        if club is None:
            return False
        self.state.in_country_totals = False
        self.state.block = []
        known = {normalize(r.club): r.club for r in self.out.rows}
        if normalize(club) not in known:
            self.warnings.append(
                ParseWarning(line, f"total row names {club!r}, no club of the table; skipped")
            )
            return True
        stats = self.total_values(line, cells[1:])
        if stats is not None:
            name = known[normalize(club)]
            covers = tuple(r.line for r in self.out.rows if r.club == name)
            per_group, values = stats
            self.out.club_totals.append(
                ClaimedTotal(line, name, values, per_group, "club_all", None, covers)
            )
        return True

    def read_country_total(self, line: int, cells: list[str]) -> bool:
        """'| England | 18 | 1 | …' under a row-spanned 'Totals' cell."""
        if not is_text(cells[0]) or season_of(cells[0]) or len(cells) < 2:
            return False
        stats = self.total_values(line, cells[1:])
        if stats is not None:
            country = clean_header(cells[0])
            covers = tuple(r.line for r in self.out.rows if r.country == country)
            self.out.country_totals.append(
                ClaimedTotal(line, None, stats[1], stats[0], "country", country, covers)
            )
        return True

    def total_values(
        self, line: int, cells: list[str]
    ) -> tuple[tuple[CompetitionStats, ...], dict[Category, CompetitionStats]] | None:
        """A total that cannot be read is only a check lost: a warning, not a failure."""
        fitted = self.fit_padded(cells, 2 * len(self.state.groups))
        if fitted is None:
            self.warnings.append(ParseWarning(line, "total row does not fit the header; skipped"))
            return None
        return _stats_from(fitted, self.state.groups)

    def add_total(
        self,
        line: int,
        scope: TotalScope,
        per_group: tuple[CompetitionStats, ...],
        stats: dict[Category, CompetitionStats],
    ) -> None:
        rows, club = self.out.rows, self.state.club
        if scope == "career":
            self.out.career_total = ClaimedTotal(
                line, None, stats, per_group, "career", None, tuple(r.line for r in rows)
            )
            return
        if scope == "club_all":
            covers = tuple(r.line for r in rows if r.club == club)
        else:
            covers = tuple(r.line for r in self.state.block)
        self.out.club_totals.append(ClaimedTotal(line, club, stats, per_group, scope, None, covers))

    def fit_padded(self, cells: list[str], width: int) -> list[str] | None:
        """Fit the values; failing that, give back trailing empty cells one by one: the
        padding of a shifted row and an empty value at the row's end look the same."""
        for extra in range(min(self.padding, width) + 1):
            fitted = fit([*cells, *[""] * extra], width)
            if fitted is not None:
                return fitted
        return None

    def misfit(self, cells: list[str], leading: int, labels: int) -> str:
        tail = cells[leading:]
        skip = 0
        while skip < min(labels, len(tail)) and is_text(tail[skip]):
            skip += 1
        bad = next((c for c in tail[skip:] if is_text(c)), None)
        if bad is not None:
            return f"table cell {bad!r} is not a number"
        values = len(tail) - skip
        return (
            f"table row has {len(cells)} cells ({values} values), "
            f"which do not fit the {2 * len(self.state.groups)} value columns of the header"
        )


def _assign(cells: list[str], roles: tuple[Role, ...]) -> list[tuple[Role, str]]:
    """Label cells present after a span fill the innermost (last) label columns.

    A lone cell with a loan marker is the club, whatever follows it.
    """
    if not cells:
        return []
    if len(cells) < len(roles) and "club" in roles and _LOAN_RE.search(cells[0]):
        start = roles.index("club")
        return list(zip(roles[start : start + len(cells)], cells, strict=True))
    return list(zip(roles[len(roles) - len(cells) :], cells, strict=True))


def _is_label(cell: str, role: Role, lenient: bool) -> bool:
    """A label is text; only a Division column may hold a tier number (or be empty)."""
    if is_text(cell):
        return True
    return lenient and role == "division" and (cell.isdigit() or not cell)


def parse_table(
    rows: list[tuple[int, str]], file_name: str, warnings: list[ParseWarning]
) -> StatsTable:
    """Parse consecutive pipe rows (line number, raw line) into a StatsTable."""
    split = [(line, split_row(raw)) for line, raw in rows]
    layout, consumed = _read_header(split, file_name, warnings)
    reader = _Reader(layout, file_name, warnings)
    for line, cells in split[consumed:]:
        reader.read(line, cells)
    out = reader.out
    return StatsTable(
        line=rows[0][0],
        groups=layout.groups,
        rows=tuple(out.rows),
        club_totals=tuple(out.club_totals),
        career_total=out.career_total,
        country_totals=tuple(out.country_totals),
    )


# --- totals -------------------------------------------------------------------------------


def compute_totals(rows: Iterable[StatsRow]) -> dict[Category, CompetitionStats]:
    """Sum season rows per category; not played stays None, a missing column is unknown."""
    rows = tuple(rows)
    present = {c for row in rows for c in row.stats}
    result: dict[Category, CompetitionStats] = {}
    for category in (c for c in CATEGORIES if c in present):
        total = CompetitionStats(None, None)
        for row in rows:
            total = add(total, row.stats.get(category))
        result[category] = total
    return result


def _cells_total(row: StatsRow) -> CompetitionStats | None:
    """The sum of a row's competitions, to check its Total column against."""
    parts = [stats for category, stats in row.stats.items() if category != "total"]
    if not parts:
        return None
    total = CompetitionStats(None, None)
    for part in parts:
        total = add(total, part)
    return total


def _differences(
    claimed: dict[Category, CompetitionStats], computed: dict[Category, CompetitionStats]
) -> list[tuple[str, int | None, int | None]]:
    """Columns where both sides are known and differ; None (not played) and 0 count as equal,
    as sources write 0 in a total over '—' cells."""
    found = []
    for category in (c for c in CATEGORIES if c in claimed):
        for column in ("apps", "goals"):
            a = _column(claimed[category], column)
            b = _column(computed.get(category), column)
            if a == "unknown" or b == "unknown":
                continue
            if (a or 0) != (b or 0):
                found.append((f"{category}.{column}", a, b))
    return found


def _check_claimed(total: ClaimedTotal, rows: list[StatsRow]) -> list[TotalsMismatch]:
    """A claimed total against its rows; its Total column may sum either the rows' written
    totals or their cells (sources do both when a row total is wrong)."""
    computed = compute_totals(rows)
    cells = CompetitionStats(None, None)
    for row in rows:
        cells = add(cells, _cells_total(row))
    by_cells = _differences(total.stats, {"total": cells}) if "total" in total.stats else []
    return [
        TotalsMismatch(total.scope, total.club, column, a, b, total.line, total.country)
        for column, a, b in _differences(total.stats, computed)
        if not (column.startswith("total.") and column not in {c for c, _, _ in by_cells})
    ]


def check_totals(table: StatsTable) -> list[TotalsMismatch]:
    """Compare the source's row totals, Total, country Totals and Career total rows with the
    sums of the season rows."""
    mismatches: list[TotalsMismatch] = []
    for row in table.rows:
        if "total" in row.stats and (cells := _cells_total(row)) is not None:
            for column, a, b in _differences({"total": row.stats["total"]}, {"total": cells}):
                mismatches.append(TotalsMismatch("row", row.club, column, a, b, row.line))
    by_line = {row.line: row for row in table.rows}
    claimed = [*table.club_totals, *table.country_totals]
    if table.career_total is not None:
        claimed.append(table.career_total)
    for total in claimed:
        if total.scope == "country" and not total.covers:
            continue
        mismatches.extend(_check_claimed(total, [by_line[line] for line in total.covers]))
    mismatches.extend(_check_countries_together(table))
    return sorted(mismatches, key=lambda m: m.line)


def _check_countries_together(table: StatsTable) -> list[TotalsMismatch]:
    """Country totals over rows that name no country: together they cover every row."""
    totals = [t for t in table.country_totals if not t.covers]
    if not totals:
        return []
    summed: dict[Category, CompetitionStats] = {}
    for total in totals:
        for category, stats in total.stats.items():
            summed[category] = add(summed.get(category, CompetitionStats(None, None)), stats)
    joint = ClaimedTotal(totals[0].line, None, summed, (), "country", None, ())
    return _check_claimed(joint, list(table.rows))
