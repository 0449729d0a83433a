"""The career-statistics table of a biography: flattened HTML rows rebuilt into seasons.

Cells that spanned several rows (club, division) appear only on their first row; later
rows are shifted left and padded with empty cells at the end. A dash spanning the apps
and goals columns of a competition shows as one cell, so the row is fitted to the header
by counting: a number fills one column, a dash two when that makes the row fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    TotalsMismatch,
)

DASHES = {"—", "–", "-", "−", "‒", "―"}
_LOAN_RE = re.compile(r"\s*[(\[]\s*(?:on\s+)?loan\s*[)\]]\s*$", re.I)
_FOOTNOTE_RE = re.compile(r"\s*(?:\[[^\]]{1,12}\]|[*†‡§#]+)\s*$")
_NUMBER_RE = re.compile(r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+|\d+")


def categorize(name: str) -> Category | None:
    """Map a header group name to a category; None when it is not recognisable."""
    n = normalize(name)
    if not n:
        return None
    if re.search(r"\btotal\b|\bgesamt", n):
        return "total"
    if re.search(r"super ?(?:cup|copa|coppa|coupe|pokal)|supercopa|supercoppa|shield|trophee", n):
        return "other"
    if re.search(
        r"europe|continental|uefa|champions|europa|conference|\bafc\b|\bcaf\b|concacaf|conmebol"
        r"|\basia|africa|libertadores|sudamericana|intercontinental|club world|international",
        n,
    ):
        return "continental"
    if re.search(r"cup|pokal|copa|coppa|coupe|taca|beker|emperor|trophy|\bfa\b|\bcup\b", n):
        return "cup"
    if re.search(r"league|liga|division|bundesliga|eredivisie|serie|ligue|premier|champion", n):
        return "league"
    if re.search(r"other|playoff|play off|relegation|promotion|\bsonst", n):
        return "other"
    return None


def parse_number(cell: str) -> int | None:
    """'12', '1,234', '12[a]' -> int; a dash -> None; raises ValueError for anything else."""
    text = _FOOTNOTE_RE.sub("", cell.strip())
    if text in DASHES or text == "":
        return None
    if not _NUMBER_RE.fullmatch(text):
        raise ValueError(cell)
    return int(re.sub(r"\D", "", text))


def _is_dash(cell: str) -> bool:
    return _FOOTNOTE_RE.sub("", cell.strip()) in DASHES


def _is_value(cell: str) -> bool:
    if _is_dash(cell):
        return True
    try:
        parse_number(cell)
    except ValueError:
        return False
    return True


def split_row(line: str) -> list[str]:
    inner = line.strip()
    inner = inner.removeprefix("|")
    inner = inner.removesuffix("|")
    return [cell.strip() for cell in inner.split("|")]


@dataclass(slots=True)
class _State:
    club: str | None = None
    is_loan: bool = False
    division: str | None = None


def _fit(cells: list[str], width: int) -> list[str | None] | None:
    """Spread value cells over ``width`` columns (pairs of apps, goals); None if impossible.

    A dash at the start of a pair may stand for both columns; numbers fill one column.
    Dashes covering two columns are preferred, as in the source's rendering.
    """

    def walk(i: int, col: int) -> list[str | None] | None:
        if i == len(cells):
            return [] if col == width else None
        if col >= width:
            return None
        cell = cells[i]
        options = [2, 1] if _is_dash(cell) and col % 2 == 0 else [1]
        for span in options:
            if col + span > width:
                continue
            rest = walk(i + 1, col + span)
            if rest is not None:
                return [cell if cell else None] + [None] * (span - 1) + rest
        return None

    return walk(0, 0)


def _stats_from(
    values: list[str | None], groups: tuple[StatsGroup, ...], file_name: str, line: int
) -> tuple[tuple[CompetitionStats, ...], dict[Category, CompetitionStats]]:
    per_group: list[CompetitionStats] = []
    for index in range(len(groups)):
        pair = []
        for cell in values[2 * index : 2 * index + 2]:
            try:
                pair.append(None if cell is None else parse_number(cell))
            except ValueError:
                raise ParseError(file_name, line, f"table cell {cell!r} is not a number") from None
        per_group.append(CompetitionStats(pair[0], pair[1]))
    return tuple(per_group), combine(groups, per_group)


def _add(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else a + b


def combine(
    groups: tuple[StatsGroup, ...], values: list[CompetitionStats] | tuple[CompetitionStats, ...]
) -> dict[Category, CompetitionStats]:
    """Sum groups of the same category; a category stays None when all its parts are None."""
    result: dict[Category, CompetitionStats] = {c: CompetitionStats(None, None) for c in CATEGORIES}
    for group, value in zip(groups, values, strict=True):
        old = result[group.category]
        result[group.category] = CompetitionStats(
            _add(old.apps, value.apps), _add(old.goals, value.goals)
        )
    return result


def _read_header(
    rows: list[tuple[int, list[str]]], file_name: str, warnings: list[ParseWarning]
) -> tuple[tuple[StatsGroup, ...], int]:
    """Learn the competition groups from the header rows; returns groups and rows consumed."""
    first_line, first = rows[0]
    names = [c for c in first if c]
    lowered = [normalize(c) for c in names]
    if "season" not in lowered:
        raise ParseError(file_name, first_line, "table header has no 'Season' column")
    group_names = names[lowered.index("season") + 1 :]
    if not group_names:
        raise ParseError(file_name, first_line, "table header names no competitions")
    sub = [normalize(c) for c in rows[1][1] if c] if len(rows) > 1 else []
    consumed = 2 if sub and all(not _is_value(c) for c in rows[1][1] if c) else 1
    # Walk the sub-header: each group takes an optional Division then Apps, Goals.
    division_flags: list[bool] = []
    position = 0
    for _ in group_names:
        has_division = position < len(sub) and sub[position] in {"division", "league", "liga"}
        if has_division:
            position += 1
        division_flags.append(has_division)
        position += 2
    if consumed == 1 or not any(division_flags):
        division_flags = [False] * len(group_names)
    groups: list[StatsGroup] = []
    for name, has_division in zip(group_names, division_flags, strict=True):
        category = categorize(name)
        if category is None:
            category = "league" if has_division else "other"
            warnings.append(
                ParseWarning(first_line, f"unknown competition {name!r} counted as {category}")
            )
        groups.append(StatsGroup(name=name, category=category, has_division=has_division))
    if not any(g.has_division for g in groups) and consumed == 2:
        # no 'Division' sub-heading: no division columns at all
        pass
    return tuple(groups), consumed


def parse_table(
    rows: list[tuple[int, str]], file_name: str, warnings: list[ParseWarning]
) -> StatsTable:
    """Parse consecutive pipe rows (line number, raw line) into a StatsTable."""
    split = [(line, split_row(raw)) for line, raw in rows]
    groups, consumed = _read_header(split, file_name, warnings)
    division_index = next((i for i, g in enumerate(groups) if g.has_division), None)
    width = 2 * len(groups)
    state = _State()
    season_rows: list[StatsRow] = []
    club_totals: list[ClaimedTotal] = []
    career_total: ClaimedTotal | None = None

    for line, cells in split[consumed:]:
        while cells and not cells[-1]:
            cells.pop()  # padding
        if not cells:
            continue
        lead = [normalize(c) for c in cells[:3]]
        total_at = next((i for i, c in enumerate(lead) if c.endswith("total")), None)
        if total_at is not None and not any(parse_season(c) for c in cells[:total_at]):
            label = lead[total_at]
            if total_at == 1 and label == "total":  # club cell written out again
                state.club, state.is_loan = _club(cells[0])
            fitted = _fit(cells[total_at + 1 :], width)
            if fitted is None:
                raise ParseError(file_name, line, _count_message(cells, total_at + 1, width))
            per_group, stats = _stats_from(fitted, groups, file_name, line)
            is_career = label != "total"
            claimed = ClaimedTotal(line, None if is_career else state.club, stats, per_group)
            if is_career:
                career_total = claimed
            else:
                club_totals.append(claimed)
            continue

        season_at = next((i for i, c in enumerate(cells[:3]) if parse_season(c)), None)
        if season_at is None:
            raise ParseError(file_name, line, f"table row has no season: {' | '.join(cells)}")
        if season_at >= 1:
            state.club, state.is_loan = _club(cells[season_at - 1])
            state.division = None
        season = parse_season(cells[season_at])
        assert season is not None
        rest = cells[season_at + 1 :]
        if division_index is not None and rest and not _is_value(rest[0]):
            state.division = rest[0] or None
            rest = rest[1:]
        if state.club is None:
            raise ParseError(file_name, line, "table row has no club")
        fitted = _fit(rest, width)
        if fitted is None:
            raise ParseError(file_name, line, _count_message(cells, len(cells) - len(rest), width))
        per_group, stats = _stats_from(fitted, groups, file_name, line)
        season_rows.append(
            StatsRow(
                line=line,
                club=state.club,
                is_loan=state.is_loan,
                season=season,
                division=state.division,
                stats=stats,
                groups=per_group,
            )
        )
    return StatsTable(
        line=rows[0][0],
        groups=groups,
        rows=tuple(season_rows),
        club_totals=tuple(club_totals),
        career_total=career_total,
    )


def _club(cell: str) -> tuple[str, bool]:
    is_loan = bool(_LOAN_RE.search(cell))
    name = _FOOTNOTE_RE.sub("", _LOAN_RE.sub("", cell)).strip()
    return name, is_loan


def _count_message(cells: list[str], leading: int, width: int) -> str:
    values = len(cells) - leading
    return (
        f"table row has {len(cells)} cells ({values} values), "
        f"which do not fit the {width} value columns of the header"
    )


# --- totals -------------------------------------------------------------------------------


def compute_totals(rows: tuple[StatsRow, ...] | list[StatsRow]) -> dict[Category, CompetitionStats]:
    """Sum season rows per category; None stays None when no row has a value."""
    result: dict[Category, CompetitionStats] = {c: CompetitionStats(None, None) for c in CATEGORIES}
    for row in rows:
        for category in CATEGORIES:
            old, new = result[category], row.stats[category]
            result[category] = CompetitionStats(
                _add(old.apps, new.apps), _add(old.goals, new.goals)
            )
    return result


def _club_blocks(table: StatsTable) -> list[tuple[ClaimedTotal, list[StatsRow]]]:
    """Pair each club Total row with the season rows above it since the previous total."""
    blocks: list[tuple[ClaimedTotal, list[StatsRow]]] = []
    for total in table.club_totals:
        previous_end = max((t.line for t in table.club_totals if t.line < total.line), default=0)
        rows = [
            r
            for r in table.rows
            if previous_end < r.line < total.line and (total.club is None or r.club == total.club)
        ]
        blocks.append((total, rows))
    return blocks


def check_totals(table: StatsTable) -> list[TotalsMismatch]:
    """Compare the source's Total and Career total rows with sums of the season rows.

    None and 0 count as equal here only: sources write 0 in a total over '—' cells.
    """
    mismatches: list[TotalsMismatch] = []

    def compare(scope: str, club: str | None, claimed: dict, computed: dict, line: int) -> None:
        for category in CATEGORIES:
            for column in ("apps", "goals"):
                a = getattr(claimed[category], column)
                b = getattr(computed[category], column)
                if (a or 0) != (b or 0):
                    mismatches.append(
                        TotalsMismatch(scope, club, f"{category}.{column}", a, b, line)  # type: ignore[arg-type]
                    )

    for total, rows in _club_blocks(table):
        compare("club", total.club, total.stats, compute_totals(rows), total.line)
    if table.career_total is not None:
        compare("career", None, table.career_total.stats, compute_totals(table.rows),
                table.career_total.line)  # fmt: skip
    return mismatches


def seasons_of(table: StatsTable, club: str) -> list[Season]:
    return [r.season for r in table.rows if r.club == club]
