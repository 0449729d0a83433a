"""Reads behind the player pages: a fixed number of queries however long the career."""

import datetime
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from typing import Any, overload

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from clubs.models import Club, Competition, Country, NationalTeam, Season
from core.api import IdsFirst
from core.cache import VersionMemo, content_version
from core.i18n import country_name
from core.prepared import PreparedQuery, by_id
from core.publishing import Status, mask_drafts
from core.text import normalize
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    PlayerName,
    Position,
    SeasonStatistics,
    Spell,
    loans_running,
)
from players.stats import CareerTable, ClubBlock, career_table
from players.timeline import NARROW, Timeline, build_timeline
from sources.selectors import Source, sources_for

STATISTICS_HEADINGS = {"career statistics", "statistics", "karrierestatistik", "statistik"}
FORMER_PAGE = 48  # former players per page of a club page
FILTER_CHOICES_SECONDS = 24 * 3600  # the key changes with the content version anyway
KEYSET_FROM = 1000  # rows into a list from which page links carry after=/before=
LIST_CLUB_OPTIONS = 200  # clubs the players list's filter offers: the most populous
TOP_CLUBS_SECONDS = 3600  # how long that ranking is kept (its names per content version)


class IndexedList(IdsFirst):
    """A list of players for the site's paginator, as the API's lists page
    (core.api.IdsFirst): the count kept per content version from COUNTED_FROM players, a
    page's ids first from the index that matches the order, then only those rows with what
    the cards show (the queryset's select_related and prefetch_related); a deep page asked
    by its number from the nearest marker (every ANCHOR_EVERY rows), and ids_next_to for
    the pages a Next or Previous link names (keyset paging, no OFFSET)."""

    ANCHOR_EVERY = 480  # 20 pages of 24

    def __init__(self, queryset: QuerySet[Player], *, name: str):
        super().__init__(queryset)
        self.name = name

    def _key(self, kind: str) -> str:
        """The cache key of the list's count or markers, named by its filters (name): the
        key IdsFirst derives from the list's SQL costs building that SQL, 0.4-0.5 ms, on
        every page."""
        return f"players:list-{kind}:{self.name}:{content_version()}"

    @overload
    def __getitem__(self, index: int) -> Player: ...
    @overload
    def __getitem__(self, index: slice) -> list[Player]: ...
    def __getitem__(self, index: int | slice) -> Player | list[Player]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        players: list[Player] = super().__getitem__(index)
        return players

    def __iter__(self) -> Iterator[Player]:
        return iter(self[0 : self.count()])


class IdList:
    """Players for a paginator from ids already in order: a page loads only its own."""

    ordered = True  # the paginator warns about an unordered list

    def __init__(self, ids: list[int], load: Callable[[list[int]], QuerySet[Player]]):
        self.ids = ids
        self.load = load

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Player: ...
    @overload
    def __getitem__(self, index: slice) -> list[Player]: ...
    def __getitem__(self, index: int | slice) -> Player | list[Player]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        ids = self.ids[index]
        rows = {player.pk: player for player in self.load(ids)} if ids else {}
        return [rows[pk] for pk in ids if pk in rows]

    def __iter__(self) -> Iterator[Player]:
        return iter(self[0 : len(self.ids)])


def _by_ids(ids: list[int]) -> QuerySet[Player]:
    return Player.objects.filter(pk__in=ids)


def player_list(*, position: str = "", club: str = "", nationality: str = "") -> IndexedList:
    """Published players by name, filtered by position, current club slug and nationality
    code; in the order of the index player_published_by_name (and its position twin)."""
    players = (
        Player.objects.published()
        .order_by("full_name", "id")
        .select_related("current_club")  # what the cards show, for a page's rows only
        .prefetch_related("nationalities")
    )
    if position in Position.values:
        players = players.filter(position=position)
    else:
        position = ""
    if club:  # a draft club's slug finds nobody
        players = players.filter(current_club__slug=club, current_club__status=Status.PUBLISHED)
    if nationality:
        nationalities = Player.nationalities.through.objects.filter(
            player=OuterRef("pk"), country__code=nationality
        )
        players = players.filter(Exists(nationalities))
    filters = hashlib.sha256(f"{position}\x00{club}\x00{nationality}".encode()).hexdigest()
    return IndexedList(players, name=filters[:32])


