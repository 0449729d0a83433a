"""Lookups shared by the biography and interview mappings: countries, clubs, players."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.db import connection
from django.db.models import Model

from clubs.models import Club, ClubName, Competition, Country, NationalTeam, Season
from core.search_index import MIN_INDEXED_WORD, indexed_search, matching_rows, phrase
from core.text import normalize
from imports.importer.records import Invalid, Recorder, concrete_field
from imports.parsing import countries
from imports.parsing.documents import NationalTeam as ParsedTeam
from imports.parsing.documents import PartialDate
from imports.parsing.documents import Season as ParsedSeason
from players.models import Player, PlayerName

# 'Werder Bremen II', 'Lech Poznań U23', 'Real Madrid B', 'X Reserves' belong to their parent.
_AFFILIATE = re.compile(
    r"^(?P<parent>.+?)\s+(?:II|III|B|C|U\s?\d{2}|Reserves?|Res\.|Youth|Academy)$", re.IGNORECASE
)
LEVELS = {value for value, _ in NationalTeam.Level.choices}


def first_day(date: PartialDate) -> dt.date:
    try:
        return date.as_date()
    except ValueError as error:
        raise Invalid(f"{date} is not a date ({error})") from None


def last_day(date: PartialDate) -> dt.date:
    """The last day a partial date can mean: an 'until 2026' ends on 31 December 2026."""
    try:
        if date.day is not None:
            return date.as_date()
        if date.month is not None:
            return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
        return dt.date(date.year, 12, 31)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise Invalid(f"{date} is not a date ({error})") from None


def player_names(player: Player) -> set[str]:
    names = {player.full_name, player.known_as}
    names.update(alt.name for alt in player.alternative_names.all())
    return {normalize(name) for name in names if name}


def club_names(club: Club) -> set[str]:
    names = {club.name, club.short_name}
    names.update(alt.name for alt in club.alternative_names.all())
    return {normalize(name) for name in names if name}


def _named(name: str, wanted: str) -> list[tuple[int, int]]:
    """(player id, which lookup found it) of every player find_player looks at: 0 the folded
    name keys, 1 an alternative name but for case (name__iexact, spelt UPPER(name) =
    UPPER(%s) so SQLite uses its index on UPPER(name) too: its iexact is a LIKE, which
    reads every name), 2 a player with an alternative name whose search_text holds the
    folded name (through the FTS5 trigram index on SQLite, core.search_index; the trigram
    index on PostgreSQL).

    Written out, not built with the ORM: it runs for every biography, and the ORM took
    0.7 ms to build this union that the database answers in 0.03 ms."""
    quote = connection.ops.quote_name

    def column(model: type[Model], name: str) -> str:
        return quote(str(concrete_field(model, name).column))

    table, names = quote(Player._meta.db_table), quote(PlayerName._meta.db_table)
    pk, owner = column(Player, "id"), column(PlayerName, "player")
    if connection.vendor == "sqlite" and Player.indexed_search and len(wanted) >= MIN_INDEXED_WORD:
        holds = f"p.{pk} IN ({matching_rows(Player._meta.db_table)})"
        pattern = phrase(wanted)  # one FTS5 string: a substring
    else:  # what search_text__contains writes
        contains: str = connection.operators["contains"]  # type: ignore[attr-defined]
        holds = f"p.{column(Player, 'search_text')} {contains}"
        pattern = f"%{connection.ops.prep_for_like_query(wanted)}%"
    sql = (
        f"SELECT p.{pk}, 0 FROM {table} p "  # noqa: S608  (models' names, not input)
        f"WHERE p.{column(Player, 'name_key')} = %s OR p.{column(Player, 'known_as_key')} = %s "
        f"UNION ALL SELECT n.{owner}, 1 FROM {names} n "
        f"WHERE UPPER(n.{column(PlayerName, 'name')}) = UPPER(%s) "
        f"UNION ALL SELECT p.{pk}, 2 FROM {table} p "
        f"WHERE EXISTS (SELECT 1 FROM {names} n WHERE n.{owner} = p.{pk}) AND {holds}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [wanted, wanted, name, pattern])
        return [(pk_, rank) for pk_, rank in cursor.fetchall()]


def find_player(name: str, *, surname: bool = False) -> Player | None:
    """The player called name (full name, name shown or an alternative name, accents folded);
    with surname=True a unique player whose surname is the name's last word also matches.

    Exact matches through indexes (the folded name keys, UPPER of the alternative names)
    first, then a name with other accents or case among the players that have an
    alternative name (search_text holds the alternative names folded). The three are asked
    in one query, so a name no player has (a new player) costs one query."""
    wanted = normalize(name)
    if not wanted:
        return None
    rows = _named(name, wanted)
    candidates = sorted(set(rows), key=lambda row: (row[1], row[0]))
    if candidates:
        players = Player.objects.prefetch_related("alternative_names").in_bulk(
            {pk for pk, _ in candidates}
        )
        for pk, _rank in candidates:  # in the order of the three lookups, each by pk
            if wanted in player_names(players[pk]):
                return players[pk]
    if not surname:
        return None
    last = wanted.split()[-1]
    if len(last) < 3:
        return None
    matches = [
        p
        for p in Player.objects.search(last).order_by("pk")  # one folded word
        if normalize(p.full_name).split()[-1:] == [last]
    ]
    return matches[0] if len(matches) == 1 else None


class SharedReferences:
    """Shared records one run already found or created, for the documents after it.

    Each document sits in its own savepoint, so what a document looked up, created or
    changed is only handed on once the document is through (commit); when it fails and
    its savepoint is rolled back, every record it used is forgotten instead (rollback),
    as an instance may hold a change that never reached the database. Only records are
    kept, never a "not found": a later document may create the club or add its alias.
    """

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.clubs: dict[str, Club] = {}  # by normalised name, as References.find_club
        self.competitions: dict[str, Competition] = {}
        self.seasons: dict[tuple[int, int], Season] = {}
        self.teams: dict[tuple[str, str], NationalTeam] = {}
        self._open: list[tuple[dict, object, object]] = []  # this document's records

    def use(self, table: dict, key: object, record: object) -> None:
        """record (key in table) serves the open document; kept at commit."""
        self._open.append((table, key, record))

    def commit(self) -> None:
        for table, key, record in self._open:
            table[key] = record
        self._open = []

    def rollback(self) -> None:
        for table, key, _record in self._open:
            table.pop(key, None)
        self._open = []


class References:
    """Shared records (countries, clubs, competitions, seasons, national teams) for one
    document, looked up once each, and once per run when shared (see SharedReferences)."""

    def __init__(self, recorder: Recorder, shared: SharedReferences | None = None) -> None:
        self.recorder = recorder
        self.shared = shared if shared is not None else SharedReferences()
        self.countries: dict[str, Country] = {}
        self.clubs: dict[str, Club] = {}
        self.competitions: dict[str, Competition] = {}
        self.seasons: dict[tuple[int, int], Season] = {}
        self.teams: dict[tuple[str, str], NationalTeam] = {}
        self.found: dict[str, Club | None] = {}
        self.aliases: set[tuple[int, str]] = set()

    def country(self, code: str | None, line: int | None) -> Country | None:
        if not code:
            return None
        if code not in self.countries:
            known = countries.country_by_code(code)
            if known is None:
                return None
            self.countries[code] = self.recorder.sync(
                Country,
                lookup={"code": known.code},
                instance=self.shared.countries.get(code),
                values={},
                create_only={"name": known.name, "demonym": (known.demonyms or ("",))[0]},
                line=line,
                reference=True,
            )
            self.shared.use(self.shared.countries, code, self.countries[code])
        return self.countries[code]

    def find_club(self, name: str) -> Club | None:
        wanted = normalize(name)
        if wanted in self.clubs:
            return self.clubs[wanted]
        if wanted not in self.found:
            club = self.shared.clubs.get(wanted) or self._find_club(name, wanted)
            self.found[wanted] = club
            if club is not None:
                self.shared.use(self.shared.clubs, wanted, club)
        return self.found[wanted]

    def _find_club(self, name: str, wanted: str) -> Club | None:
        # search_text holds every name of the club, accents folded (kept fresh on import):
        # the clubs holding the whole name, through the FTS5 index on SQLite (one phrase is
        # a substring match, as the LIKE is), a LIKE elsewhere (a trigram index on PostgreSQL).
        clubs = Club.objects.order_by("pk")
        holding = indexed_search(clubs, [wanted]) if len(wanted) >= MIN_INDEXED_WORD else None
        if holding is None:
            holding = clubs.filter(search_text__contains=wanted)
        candidates = list(holding)
        for club in candidates:  # the club's own name first…
            if normalize(club.name) == wanted:
                return club
        if not candidates:
            alias = ClubName.objects.filter(name__iexact=name).select_related("club").first()
            return alias.club if alias else None
        for club in candidates:  # …then its short or alternative names
            if normalize(club.short_name) == wanted:
                return club
        alias = next(
            (
                a
                for a in ClubName.objects.filter(club__in=candidates).select_related("club")
                if normalize(a.name) == wanted
            ),
            None,
        )
        return alias.club if alias else None

    def club(self, name: str, line: int | None) -> Club:
        wanted = normalize(name)
        if wanted in self.clubs:
            return self.clubs[wanted]
        if not wanted:
            raise Invalid(f"a club without a name: {name!r}", line)
        club = self.find_club(name)
        values = {}
        affiliate = _AFFILIATE.match(name.strip())
        if affiliate:
            parent = self.find_club(affiliate.group("parent"))
            if parent is not None and parent != club:
                values["parent"] = parent
        club = self.recorder.sync(
            Club,
            lookup=None,
            instance=club,
            values=values,
            create_only={"name": name.strip()},
            line=line,
            reference=True,
        )
        self.clubs[wanted] = self.found[wanted] = club
        self.shared.use(self.shared.clubs, wanted, club)
        return club

    def alias(self, club: Club, alias: str, line: int | None) -> None:
        """Another name of club from the prose ('Bremen'), unless it names another club."""
        wanted = normalize(alias)
        if not wanted or wanted in {normalize(club.name), normalize(club.short_name)}:
            return
        if (club.pk, wanted) in self.aliases:
            return
        self.aliases.add((club.pk, wanted))
        existing = next(
            (a for a in club.alternative_names.all() if normalize(a.name) == wanted), None
        )
        if existing is None:
            other = self.find_club(alias)
            if other is not None and other != club:
                return
        self.recorder.sync(
            ClubName,
            lookup=None,
            instance=existing,
            values={},
            create_only={"club": club, "name": alias},
            line=line,
        )
        self.found[wanted] = club
        self.shared.use(self.shared.clubs, wanted, club)

    def competition(self, name: str, line: int | None) -> Competition:
        key = normalize(name)
        if not key:
            raise Invalid(f"a division without a name: {name!r}", line)
        if key not in self.competitions:
            found = self.shared.competitions.get(key)
            if found is None:
                found = Competition.objects.filter(name__iexact=name).order_by("pk").first()
            if found is None:
                found = next(
                    (
                        c
                        for c in Competition.objects.filter(name__icontains=name.split()[0])
                        if normalize(c.name) == key
                    ),
                    None,
                )
            self.competitions[key] = self.recorder.sync(
                Competition,
                lookup=None,
                instance=found,
                values={},
                create_only={"name": name, "kind": Competition.Kind.LEAGUE},
                line=line,
                reference=True,
            )
            self.shared.use(self.shared.competitions, key, self.competitions[key])
        return self.competitions[key]

    def season(self, season: ParsedSeason, line: int | None) -> Season:
        key = (season.start_year, season.end_year)
        if key not in self.seasons:
            if not 0 <= season.end_year - season.start_year <= 1 or season.start_year < 1850:
                raise Invalid(f"{season.label} is not a season", line)
            self.seasons[key] = self.recorder.sync(
                Season,
                lookup={"start_year": season.start_year, "end_year": season.end_year},
                instance=self.shared.seasons.get(key),
                values={},
                line=line,
                reference=True,
            )
            self.shared.use(self.shared.seasons, key, self.seasons[key])
        return self.seasons[key]

    def national_team(self, team: ParsedTeam | None, line: int | None) -> NationalTeam | None:
        """The national team, or None for a side the model has no level for ('youth')."""
        if team is None or team.level not in LEVELS or not team.country:
            return None
        key = (team.country, team.level)
        if key not in self.teams:
            country = self.country(team.country, line)
            if country is None:
                return None
            found = self.recorder.sync(
                NationalTeam,
                lookup={"country": country, "level": team.level},
                instance=self.shared.teams.get(key),
                values={},
                line=line,
                reference=True,
            )
            found.country = country  # its name is the country's: no query for str(team)
            self.teams[key] = found
            self.shared.use(self.shared.teams, key, found)
        return self.teams[key]


def refresh_search_text(instance: Club | Player, names: list[PlayerName] | None = None) -> None:
    """Alternative names added after the save belong in search_text; no history row.

    names: all the player's alternative names, when the caller knows them (a player this
    document created has only the ones it just added): not read back, and nothing written
    when the text stays as it was inserted."""
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache.clear()
    fields = [
        "search_text",
        *(["name_key", "known_as_key"] if isinstance(instance, Player) else []),
    ]
    before = {name: getattr(instance, name) for name in fields}
    if names is not None:
        cache["alternative_names"] = names  # what instance.alternative_names.all() gives
    try:
        instance.refresh_search_text()
    finally:
        cache.clear()
    values = {name: getattr(instance, name) for name in fields}
    rows = type(instance).objects.filter(pk=instance.pk)
    if names is None:
        rows.exclude(**values).update(**values)  # what the row holds is not known here
    elif values != before:
        rows.update(**values)


__all__ = [
    "ClubName",
    "PlayerName",
    "References",
    "SharedReferences",
    "find_player",
    "first_day",
    "last_day",
    "refresh_search_text",
]
