"""core.prepared: a queryset turned into SQL once, run again with other values."""

import pytest

from clubs.models import Club, Country
from core.prepared import PreparedQuery, by_id
from players.models import Player, Spell


@pytest.fixture
def clubs(db):
    return [Club.objects.create(name=name) for name in ("Werder Bremen", "FC Volendam", "AZ")]


def test_each_value_reads_what_the_orm_reads(clubs):
    spells_of = PreparedQuery(lambda pk: Spell.objects.filter(player_id=pk))
    players = [Player.objects.create(full_name=f"Player {n}") for n in range(3)]
    for number, player in enumerate(players):
        for club in clubs[: number + 1]:
            Spell.objects.create(player=player, club=club, kind=Spell.Kind.SENIOR)
    for player in players:
        prepared = spells_of(player.pk)
        assert [s.pk for s in prepared] == [s.pk for s in Spell.objects.filter(player=player)]
        assert all(isinstance(s, Spell) and s.player_id == player.pk for s in prepared)
    assert spells_of(10**9) == []


def test_it_keeps_the_sql_not_the_rows(clubs):
    named = PreparedQuery(lambda name: Club.objects.filter(name=name), text=True)
    assert [c.name for c in named("AZ")] == ["AZ"]
    Club.objects.filter(name="AZ").update(short_name="AZ Alkmaar")
    Club.objects.create(name="AZ", slug="az-2")
    found = named("AZ")
    assert len(found) == 2
    assert "AZ Alkmaar" in {c.short_name for c in found}


def test_fields_are_converted_as_the_orm_converts_them(clubs):
    player = Player.objects.create(full_name="Mio Backhaus", date_of_birth="2004-05-31")
    read = PreparedQuery(lambda pk: Player.objects.filter(pk=pk))(player.pk)[0]
    orm = Player.objects.get(pk=player.pk)
    assert read.date_of_birth == orm.date_of_birth
    assert read.created_at == orm.created_at
    assert read.status == orm.status


def test_subqueries_on_the_same_value(clubs):
    germany = Country.objects.create(code="DE", name="Germany")
    clubs[0].country = germany
    clubs[0].save()
    player = Player.objects.create(full_name="Mio Backhaus", current_club=clubs[0])
    Spell.objects.create(player=player, club=clubs[1], kind=Spell.Kind.SENIOR)
    clubs_of = PreparedQuery(
        lambda pk: (
            Club.objects.filter(pk__in=Spell.objects.filter(player_id=pk).values("club_id"))
            | Club.objects.filter(current_players=pk)
        )
    )
    assert set(by_id(clubs_of(player.pk))) == {clubs[0].pk, clubs[1].pk}


@pytest.mark.parametrize(
    "build",
    [
        lambda pk: Spell.objects.filter(player_id=pk).select_related("club"),
        lambda pk: Spell.objects.filter(player_id=pk).values("id"),
    ],
)
def test_joined_or_value_rows_are_refused(db, build):
    with pytest.raises(ValueError, match="plain records"):
        PreparedQuery(build)(1)


def test_a_query_that_does_not_use_the_value_is_refused(db):
    with pytest.raises(ValueError, match="not a parameter"):
        PreparedQuery(lambda pk: Spell.objects.all())(1)
