"""A parsed biography onto Player, clubs, spells and loans, season rows, caps, sections."""

from __future__ import annotations

from typing import Any

from clubs.models import Club, NationalTeam
from core.text import normalize
from imports.importer.common import (
    References,
    SharedReferences,
    find_player,
    first_day,
    last_day,
    refresh_search_text,
)
from imports.importer.records import Invalid, Recorder
from imports.parsing.documents import (
    BiographyDocument,
    LoanStatement,
    PartialDate,
    StatsRow,
)
from players.models import (
    COMPETITION_COLUMNS,
    HEIGHT_RANGE_CM,
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    PlayerName,
    SeasonStatistics,
    Spell,
)

# Records only a biography gives: dropped when a changed biography no longer states them.
DELETABLE = (PlayerName, Spell, SeasonStatistics, Cap, InternationalMatch, BiographySection)


class BiographyImport:
    def __init__(
        self,
        recorder: Recorder,
        document: BiographyDocument,
        *,
        shared: SharedReferences | None = None,
    ) -> None:
        self.recorder = recorder
        self.doc = document
        self.refs = References(recorder, shared)
        self.report = recorder.report
        self.fresh = False

    # --- the player ---------------------------------------------------------------------

    def run(self) -> Player:
        doc = self.doc
        if not doc.full_name:
            raise Invalid("the biography has no title naming the player", 1)
        for warning in doc.warnings:
            self.report.warn(warning.line, warning.message)
        player = self.player()
        self.alternative_names(player)
        self.sections(player)
        self.spells(player)
        self.statistics(player)
        self.caps(player)
        self.matches(player)
        self.club_aliases()
        return player

    def previous_player(self) -> Player | None:
        """The player this document created or updated at its last import."""
        content_type = self.recorder.content_type_id(Player)
        ids = [oid for (ct, oid) in self.recorder.previous if ct == content_type]
        return Player.objects.filter(pk__in=ids).order_by("pk").first() if ids else None

    def player(self) -> Player:
        doc, box, lead = self.doc, self.doc.infobox, self.doc.lead
        assert doc.full_name  # run() refuses a biography without one
        instance = self.previous_player() or find_player(doc.full_name)
        values: dict[str, Any] = {"full_name": doc.full_name}
        if box.birth_date is not None:
            values["date_of_birth"] = first_day(box.birth_date)
            values["date_of_birth_precision"] = box.birth_date.precision
        if box.birth_place:
            values["place_of_birth"] = box.birth_place
        if country := self.refs.country(box.birth_country, box.lines.get("birth_country")):
            values["country_of_birth"] = country
        codes = list(box.nationalities) or ([lead.nationality] if lead and lead.nationality else [])
        lead_line = lead.line if lead else None
        nationalities = [c for code in codes if (c := self.refs.country(code, lead_line))]
        if nationalities:
            values["nationalities"] = nationalities
        position = box.position or (lead.position if lead else None)
        if position is not None and position.category:
            values["position"] = position.category
        if position is not None and position.detail:
            values["position_detail"] = position.detail
        if box.height_cm is not None:
            low, high = HEIGHT_RANGE_CM
            if low <= box.height_cm <= high:
                values["height_cm"] = box.height_cm
            else:
                self.report.warn(
                    box.lines.get("height"), f"height {box.height_cm} cm is not plausible; skipped"
                )
        current = box.current_club or (lead.current_club if lead else None)
        if current:
            club = self.refs.club(current, box.lines.get("current_club", lead_line))
            values["current_club"] = club
            contract = self.contract_for(current)
            if contract is not None:
                values["contract_until"] = last_day(contract)
                values["contract_until_precision"] = contract.precision
        extra = dict(box.unknown_infobox)
        if box.shirt_number is not None:
            extra["Shirt number"] = str(box.shirt_number)
        if extra:
            values["extra_facts"] = extra
        player = self.recorder.sync(Player, lookup=None, instance=instance, values=values, line=1)
        # A new player has no spells, rows, caps… yet: no need to look for them.
        self.fresh = self.recorder.created
        return player

    def contract_for(self, club_name: str) -> PartialDate | None:
        wanted = normalize(club_name)
        club = self.refs.find_club(club_name)
        for contract in reversed(self.doc.contracts):
            if contract.club is None:
                continue
            if normalize(contract.club) == wanted or (
                club is not None and self.refs.find_club(contract.club) == club
            ):
                return contract.until
        return None

    def alternative_names(self, player: Player) -> None:
        doc = self.doc
        names: list[tuple[str, int | None]] = []
        if doc.lead is not None:
            names += [(name, doc.lead.line) for name in doc.lead.alternative_names]
        if doc.infobox.full_name and normalize(doc.infobox.full_name) != normalize(
            doc.full_name or ""
        ):
            names.append((doc.infobox.full_name, doc.infobox.lines.get("full_name")))
        seen = {normalize(player.full_name)}
        added = []
        for name, line in names:
            if normalize(name) in seen:
                continue
            seen.add(normalize(name))
            added.append(
                self.recorder.sync(
                    PlayerName,
                    lookup={"player": player, "name": name},
                    values={},
                    line=line,
                    find=not self.fresh,
                )
            )
        self.recorder.flush()
        # A player this document created has no other names: no need to read them back.
        refresh_search_text(player, added if self.fresh else None)

    def sections(self, player: Player) -> None:
        """Sections matched to the existing ones by heading, in order: one query in all, so a
        re-import stays linear in the number of sections."""
        existing: dict[str, list[BiographySection]] = {}
        if not self.fresh:
            for section in BiographySection.objects.filter(player=player).order_by("pk"):
                existing.setdefault(section.heading, []).append(section)
        for order, parsed in enumerate(self.doc.sections):
            same_heading = existing.get(parsed.heading)
            self.recorder.sync(
                BiographySection,
                lookup=None,
                instance=same_heading.pop(0) if same_heading else None,
                values={"order": order, "text": parsed.text},
                create_only={"player": player, "heading": parsed.heading},
                line=parsed.line,
                find=not self.fresh,
                quiet=("order",),  # sections an editor rearranged keep their place
            )

    # --- career table -------------------------------------------------------------------

    def statistics(self, player: Player) -> None:
        """One row per table row; a loan and a permanent row of one club and season stay
        apart (on_loan), each tied to its spell. A competition the table has no column
        for, or an empty cell, is unknown, never 'did not take part'."""
        table = self.doc.statistics
        if table is None:
            return
        if table.rows and not any(row.division for row in table.rows):
            self.report.warn(table.line, "the table names no division (league)")
        for row in table.rows:
            club = self.refs.club(row.club, row.line)
            division = self.refs.competition(row.division, row.line) if row.division else None
            values: dict[str, Any] = {
                "division_tier": getattr(row, "division_tier", None),
                "spell": self.row_spells.get(row.line),
            }
            unknown = []
            for category in COMPETITION_COLUMNS:
                stats = row.stats.get(category)  # type: ignore[call-overload]
                if stats is None or getattr(stats, "unknown", False):
                    unknown.append(category)
                values[f"{category}_apps"] = stats.apps if stats else None
                values[f"{category}_goals"] = stats.goals if stats else None
            values["unknown"] = unknown
            self.recorder.sync(
                SeasonStatistics,
                lookup={
                    "player": player,
                    "club": club,
                    "season": self.refs.season(row.season, row.line),
                    "division": division,
                    "on_loan": row.is_loan,
                },
                values=values,
                line=row.line,
                find=not self.fresh,
            )

    @property
    def row_spells(self) -> dict[int, Spell]:
        """The spell each table row belongs to, by the row's line (filled by spells())."""
        if not hasattr(self, "_row_spells"):
            self._row_spells: dict[int, Spell] = {}
        return self._row_spells

    def blocks(self, *, loan: bool) -> list[tuple[Club, list[StatsRow]]]:
        """The table's spells: each club's rows in season order, split where another club
        lies between them (a player who returns has two spells). Permanent spells are split
        by permanent rows elsewhere (a loan away does not end one); loans by any gap."""
        table = self.doc.statistics
        if table is None:
            return []
        ordered = sorted(table.rows, key=lambda r: (r.season.start_year, r.season.end_year, r.line))
        by_club: dict[int, tuple[Club, list[StatsRow]]] = {}
        for row in ordered:
            if row.is_loan == loan:
                club = self.refs.club(row.club, row.line)
                by_club.setdefault(club.pk, (club, []))[1].append(row)
        permanent = [(self.refs.club(r.club, r.line), r) for r in ordered if not r.is_loan]
        spells: list[tuple[Club, list[StatsRow]]] = []
        for club, rows in by_club.values():
            run: list[StatsRow] = []
            for row in rows:
                if run and self._interrupted(club, run[-1], row, permanent, loan=loan):
                    spells.append((club, run))
                    run = []
                run.append(row)
            spells.append((club, run))
        return sorted(spells, key=lambda spell: (spell[1][0].season, spell[1][0].line))

    @staticmethod
    def _interrupted(
        club: Club,
        before: StatsRow,
        after: StatsRow,
        permanent: list[tuple[Club, StatsRow]],
        *,
        loan: bool,
    ) -> bool:
        if loan and after.season.start_year > before.season.end_year:
            return True
        return any(
            other != club and before.season < row.season < after.season for other, row in permanent
        )

    # --- spells and loans ---------------------------------------------------------------

    def spells(self, player: Player) -> None:
        for youth in self.doc.youth_spells:
            club = self.refs.club(youth.club, youth.line)
            values: dict[str, Any] = {}
            if youth.joined is not None:
                values = {
                    "start": first_day(youth.joined),
                    "start_precision": youth.joined.precision,
                }
            self.spell(player, club, Spell.Kind.YOUTH, values, youth.line)
        table = self.doc.statistics
        latest = max((r.season for r in table.rows), default=None) if table else None
        senior = self.blocks(loan=False)
        last_spell = {club.pk: rows for club, rows in senior}  # each club's latest spell
        for club, rows in senior:
            start: PartialDate = PartialDate(rows[0].season.start_year)
            for transfer in self.doc.transfers:
                if (
                    transfer.date is not None
                    and self.refs.find_club(transfer.club) == club
                    and transfer.date.year in (start.year, rows[0].season.end_year)
                ):
                    start = transfer.date
            values = {"start": first_day(start), "start_precision": start.precision}
            if (
                club.pk == player.current_club_id
                and rows[-1].season == latest
                and last_spell[club.pk] is rows
            ):
                values |= {"end": None}  # still there: the spell has not ended
            else:
                end = PartialDate(rows[-1].season.end_year)
                values |= {"end": last_day(end), "end_precision": end.precision}
            spell = self.spell(player, club, Spell.Kind.SENIOR, values, rows[0].line)
            self.row_spells.update((row.line, spell) for row in rows)
        self.loans(player)

    def spell(
        self, player: Player, club: Club, kind: str, values: dict[str, Any], line: int | None
    ) -> Spell:
        candidates = (
            []
            if self.fresh
            else list(Spell.objects.filter(player=player, club=club, kind=kind).order_by("pk"))
        )
        used = self.used_spells
        start = values.get("start")
        instance = next(
            (s for s in candidates if s.pk not in used and start and s.start == start), None
        ) or next(
            (
                s
                for s in candidates
                if s.pk not in used and (not start or not s.start or s.start.year == start.year)
            ),
            None,
        )
        spell = self.recorder.sync(
            Spell,
            lookup=None,
            instance=instance,
            values=values,
            create_only={"player": player, "club": club, "kind": kind},
            line=line,
            find=not self.fresh,
        )
        used.add(spell.pk)
        return spell

    @property
    def used_spells(self) -> set[int]:
        if not hasattr(self, "_used_spells"):
            self._used_spells: set[int] = set()
        return self._used_spells

    def loans(self, player: Player) -> None:
        statements = list(self.doc.loans)
        for club, rows in self.blocks(loan=True):
            statement = self.statement_for(club, rows, statements)
            if statement is not None:
                statements.remove(statement)
            owner = self.owner(club, rows, statement)
            if owner is None:
                self.report.warn(
                    rows[0].line,
                    f"loan to {club} in {rows[0].season.label}: the owning club is not known; "
                    "no loan spell recorded",
                )
                continue
            start = (statement.start if statement else None) or PartialDate(
                rows[0].season.start_year
            )
            end: PartialDate | None = PartialDate(rows[-1].season.end_year)
            spell = self.loan(
                player, club, owner, start, end, statement.line if statement else rows[0].line
            )
            if spell is not None:
                self.row_spells.update((row.line, spell) for row in rows)
        for statement in statements:  # loans the prose states but the table does not list
            club = self.refs.club(statement.club, statement.line)
            owner = self.refs.club(statement.owner, statement.line) if statement.owner else None
            if owner is None or owner == club:
                self.report.warn(
                    statement.line,
                    f"loan to {statement.club}: the owning club is not known; "
                    "no loan spell recorded",
                )
                continue
            end = PartialDate(statement.season.end_year) if statement.season else None
            self.loan(player, club, owner, statement.start, end, statement.line)

    def loan(
        self,
        player: Player,
        club: Club,
        owner: Club,
        start: PartialDate | None,
        end: PartialDate | None,
        line: int | None,
    ) -> Spell | None:
        """The loan spell, or None (with a warning) when its dates do not add up."""
        values: dict[str, Any] = {"owner_club": owner}
        if start is not None:
            values |= {"start": first_day(start), "start_precision": start.precision}
        if end is not None:
            values |= {"end": last_day(end), "end_precision": end.precision}
        if start is not None and end is not None and last_day(end) < first_day(start):
            self.report.warn(
                line, f"the loan to {club} ends ({end}) before it starts ({start}); not recorded"
            )
            return None
        candidates = (
            []
            if self.fresh
            else list(
                Spell.objects.filter(player=player, club=club, kind=Spell.Kind.LOAN).order_by("pk")
            )
        )
        used = self.used_spells
        instance = next(
            (
                s
                for s in candidates
                if s.pk not in used
                and (start is None or s.start is None or s.start.year == start.year)
            ),
            None,
        )
        spell = self.recorder.sync(
            Spell,
            lookup=None,
            instance=instance,
            values=values,
            create_only={"player": player, "club": club, "kind": Spell.Kind.LOAN},
            line=line,
            find=not self.fresh,
        )
        used.add(spell.pk)
        return spell

    def statement_for(
        self, club: Club, rows: list[StatsRow], statements: list[LoanStatement]
    ) -> LoanStatement | None:
        seasons = {(r.season.start_year, r.season.end_year) for r in rows}
        same_club = [s for s in statements if self.refs.find_club(s.club) == club]
        for statement in same_club:
            if statement.season and (statement.season.start_year, statement.season.end_year) in (
                seasons
            ):
                return statement
        return same_club[0] if len(same_club) == 1 else None

    def owner(
        self, club: Club, rows: list[StatsRow], statement: LoanStatement | None
    ) -> Club | None:
        """The club that owned the player: the prose's word, else the club he was
        registered with around the loan (before and after it, else before, else after)."""
        if statement is not None and statement.owner:
            owner = self.refs.club(statement.owner, statement.line)
            return owner if owner != club else None
        table = self.doc.statistics
        own = (
            sorted((r for r in table.rows if not r.is_loan), key=lambda r: r.season)
            if table
            else []
        )
        first, last = rows[0].season, rows[-1].season
        before = [r for r in own if r.season < first]
        after = [r for r in own if r.season > last]
        before_club = self.refs.club(before[-1].club, before[-1].line) if before else None
        after_club = self.refs.club(after[0].club, after[0].line) if after else None
        for candidate in (
            before_club if before_club == after_club else None,
            before_club,
            after_club,
        ):
            if candidate is not None and candidate != club:
                return candidate
        return None

    # --- national teams -----------------------------------------------------------------

    def caps(self, player: Player) -> None:
        teams: dict[NationalTeam, tuple[dict[str, Any], int | None]] = {}

        def entry(team: NationalTeam, line: int | None) -> dict[str, Any]:
            if team not in teams:
                teams[team] = ({}, line)
            return teams[team][0]

        # "represented Germany at youth level" adds nothing once an age group is named.
        named_levels = {
            parsed.country
            for parsed in (
                *(m.team for m in self.doc.national_teams),
                *(t for c in self.doc.caps for t in c.teams),
            )
            if parsed.level not in ("youth", "senior")
        }
        for mention in self.doc.national_teams:
            if mention.team.level == "youth" and mention.team.country in named_levels:
                continue
            team = self.refs.national_team(mention.team, mention.line)
            if team is not None:
                values = entry(team, mention.line)
                if mention.first_year is not None:
                    values["first_year"] = mention.first_year
        for statement in self.doc.caps:
            resolved = [
                t
                for t in (self.refs.national_team(p, statement.line) for p in statement.teams)
                if t
            ]
            if len(resolved) == 1:
                values = entry(resolved[0], statement.line)
                values["caps"] = statement.caps
                if statement.goals is not None:
                    values["goals"] = statement.goals
                if statement.since is not None:
                    values.setdefault("first_year", statement.since)
            elif resolved:
                names = ", ".join(str(t) for t in resolved[:-1]) + f" and {resolved[-1]}"
                since = f" since {statement.since}" if statement.since else ""
                goals = f", {statement.goals} goals" if statement.goals is not None else ""
                note = (
                    f"{statement.caps} caps{goals}{since} in total for {names} "
                    "(one total in the source)"
                )
                for team in resolved:
                    entry(team, statement.line)["note"] = note
        for match in self.doc.matches:
            team = self.refs.national_team(match.team, match.line)
            if team is not None:
                values = entry(team, match.line)
                if "debut" in match.notes and match.date is not None:
                    values["debut"] = first_day(match.date)
                    values["debut_precision"] = match.date.precision
        for team, (values, line) in teams.items():
            if "caps" in values and values["caps"] > 32767:
                raise Invalid(f"{values['caps']} caps for {team} is not a number of caps", line)
            self.recorder.sync(
                Cap,
                lookup={"player": player, "national_team": team},
                values=values,
                line=line,
                find=not self.fresh,
            )

    def matches(self, player: Player) -> None:
        for match in self.doc.matches:
            team = self.refs.national_team(match.team, match.line)
            if team is None:
                if match.team is None:
                    self.report.warn(
                        match.line, f"the match against {match.opponent} is not a national team's"
                    )
                continue
            values: dict[str, Any] = {
                "goals_for": match.goals_for,
                "goals_against": match.goals_against,
                "note": ", ".join(match.notes),
            }
            if match.date is not None:
                values["date_precision"] = match.date.precision
            self.recorder.sync(
                InternationalMatch,
                lookup={
                    "player": player,
                    "national_team": team,
                    "opponent": match.opponent,
                    "date": first_day(match.date) if match.date else None,
                },
                values=values,
                line=match.line,
                find=not self.fresh,
            )

    def club_aliases(self) -> None:
        touched = []
        for alias in self.doc.club_aliases:
            club = self.refs.find_club(alias.club)
            if club is not None:
                self.refs.alias(club, alias.alias, alias.line)
                touched.append(club)
        for club in {c.pk: c for c in touched}.values():
            refresh_search_text(club)