def _cursor(value: str | None) -> int | None:
    """A player id from a page link's after= or before=; None for anything else."""
    if value and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


class ListPage(Page):
    """A page of a list, with the players its Previous and Next links start from (ids),
    or None where the link is a plain ?page=n."""

    after: int | None = None
    before: int | None = None


class _ListPaginator(Paginator):
    def _get_page(self, *args: Any, **kwargs: Any) -> ListPage:
        return ListPage(*args, **kwargs)


def list_page(
    players: IndexedList,
    per_page: int,
    number: str | None,
    *,
    after: str | None = None,
    before: str | None = None,
) -> ListPage:
    """Page number of players, as Paginator.get_page gives it, but read next to the player
    a Next or Previous link names (after=, before=: keyset paging, an index walk from that
    player, however deep the page) instead of skipping every row before it. Links from a
    page KEYSET_FROM rows in or deeper name those players (page.after: its last id,
    page.before: its first); a shallow page's links are plain ?page=n. A cursor that does
    not fill the page its number says (the list changed) gives way to the number."""
    paginator = _ListPaginator(players, per_page)
    page: Any = None
    forward = _cursor(after)
    anchor = forward or _cursor(before)
    asked = int(number) if number and number.isdigit() and len(number) <= 9 else 0
    if anchor and 1 < asked <= paginator.num_pages:
        ids = players.ids_next_to(anchor, per_page, forward=bool(forward))
        expected = min(per_page, paginator.count - (asked - 1) * per_page)
        if ids is not None and len(ids) == expected:
            page = ListPage(players.rows(ids), asked, paginator)
    if page is None:
        page = paginator.get_page(number)
    shown = [player.pk for player in page.object_list]
    if shown and page.has_next() and page.end_index() >= KEYSET_FROM:
        page.after = shown[-1]
    if shown and page.has_previous() and (page.number - 2) * per_page >= KEYSET_FROM:
        page.before = shown[0]
    return page


def _top_clubs() -> tuple[list[int], bool]:
    """Ids of the LIST_CLUB_OPTIONS clubs with the most current players, and whether more
    clubs have any. Counting every player by club reads a whole index, so the ranking is
    kept TOP_CLUBS_SECONDS, not per content version; which of these clubs are published
    and have published players, filter_choices asks anew for each version."""
    found = cache.get("players:top-clubs")
    if not isinstance(found, tuple):
        # Every player, drafts too: the index on current_club alone answers (index-only),
        # in half the time of reading the table for status at a million players.
        ranked = list(
            Player.objects.filter(current_club__isnull=False)
            .values("current_club")
            .annotate(players=Count("*"))
            .order_by("-players", "current_club")
            .values_list("current_club", flat=True)[: LIST_CLUB_OPTIONS + 1]
        )
        found = (ranked[:LIST_CLUB_OPTIONS], len(ranked) > LIST_CLUB_OPTIONS)
        cache.set("players:top-clubs", found, TOP_CLUBS_SECONDS)
    return found


