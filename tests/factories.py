"""The test data in one place: functions that build records, used by the fixtures in
tests/conftest.py (which build on each other: country → club → player → editor → client)
and by tests that grow data to show a query count stays flat.

`build_backhaus` is a player shaped like the seed documents, built by hand: the site's
tests need records they control (a draft, a biography with <script>, a career grown to
25 seasons) without depending on the importer. The browser tests import the real seeds.
"""

import datetime
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.utils import timezone

from clubs.models import Club, ClubName, Competition, Country, NationalTeam, Season
from imports.editors import EDITORS_GROUP
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    PlayerName,
    SeasonStatistics,
    Spell,
)
from sources.models import Provenance, SourceDocument

SEED_BIOGRAPHY = Path(__file__).resolve().parents[1] / "seeds" / "000_2593bb3e1f49e045.txt"


def letters(number: int) -> str:
    """0 → 'a', 25 → 'z', 26 → 'ba': a name part with no digits in it."""
    text = ""
    while True:
        number, rest = divmod(number, 26)
        text = "abcdefghijklmnopqrstuvwxyz"[rest] + text
        if not number:
            return text


def renamed_biographies(count: int) -> list[tuple[str, bytes]]:
    """The seed biography of Mio Backhaus under `count` new names, as (file name, bytes):
    an upload of that many new players (the admin import job's test and bench)."""
    seed = SEED_BIOGRAPHY.read_text(encoding="utf-8")
    files = []
    for number in range(count):
        surname = "Probe" + letters(number)
        text = (
            seed.replace("Mio Nagata", f"Mio Nagata{letters(number)}")
            .replace("Mio Backhaus", f"Mio {surname}")
            .replace("Backhaus", surname)
        )
        files.append((f"bio_{number:04d}.txt", text.encode()))
    return files


def country(code: str, name: str, demonym: str) -> Country:
    return Country.objects.get_or_create(code=code, defaults={"name": name, "demonym": demonym})[0]


def season(label: str) -> Season:
    """'2023-24' or '2023–24' (a split season), or '2025' (a calendar year)."""
    start = int(label[:4])
    end = start if len(label) == 4 else start + 1
    return Season.objects.get_or_create(start_year=start, end_year=end)[0]


EDITOR_PASSWORD = "editor-pass-123"


def editor_user(username: str, password: str = EDITOR_PASSWORD) -> User:
    """A member of the Editors group: staff, not superuser."""
    user = User.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def pavlenka_career(
    player: Player, *, club: Club, loaned_to: Club, division: Competition, u19: NationalTeam
) -> Player:
    """A youth spell, a loan running today, two seasons, a cap and a match."""
    PlayerName.objects.create(player=player, name="Mio Nagata")
    player.nationalities.add(country("JP", "Japan", "Japanese"))
    player.date_of_birth = datetime.date(1992, 4, 1)
    player.date_of_birth_precision = "month"
    player.save()
    Spell.objects.create(player=player, club=club, kind="youth", start=datetime.date(2008, 7, 1))
    today = datetime.date.today()
    Spell.objects.create(
        player=player,
        club=loaned_to,
        kind="loan",
        owner_club=club,
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
    )
    SeasonStatistics.objects.create(
        player=player,
        club=club,
        season=season("2022-23"),
        division=division,
        league_apps=10,
        cup_apps=0,
    )
    SeasonStatistics.objects.create(
        player=player,
        club=club,
        season=season("2023-24"),
        division=division,
        league_apps=20,
        league_goals=1,
    )
    Cap.objects.create(player=player, national_team=u19, caps=3, goals=0, first_year=2010)
    InternationalMatch.objects.create(
        player=player,
        national_team=u19,
        date=datetime.date(2010, 5, 1),
        date_precision="month",
        opponent="Czechia U19",
        goals_for=1,
        goals_against=0,
    )
    BiographySection.objects.create(player=player, order=1, heading="Early years", text="…")
    return player


