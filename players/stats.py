"""Career-statistics tables computed from season rows: per-club and career totals.

None means "did not take part" and survives summing: a total is None only when every
row it covers is None, so a column of — stays — while a single 0 makes it 0. A value the
source leaves blank is unknown: it adds nothing, and the total says it is incomplete.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from players.models import COMPETITION_COLUMNS, SeasonStatistics

STAT_FIELDS: tuple[str, ...] = tuple(
    f"{column}_{kind}" for column in COMPETITION_COLUMNS for kind in ("apps", "goals")
)


def add(values: Iterable[int | None]) -> int | None:
    """Sum that keeps 'did not take part' apart from 0."""
    present = [value for value in values if value is not None]
    return sum(present) if present else None


@dataclass(frozen=True, slots=True)
class Line:
    """One row of the table: a season, a club total or the career total.

    `unknown` names the fields whose value is unknown (a season row) or that sum over at
    least one unknown value (a total): shown blank, or marked as incomplete.
    """

    values: dict[str, int | None]
    unknown: frozenset[str] = frozenset()

    @property
    def incomplete(self) -> bool:
        return bool(self.unknown)

    @property
    def apps(self) -> int | None:
        return add(self.values[f"{column}_apps"] for column in COMPETITION_COLUMNS)

    @property
    def goals(self) -> int | None:
        return add(self.values[f"{column}_goals"] for column in COMPETITION_COLUMNS)

    def __getitem__(self, name: str) -> int | None:
        if name == "total_apps":
            return self.apps
        if name == "total_goals":
            return self.goals
        return self.values[name]

    def cell(
        self, name: str, columns: Sequence[str] = COMPETITION_COLUMNS
    ) -> tuple[int | None, bool]:
        """The value of a field (or total_apps/total_goals) and whether it is unknown or, for a
        total, sums over an unknown value of one of the columns shown."""
        if name in ("total_apps", "total_goals"):
            kind = name.removeprefix("total_")
            partial = any(f"{column}_{kind}" in self.unknown for column in columns)
            return self[name], partial
        return self.values[name], name in self.unknown


def line_of(rows: Sequence[SeasonStatistics]) -> Line:
    unknown = frozenset(
        f"{column}_{kind}"
        for row in rows
        for column in (row.unknown or [])
        if column in COMPETITION_COLUMNS
        for kind in ("apps", "goals")
    )
    return Line({name: add(getattr(row, name) for row in rows) for name in STAT_FIELDS}, unknown)


@dataclass(slots=True)
class ClubBlock:
    """Consecutive seasons at one club, shown under one spanning club cell."""

    club_id: int
    on_loan: bool
    rows: list[SeasonStatistics] = field(default_factory=list)

    @property
    def club(self):
        return self.rows[0].club

    @property
    def lines(self) -> list[tuple[SeasonStatistics, Line]]:
        return [(row, line_of([row])) for row in self.rows]

    @property
    def total(self) -> Line:
        return line_of(self.rows)


@dataclass(frozen=True, slots=True)
class CompetitionTotal:
    """A career total for one competition column (or "total": all of them together).

    A `*_partial` total sums over at least one season whose value is unknown: it is a lower
    bound, and None with partial set means nothing is known at all (shown blank)."""

    column: str
    apps: int | None
    apps_partial: bool
    goals: int | None
    goals_partial: bool


@dataclass(slots=True)
class CareerTable:
    blocks: list[ClubBlock]

    @property
    def columns(self) -> list[str]:
        """The competitions worth a column: league and cup always, the others when any row
        has a number for them (a column of only — or blanks says nothing worth the width)."""
        rows = [row for block in self.blocks for row in block.rows]
        return [
            column
            for column in COMPETITION_COLUMNS
            if column in ("league", "cup")
            or any(
                getattr(row, f"{column}_apps") is not None
                or getattr(row, f"{column}_goals") is not None
                for row in rows
            )
        ]

    @property
    def total(self) -> Line:
        return line_of([row for block in self.blocks for row in block.rows])

    @property
    def competition_totals(self) -> list[CompetitionTotal]:
        """The career total of each shown competition, then of all of them."""
        total, columns = self.total, self.columns
        names = [(column, f"{column}_apps", f"{column}_goals") for column in columns]
        names.append(("total", "total_apps", "total_goals"))
        return [
            CompetitionTotal(
                column, *total.cell(apps_name, columns), *total.cell(goals_name, columns)
            )
            for column, apps_name, goals_name in names
        ]

    @property
    def has_lower_bounds(self) -> bool:
        """Whether a competition total is only a lower bound (it is then marked ≥)."""
        return any(
            (t.apps is not None and t.apps_partial) or (t.goals is not None and t.goals_partial)
            for t in self.competition_totals
        )

    def __bool__(self) -> bool:
        return bool(self.blocks)


def career_table(rows: Iterable[SeasonStatistics]) -> CareerTable:
    """Group season rows into club blocks as the reference tables do.

    One block per club (loan spells apart), in order of the club's first season; a
    club's block keeps its seasons across a loan away, like the source tables.
    """
    ordered = sorted(rows, key=lambda r: (r.season.start_year, r.season.end_year, r.pk or 0))
    blocks: dict[tuple[int, bool], ClubBlock] = {}
    for row in ordered:
        key = (row.club_id, row.on_loan)
        if key not in blocks:
            blocks[key] = ClubBlock(club_id=row.club_id, on_loan=row.on_loan)
        blocks[key].rows.append(row)
    return CareerTable(blocks=list(blocks.values()))