def filter_choices(*, club: str = "", nationality: str = "") -> dict:
    """The <option>s of the list's filter form, the chosen club and nationality selected:
    the clubs and nations that published players belong to; of the clubs, only the
    LIST_CLUB_OPTIONS with the most players (20,000 options made the page a megabyte at a
    million players), and the chosen one. Their HTML, names in the reader's language, is
    built once per content version and language (a few thousand clubs take far longer to
    render, in a template loop or format_html, than to query)."""
    key = f"players:list-filters:{get_language()}:{content_version()}"
    options = cache.get(key)
    if options is None:
        published = Player.objects.published()
        top, clubs_cut = _top_clubs()
        clubs_with_players = Club.objects.published().filter(
            Exists(published.filter(current_club=OuterRef("pk")))
        )
        if clubs_cut:  # else every one: a club's first player shows it at once
            clubs_with_players = clubs_with_players.filter(pk__in=top)
        clubs = list(clubs_with_players.order_by("name").values_list("slug", "name"))
        through = Player.nationalities.through.objects.filter(
            country=OuterRef("pk"), player__status=Status.PUBLISHED
        )
        nations = [
            (code, country_name(code, name))
            for code, name in Country.objects.filter(Exists(through))
            .order_by("name")
            .values_list("code", "name")
        ]
        options = (_options(clubs), _options(nations), clubs_cut)
        cache.set(key, options, FILTER_CHOICES_SECONDS)
    clubs_html, nations_html, clubs_cut = options
    if club and f'<option value="{escape(club)}">' not in clubs_html:
        # A club beyond the most populous ones (its link, or the form sent again).
        chosen = Club.objects.published().filter(slug=club).values_list("slug", "name")
        clubs_html = _options(chosen[:1]) + clubs_html
    return {
        "positions": Position.choices,
        "club_options": _selected(clubs_html, club),
        "clubs_cut": clubs_cut,
        "club_options_limit": LIST_CLUB_OPTIONS,
        "nation_options": _selected(nations_html, nationality),
    }


def _options(choices: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in choices)


def _selected(options: str, value: str) -> SafeString:
    """The options (every value and label escaped by _options) with value's selected."""
    if value:
        option = f'<option value="{escape(value)}"'
        options = options.replace(f"{option}>", f"{option} selected>", 1)
    return mark_safe(options)  # noqa: S308 - built from escaped parts only


@dataclass
class StatRow:
    row: SeasonStatistics
    values: object  # players.stats.Line
    division_span: int  # 0: the division cell above spans this row


@dataclass
class StatBlock:
    block: ClubBlock
    rows: list[StatRow]
    owner: Club | None  # for a loan: the club that lent the player

    @property
    def rowspan(self) -> int:
        return len(self.rows) + 1


@dataclass
class International:
    cap: Cap
    matches: list[InternationalMatch] = field(default_factory=list)


@dataclass
class PlayerPage:
    player: Player
    nationalities: list[Country]
    alternative_names: list[PlayerName]
    table: CareerTable
    blocks: list[StatBlock]
    youth_spells: list[Spell]
    senior_spells: list[Spell]
    loans: list[Spell]
    internationals: list[International]
    other_matches: list[InternationalMatch]
    sections: list[BiographySection]
    interviews: list[Any]  # interviews.models.Interview, filled by the interviews app
    timeline: Timeline
    sources: dict[str, list[Source]]
    age: int | None
    timeline_narrow: Timeline | None = None  # the same timeline drawn for a phone

    @property
    def international_notes(self) -> list[str]:
        """Each cap note once, in table order: several teams often share one (a total the
        source gives for all of them), so the table refers to it by number."""
        notes = (item.cap.note for item in self.internationals if item.cap.note)
        return list(dict.fromkeys(notes))


def _age(player: Player, today: datetime.date) -> int | None:
    born = player.date_of_birth
    if born is None or player.date_of_birth_precision != "day":
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _loan_owner(block: ClubBlock, loans: list[Spell]) -> Club | None:
    """The owning club of the loan spell that covers the block's seasons."""
    candidates = [loan for loan in loans if loan.club_id == block.club_id]
    first_season = block.rows[0].season
    for loan in candidates:
        start = loan.start.year if loan.start else None
        if start is None or start in (first_season.start_year, first_season.end_year):
            return loan.owner_club
    return candidates[0].owner_club if candidates else None