def interview_with_pavlenka(outlet: Outlet, player: Player, club: Club) -> Interview:
    interview = Interview.objects.create(
        outlet=outlet,
        title="„Ich bin angekommen“",
        author="Anna Schmidt",
        published_at=datetime.datetime(2024, 3, 1, 9, 30, tzinfo=datetime.UTC),
    )
    interview.players.add(player)
    interview.save()
    Turn.objects.create(interview=interview, order=1, kind="question", text="How are you?")
    Turn.objects.create(interview=interview, order=2, kind="answer", speaker="JP", text="Fine.")
    PhotoCredit.objects.create(interview=interview, caption="In training", credit="Getty")
    Mention.objects.create(interview=interview, club=club, name="Werder")
    return interview


STATS = [
    # club, season, division, on_loan, league apps, cup apps, continental apps, other apps
    ("bremen", "2021-22", "2bl", False, 0, 0, None, None),
    ("bremen", "2022-23", "bl", False, 0, 0, None, None),
    ("bremen", "2024-25", "bl", False, 0, 0, None, None),
    ("bremen", "2025-26", "bl", False, 22, 0, None, None),
    ("bremen2", "2021-22", "rln", False, 5, None, None, None),
    ("bremen2", "2022-23", "rln", False, 10, None, None, None),
    ("volendam", "2023-24", "ere", True, 33, 1, None, None),
]


