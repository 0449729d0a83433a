"""Spells from the statistics table: one per uninterrupted stay at a club.

Rows of one club form one spell unless a season at another club (not a loan) lies between
them: Bolton 1973–80 and Bolton 1985–86 are two spells; Arsenal 2002–03 and 2004–05 around
two loans are one. A loan is a spell of its own, split where its seasons do not follow on.
"""

from __future__ import annotations

from .documents import ClubSpell, SpellKind, StatsRow, StatsTable


def _interrupted(spell: ClubSpell, row: StatsRow, rows: tuple[StatsRow, ...]) -> bool:
    if spell.kind == "loan":
        return row.season.start_year > spell.last_season.end_year
    return any(
        not other.is_loan
        and other.club != row.club
        and spell.last_season < other.season < row.season
        and other.season.start_year >= spell.last_season.end_year
        for other in rows
    )


def table_spells(table: StatsTable | None) -> tuple[ClubSpell, ...]:
    if table is None:
        return ()
    spells: list[ClubSpell] = []
    for row in table.rows:
        kind: SpellKind = "loan" if row.is_loan else "senior"
        index = next(
            (
                i
                for i in range(len(spells) - 1, -1, -1)
                if spells[i].club == row.club and spells[i].kind == kind
            ),
            None,
        )
        if index is not None and not _interrupted(spells[index], row, table.rows):
            spell = spells[index]
            spells[index] = ClubSpell(
                spell.club,
                spell.kind,
                min(spell.first_season, row.season),
                max(spell.last_season, row.season),
                (*spell.rows, row.line),
            )
            continue
        spells.append(ClubSpell(row.club, kind, row.season, row.season, (row.line,)))
    return tuple(spells)