def _stat_blocks(table: CareerTable, loans: list[Spell]) -> list[StatBlock]:
    blocks = []
    for block in table.blocks:
        rows: list[StatRow] = []
        for row, values in block.lines:
            if rows and rows[-1].row.division_id == row.division_id:
                head = next(r for r in reversed(rows) if r.division_span)
                head.division_span += 1
                rows.append(StatRow(row, values, 0))
            else:
                rows.append(StatRow(row, values, 1))
        owner = _loan_owner(block, loans) if block.on_loan else None
        blocks.append(StatBlock(block=block, rows=rows, owner=owner))
    return blocks


def with_career(
    players: QuerySet[Player],
    *,
    interviews: QuerySet[Any] | None = None,
    interviews_attr: str | None = None,
) -> QuerySet[Player]:
    """Prefetch all a profile shows (spells, seasons, caps, matches, sections, interviews).

    A fixed number of queries however long the career; shared by the page and the API.
    The interviews app passes the interviews queryset (this app does not import it).
    """
    lookups: list[Any] = (
        []
        if interviews is None
        else [Prefetch("interviews", queryset=interviews, to_attr=interviews_attr)]
    )
    return players.prefetch_related(
        *lookups,
        "alternative_names",
        Prefetch("spells", queryset=Spell.objects.select_related("club", "owner_club")),
        Prefetch(
            "season_statistics",
            queryset=SeasonStatistics.objects.select_related("club", "season", "division"),
        ),
        Prefetch("caps", queryset=Cap.objects.select_related("national_team__country")),
        Prefetch(
            "notable_matches",
            queryset=InternationalMatch.objects.select_related("national_team__country"),
        ),
        "sections",
    )


@dataclass
class _ProfileRecords:
    """What a profile reads from the database: the same in every language and on every
    day, so kept once per content version (PROFILE_RECORDS)."""

    player: Player
    nationalities: list[Country]
    alternative_names: list[PlayerName]
    spells: list[Spell]
    rows: list[SeasonStatistics]
    caps: list[Cap]
    matches: list[InternationalMatch]
    sections: list[BiographySection]
    interviews: list[Any]
    sources: dict[str, list[Source]]


PROFILE_RECORDS: VersionMemo[_ProfileRecords] = VersionMemo(size=256)


# The interviews to show on a player's page, read by the interviews app (which this app
# does not import): interviews.profiles.player_profile passes it.
type InterviewReader = Callable[[Player], list[Any]]

# A profile's reads, each turned into SQL once per process (core.prepared): the player by
# slug, then every kind of record by the player's id, and the records they name (clubs,
# seasons, divisions, national teams, countries) by subqueries on that id.
_THROUGH = Player.nationalities.through
# Columns no profile shows are left out (a deferred column is read if something asks):
# on SQLite each timestamp is a string parsed into a datetime for every row.
_UNSHOWN = ("search_text", "created_at", "updated_at")
_PLAYER = PreparedQuery(
    lambda slug: Player.objects.published().defer(*_UNSHOWN).filter(slug=slug), text=True
)
_SPELLS = PreparedQuery(lambda pk: Spell.objects.filter(player_id=pk))
_ROWS = PreparedQuery(lambda pk: SeasonStatistics.objects.filter(player_id=pk))
_CAPS = PreparedQuery(lambda pk: Cap.objects.filter(player_id=pk))
_MATCHES = PreparedQuery(lambda pk: InternationalMatch.objects.filter(player_id=pk))
_SECTIONS = PreparedQuery(lambda pk: BiographySection.objects.filter(player_id=pk))
_NAMES = PreparedQuery(lambda pk: PlayerName.objects.filter(player_id=pk))
_CLUBS = PreparedQuery(
    lambda pk: Club.objects.defer(*_UNSHOWN).filter(
        Q(pk__in=Spell.objects.filter(player_id=pk).values("club_id"))
        | Q(pk__in=Spell.objects.filter(player_id=pk).values("owner_club_id"))
        | Q(pk__in=SeasonStatistics.objects.filter(player_id=pk).values("club_id"))
        | Q(pk__in=Player.objects.filter(pk=pk).values("current_club_id"))
    )
)
_SEASONS = PreparedQuery(
    lambda pk: Season.objects.filter(
        pk__in=SeasonStatistics.objects.filter(player_id=pk).values("season_id")
    )
)
_DIVISIONS = PreparedQuery(
    lambda pk: Competition.objects.filter(
        pk__in=SeasonStatistics.objects.filter(player_id=pk).values("division_id")
    )
)