def build_backhaus() -> Player:
    de = country("DE", "Germany", "German")
    jp = country("JP", "Japan", "Japanese")
    nl = country("NL", "Netherlands", "Dutch")
    clubs = {
        "bremen": Club.objects.create(name="Werder Bremen", short_name="Werder", country=de),
        "volendam": Club.objects.create(name="FC Volendam", country=nl),
        "aachen": Club.objects.create(name="Alemannia Aachen", country=de),
        "gladbach": Club.objects.create(name="Borussia Mönchengladbach", country=de),
    }
    clubs["bremen2"] = Club.objects.create(
        name="Werder Bremen II", country=de, parent=clubs["bremen"]
    )
    ClubName.objects.create(club=clubs["bremen"], name="SVW")
    clubs["bremen"].save()
    divisions = {
        "bl": Competition.objects.create(name="Bundesliga", country=de, tier=1),
        "2bl": Competition.objects.create(name="2. Bundesliga", country=de, tier=2),
        "rln": Competition.objects.create(name="Regionalliga Nord", country=de, tier=4),
        "ere": Competition.objects.create(name="Eredivisie", country=nl, tier=1),
    }
    player = Player.objects.create(
        full_name="Mio Backhaus",
        position="goalkeeper",
        place_of_birth="Mönchengladbach",
        country_of_birth=de,
        date_of_birth=datetime.date(2004, 1, 1),
        date_of_birth_precision="year",
        current_club=clubs["bremen"],
        contract_until=datetime.date(2026, 6, 30),
        contract_until_precision="year",
    )
    player.nationalities.add(de)
    PlayerName.objects.create(player=player, name="Mio Nagata")
    player.save()
    Spell.objects.create(
        player=player,
        club=clubs["aachen"],
        kind="youth",
        end=datetime.date(2018, 6, 30),
        end_precision="year",
    )
    Spell.objects.create(
        player=player,
        club=clubs["bremen"],
        kind="youth",
        start=datetime.date(2018, 7, 1),
        start_precision="year",
    )
    Spell.objects.create(
        player=player,
        club=clubs["bremen"],
        kind="senior",
        start=datetime.date(2021, 7, 1),
        start_precision="year",
    )
    Spell.objects.create(
        player=player,
        club=clubs["volendam"],
        kind="loan",
        owner_club=clubs["bremen"],
        start=datetime.date(2023, 7, 1),
        start_precision="month",
        end=datetime.date(2024, 6, 30),
        end_precision="month",
    )
    for club, label, division, on_loan, league, cup, cont, other in STATS:
        SeasonStatistics.objects.create(
            player=player,
            club=clubs[club],
            season=season(label),
            division=divisions[division],
            on_loan=on_loan,
            league_apps=league,
            league_goals=None if league is None else 0,
            cup_apps=cup,
            cup_goals=None if cup is None else 0,
            continental_apps=cont,
            other_apps=other,
        )
    for level, caps in (("U15", None), ("U19", 12)):
        team = NationalTeam.objects.get_or_create(country=de, level=level)[0]
        Cap.objects.create(player=player, national_team=team, caps=caps, first_year=2019)
    u20 = NationalTeam.objects.get_or_create(country=de, level="U20")[0]
    Cap.objects.create(player=player, national_team=u20, caps=1, first_year=2025)
    InternationalMatch.objects.create(
        player=player,
        national_team=u20,
        date=datetime.date(2025, 3, 1),
        date_precision="month",
        opponent="Czechia U20",
        goals_for=1,
        goals_against=0,
        note="started, clean sheet",
    )
    jp_u15 = NationalTeam.objects.get_or_create(country=jp, level="U15")[0]
    Cap.objects.create(player=player, national_team=jp_u15, first_year=2018, last_year=2018)
    BiographySection.objects.create(
        player=player,
        order=1,
        heading="Club career",
        text="Backhaus joined the Werder Bremen youth team in 2018.\n\nIn July 2023 he "
        "joined FC Volendam on a season-long loan.",
    )
    BiographySection.objects.create(
        player=player, order=2, heading="Personal life", text="Born to a German father."
    )

    document = SourceDocument.objects.create(
        file_name="000_2593bb3e1f49e045.txt", checksum="a" * 64, kind="biography", text="…"
    )
    Provenance.objects.create(document=document, record=player, line=1)
    for row in player.season_statistics.all():
        Provenance.objects.create(document=document, record=row, line=40)

    bundesliga = Outlet.objects.create(name="Bundesliga")
    english = Interview.objects.create(
        title="Hard work paying off for Werder Bremen goalkeeper Mio Backhaus",
        outlet=bundesliga,
        language="en",
        standfirst="Born in Mönchengladbach but raised in Kawasaki, Japan.",
    )
    english.players.add(player)
    english.save()
    Turn.objects.create(
        interview=english, order=1, kind="question", text="Tell us about those early years..."
    )
    Turn.objects.create(
        interview=english,
        order=2,
        kind="answer",
        speaker="Mio Backhaus",
        text='"I was born in Mönchengladbach, but our parents moved to Japan. I think '
        'my parents like Japan very much."',
    )
    PhotoCredit.objects.create(
        interview=english,
        caption="Backhaus is a product of the Bremen youth system.",
        credit="IMAGO/kolbert-press/Burghard Schreyer",
    )
    Mention.objects.create(interview=english, club=clubs["bremen"], name="Werder Bremen")

    sport1 = Outlet.objects.create(name="SPORT1")
    german = Interview.objects.create(
        title="Werder-Keeper Mio Backhaus im Interview",
        outlet=sport1,
        author="Niclas Löwendorf",
        language="de",
        published_at=timezone.make_aware(datetime.datetime(2025, 12, 14, 13, 31)),
        standfirst="Werder-Keeper Mio Backhaus spricht über seinen Karriereweg.",
    )
    german.players.add(player)
    german.save()
    Turn.objects.create(
        interview=german, order=1, kind="question", speaker="SPORT1", text="Herr Backhaus, …?"
    )
    Turn.objects.create(
        interview=german,
        order=2,
        kind="answer",
        speaker="Mio Backhaus",
        text="Das war immer mein Traum und Ziel. Werder hat sich entwickelt.",
    )
    Turn.objects.create(
        interview=german, order=3, kind="subheading", text="„Mein Papa war schon immer Werder-Fan“"
    )
    Mention.objects.create(interview=german, club=clubs["gladbach"], name="Mönchengladbach")
    return player
