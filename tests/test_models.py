"""The database rules and the domain's computed values."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from clubs.models import Club, NationalTeam, Season
from imports.parsing.dates import parse_season
from imports.parsing.documents import Season as ParsedSeason
from players.models import Cap, Player, PlayerName, SeasonStatistics, Spell
from players.stats import add, career_table
from tests import factories


def rejects(callable_) -> bool:
    try:
        with transaction.atomic():
            callable_()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-24", (2023, 2024)),
        ("2023/24", (2023, 2024)),
        ("2023–24", (2023, 2024)),
        ("2023–2024", (2023, 2024)),
        ("1999-00", (1999, 2000)),
        ("2025", (2025, 2025)),
    ],
)
def test_season_accepts_the_usual_spellings(text, expected):
    # The one season parser (the importer's); the model keeps none of its own.
    assert parse_season(text) == ParsedSeason(*expected)


@pytest.mark.parametrize("text", ["2023-25", "23-24", "season", "2024-23", ""])
def test_season_rejects_what_is_not_a_season(text):
    assert parse_season(text) is None


def test_seasons_are_shown_with_an_en_dash_and_ordered_chronologically(db):
    for label in ["2025", "2023/24", "2021-22", "2024"]:
        factories.season(label)
    assert [s.label for s in Season.objects.all()] == ["2021–22", "2023–24", "2024", "2025"]


def test_the_same_season_written_two_ways_is_one_season(db):
    assert parse_season("2023-24") == parse_season("2023–2024")
    assert factories.season("2023-24") == factories.season("2023–24")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Jiří Pavlenka", "jiri-pavlenka"),
        ("Mönchengladbach", "monchengladbach"),
        ("Martin Ødegaard", "martin-odegaard"),
        ("長田澪", "長田澪"),
        ("???", "player"),
    ],
)
def test_slugs_are_readable_and_never_empty(db, name, slug):
    assert Player.objects.create(full_name=name).slug == slug


def test_slugs_stay_unique(db):
    first = Player.objects.create(full_name="Jiří Pavlenka")
    second = Player.objects.create(full_name="Jiri Pavlenka")
    assert (first.slug, second.slug) == ("jiri-pavlenka", "jiri-pavlenka-2")


def test_a_spell_cannot_end_before_it_starts(player, club):
    assert rejects(
        lambda: Spell.objects.create(
            player=player, club=club, start=datetime.date(2024, 1, 1), end=datetime.date(2023, 1, 1)
        )
    )


def test_a_loan_needs_its_owner_and_a_permanent_spell_has_none(player, club, other_club):
    assert rejects(lambda: Spell.objects.create(player=player, club=club, kind="loan"))
    assert rejects(
        lambda: Spell.objects.create(player=player, club=club, kind="senior", owner_club=other_club)
    )
    assert rejects(
        lambda: Spell.objects.create(player=player, club=club, kind="loan", owner_club=club)
    )
    Spell.objects.create(player=player, club=other_club, kind="loan", owner_club=club)


def test_one_statistics_row_per_player_club_season_and_division(player, club, season, division):
    SeasonStatistics.objects.create(player=player, club=club, season=season, division=division)
    assert rejects(
        lambda: SeasonStatistics.objects.create(
            player=player, club=club, season=season, division=division
        )
    )


@pytest.mark.parametrize("field", ["league_apps", "cup_goals", "continental_apps", "other_goals"])
def test_apps_and_goals_cannot_be_negative(player, club, season, division, field):
    assert rejects(
        lambda: SeasonStatistics.objects.create(
            player=player, club=club, season=season, division=division, **{field: -1}
        )
    )


def test_unique_slugs_are_enforced_by_the_database(db):
    Club.objects.create(name="Werder Bremen", slug="werder")
    assert rejects(lambda: Club.objects.create(name="Other", slug="werder"))


def test_one_cap_record_per_national_team(player, u19):
    Cap.objects.create(player=player, national_team=u19, caps=3)
    assert rejects(lambda: Cap.objects.create(player=player, national_team=u19))
    assert str(u19) == "Germany U19"


def test_a_season_spans_at_most_two_years(db):
    assert rejects(lambda: Season.objects.create(start_year=2020, end_year=2023))


def test_a_national_team_exists_once_per_level(u19, germany):
    assert rejects(lambda: NationalTeam.objects.create(country=germany, level="U19"))


def test_did_not_take_part_is_kept_apart_from_zero():
    assert add([None, None]) is None
    assert add([None, 0]) == 0
    assert add([3, None, 4]) == 7


def test_the_career_total_is_the_sum_of_the_seasons(player, club, other_club, division):
    seasons = [factories.season(s) for s in ("2021-22", "2022-23", "2023-24")]
    SeasonStatistics.objects.create(
        player=player,
        club=club,
        season=seasons[0],
        division=division,
        league_apps=5,
        league_goals=1,
    )
    SeasonStatistics.objects.create(
        player=player, club=club, season=seasons[1], division=division, league_apps=10, cup_apps=2
    )
    SeasonStatistics.objects.create(
        player=player,
        club=other_club,
        season=seasons[2],
        division=division,
        on_loan=True,
        league_apps=33,
        league_goals=0,
    )
    table = career_table(player.season_statistics.select_related("season", "club"))
    assert [block.club for block in table.blocks] == [club, other_club]
    assert table.blocks[0].total["league_apps"] == 15
    assert table.blocks[0].total["cup_apps"] == 2
    assert table.blocks[0].total["continental_apps"] is None
    assert table.total["league_apps"] == 48
    assert table.total.apps == 50
    assert table.total.goals == 1
    assert table.total["other_goals"] is None


def test_alternative_names_make_a_player_findable(player):
    PlayerName.objects.create(player=player, name="Mio Nagata")
    player.save()
    assert list(Player.objects.search("nagata")) == [player]
    assert list(Player.objects.search("JIRI pavlenka")) == [player]
    assert not Player.objects.search("müller").exists()


def test_drafts_are_not_published(player):
    Player.objects.create(full_name="Draft Person", status="draft")
    assert list(Player.objects.published()) == [player]