def _team_ids(pk: int) -> Q:
    """The national teams a player's caps and notable matches are for."""
    return Q(pk__in=Cap.objects.filter(player_id=pk).values("national_team_id")) | Q(
        pk__in=InternationalMatch.objects.filter(player_id=pk).values("national_team_id")
    )


_TEAMS = PreparedQuery(lambda pk: NationalTeam.objects.filter(_team_ids(pk)))
_COUNTRIES = PreparedQuery(  # the nationalities (marked), of birth, of club and teams
    lambda pk: Country.objects.filter(
        Q(pk__in=_THROUGH.objects.filter(player_id=pk).values("country_id"))
        | Q(pk__in=Player.objects.filter(pk=pk).values("country_of_birth_id"))
        | Q(pk__in=Club.objects.filter(current_players=pk).values("country_id"))
        | Q(pk__in=NationalTeam.objects.filter(_team_ids(pk)).values("country_id"))
    ).annotate(nationality=Exists(_THROUGH.objects.filter(player_id=pk, country_id=OuterRef("pk"))))
)


def _profile_records(slug: str, interviews: InterviewReader | None) -> _ProfileRecords:
    """Every kind of record by one prepared query of its own (core.prepared: the ORM
    builds each query once per process, not on every render: issue 13, a cold profile
    render), the records they name attached by id as select_related would."""
    found = _PLAYER(slug)
    if not found:
        raise Http404("No such player.")
    player = found[0]
    pk = player.pk
    found_countries = _COUNTRIES(pk)  # by name, as player.nationalities.all() orders them
    clubs, countries = by_id(_CLUBS(pk)), by_id(found_countries)
    seasons, divisions, teams = by_id(_SEASONS(pk)), by_id(_DIVISIONS(pk)), by_id(_TEAMS(pk))
    for team in teams.values():
        team.country = countries[team.country_id]
    if player.current_club_id is not None:
        player.current_club = clubs[player.current_club_id]
        if player.current_club.country_id is not None:
            player.current_club.country = countries[player.current_club.country_id]
    if player.country_of_birth_id is not None:
        player.country_of_birth = countries[player.country_of_birth_id]
    spells = _SPELLS(pk)
    for spell in spells:
        spell.club = clubs[spell.club_id]
        if spell.owner_club_id is not None:
            spell.owner_club = clubs[spell.owner_club_id]
    rows = _ROWS(pk)
    for row in rows:
        row.club = clubs[row.club_id]
        row.season = seasons[row.season_id]
        if row.division_id is not None:
            row.division = divisions[row.division_id]
    caps, matches = _CAPS(pk), _MATCHES(pk)
    for cap in caps:
        cap.national_team = teams[cap.national_team_id]
    for match in matches:
        match.national_team = teams[match.national_team_id]
    sections = _SECTIONS(pk)
    if rows:
        # The structured table replaces the source's own text table under that heading.
        sections = [s for s in sections if normalize(s.heading) not in STATISTICS_HEADINGS]
    shown = interviews(player) if interviews is not None else []
    mask_drafts([player], "current_club", hide=True)
    mask_drafts(spells, "club", "owner_club")
    mask_drafts(rows, "club")
    sources = sources_for(
        {
            "profile": [player],
            "biography": sections,
            "statistics": rows,
            "spells": spells,
            "international": [*caps, *matches],
            "interviews": shown,
        }
    )
    return _ProfileRecords(
        player=player,
        nationalities=[c for c in found_countries if getattr(c, "nationality", False)],
        alternative_names=_NAMES(pk),
        spells=spells,
        rows=rows,
        caps=caps,
        matches=matches,
        sections=sections,
        interviews=shown,
        sources=sources,
    )


def player_page(
    slug: str, *, interviews: InterviewReader | None = None, today: datetime.date | None = None
) -> PlayerPage:
    """The profile of a published player; interviews reads those to show.

    The records are read once per content version (PROFILE_RECORDS); what is drawn from
    them in the reader's language and for today (tables, timeline, age) is built here."""
    today = today or timezone.localdate()
    records = PROFILE_RECORDS.get(
        ("profile", slug, interviews is not None), lambda: _profile_records(slug, interviews)
    )
    spells, rows, caps, matches = records.spells, records.rows, records.caps, records.matches
    loans = [s for s in spells if s.kind == Spell.Kind.LOAN]
    table = career_table(rows)
    internationals = [
        International(cap, [m for m in matches if m.national_team_id == cap.national_team_id])
        for cap in caps
    ]
    capped = {cap.national_team_id for cap in caps}
    return PlayerPage(
        player=records.player,
        nationalities=records.nationalities,
        alternative_names=records.alternative_names,
        table=table,
        blocks=_stat_blocks(table, loans),
        youth_spells=[s for s in spells if s.kind == Spell.Kind.YOUTH],
        senior_spells=[s for s in spells if s.kind == Spell.Kind.SENIOR],
        loans=loans,
        internationals=internationals,
        other_matches=[m for m in matches if m.national_team_id not in capped],
        sections=records.sections,
        interviews=records.interviews,
        timeline=build_timeline(spells, rows, today),
        sources=records.sources,
        age=_age(player=records.player, today=today),
        timeline_narrow=build_timeline(spells, rows, today, layout=NARROW),
    )


def former_players(
    club: Club, *, exclude: Iterable[int], page: str | int | None, per_page: int = FORMER_PAGE
) -> Page[Player]:
    """Published players who had a spell or a season at the club, but for those in
    exclude (the current squad and the loans), by name, one page of them.

    Three queries however many players the site holds: the club's player ids from its
    spells and seasons (index-only scans of (club, player)), those players' ids in name
    order, the page's players. The work grows with the club's history, not the site."""
    ids = set(Spell.objects.filter(club=club).values_list("player_id", flat=True).order_by())
    ids.update(
        SeasonStatistics.objects.filter(club=club).values_list("player_id", flat=True).order_by()
    )
    ids.difference_update(exclude)
    ordered = list(
        Player.objects.published()
        .filter(pk__in=ids)
        .order_by("full_name", "id")
        .values_list("pk", flat=True)
    )
    return Paginator(IdList(ordered, _by_ids), per_page).get_page(page)


def featured_players(limit: int = 6) -> list[Player]:
    """Players for the home page: the most recently updated published players."""
    return public_cards(
        Player.objects.published()
        .select_related("current_club")
        .order_by("-updated_at", "full_name")[:limit]
    )


def public_cards(players: Iterable[Player]) -> list[Player]:
    """Players as cards show them: a current club that is a draft is not named."""
    cards = list(players)
    mask_drafts(cards, "current_club", hide=True)
    return cards


def club_current_spells(club: Club, today: datetime.date) -> QuerySet[Spell]:
    """Loans running today that involve the club, either way."""
    return (
        Spell.objects.filter(loans_running(today), player__status=Status.PUBLISHED)
        .filter(Q(club=club) | Q(owner_club=club))
        .select_related("player", "club", "owner_club")
        .order_by("player__full_name")
    )
