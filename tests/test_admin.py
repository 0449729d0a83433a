"""An editor (staff, not superuser) maintains everything through the admin."""

import pytest
from django.urls import reverse

from clubs.models import Club, Competition
from imports.editors import editor_permissions
from interviews.models import Interview, Outlet
from players.models import Player, PlayerName, SeasonStatistics
from tests import factories
from tests.helpers import add_inline_rows, form_data, get_counting_queries, inline_prefix

CHANGELISTS = [
    "admin:players_player_changelist",
    "admin:clubs_club_changelist",
    "admin:clubs_competition_changelist",
    "admin:clubs_nationalteam_changelist",
    "admin:interviews_interview_changelist",
    "admin:sources_sourcedocument_changelist",
]


@pytest.mark.parametrize("url_name", CHANGELISTS)
def test_an_editor_opens_every_changelist(editor_client, editor, player, u19, url_name):
    assert not editor.is_superuser
    response = editor_client.get(reverse(url_name))
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert changelist.result_count == changelist.model._default_manager.count()
    for record in changelist.result_list:
        assert str(record) in response.content.decode()


@pytest.mark.parametrize("url_name", CHANGELISTS)
def test_a_stranger_cannot(client, stranger, url_name):
    client.force_login(stranger)
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    codenames = {p.codename for p in editor_permissions()}
    assert "change_user" not in codenames
    assert "change_sourcedocument" not in codenames


def test_search_finds_a_player_without_accents_and_by_alternative_name(editor_client, player):
    other = Player.objects.create(full_name="Manuel Neuer")
    PlayerName.objects.create(player=player, name="Mio Nagata")
    player.save()
    url = reverse("admin:players_player_changelist")
    for query in ("jiri", "JIŘÍ pavl", "nagata"):
        response = editor_client.get(url, {"q": query})
        found = list(response.context["cl"].result_list)
        assert found == [player], query
    assert list(editor_client.get(url, {"q": "neuer"}).context["cl"].result_list) == [other]


def test_club_search_is_accent_insensitive(editor_client, other_club):
    response = editor_client.get(reverse("admin:clubs_club_changelist"), {"q": "monchengladbach"})
    assert list(response.context["cl"].result_list) == [other_club]


def test_an_editor_adds_a_player_with_inlines(editor_client, club, other_club, division, germany):
    season = factories.season("2023-24")
    url = reverse("admin:players_player_add")
    page = editor_client.get(url)
    data = form_data(page)
    data.update(
        {
            "full_name": "Keke Topp",
            "slug": "keke-topp",
            "status": "published",
            "position": "forward",
            "current_club": club.pk,
            "nationalities": [germany.pk],
            "date_of_birth_precision": "year",
            "date_of_birth": "2004-01-01",
            "contract_until_precision": "day",
        }
    )
    add_inline_rows(data, inline_prefix(page, "playername"), [{"name": "Keke"}])
    add_inline_rows(
        data,
        inline_prefix(page, "spell"),
        [
            {
                "club": club.pk,
                "kind": "youth",
                "start": "2018-07-01",
                "start_precision": "year",
                "end_precision": "day",
            }
        ],
    )
    add_inline_rows(
        data,
        inline_prefix(page, "loan"),
        [
            {
                "club": other_club.pk,
                "owner_club": club.pk,
                "start": "2023-07-01",
                "start_precision": "month",
                "end": "2024-06-30",
                "end_precision": "month",
            }
        ],
    )
    add_inline_rows(
        data,
        inline_prefix(page, "seasonstatistics"),
        [
            {
                "season": season.pk,
                "club": other_club.pk,
                "division": division.pk,
                "on_loan": "on",
                "league_apps": "12",
                "league_goals": "3",
            }
        ],
    )
    add_inline_rows(
        data,
        inline_prefix(page, "biographysection"),
        [{"order": "1", "heading": "Club career", "text": "Came through the youth ranks."}],
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and [
        f.errors for f in [response.context["adminform"].form]
    ] + [i.formset.errors for i in response.context["inline_admin_formsets"]]
    player = Player.objects.get(slug="keke-topp")
    assert list(player.alternative_names.values_list("name", flat=True)) == ["Keke"]
    loan = player.spells.get(kind="loan")
    assert (loan.club, loan.owner_club) == (other_club, club)
    assert player.spells.get(kind="youth").club == club
    row = player.season_statistics.get()
    assert (row.league_apps, row.league_goals, row.cup_apps) == (12, 3, None)
    assert player.sections.get().heading == "Club career"
    assert list(Player.objects.search("keke")) == [player]


def test_the_admin_refuses_a_loan_without_owner_and_negative_goals(
    editor_client, player, club, division
):
    season = factories.season("2024-25")
    url = reverse("admin:players_player_change", args=[player.pk])
    page = editor_client.get(url)
    data = form_data(page)
    add_inline_rows(
        data,
        inline_prefix(page, "loan"),
        [{"club": club.pk, "start_precision": "day", "end_precision": "day"}],
    )
    add_inline_rows(
        data,
        inline_prefix(page, "seasonstatistics"),
        [{"season": season.pk, "club": club.pk, "division": division.pk, "league_goals": "-2"}],
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = str([i.formset.errors for i in response.context["inline_admin_formsets"]])
    assert "'owner_club': ['This field is required.']" in errors
    assert "cannot be negative" in errors
    assert not SeasonStatistics.objects.exists()


def test_an_editor_corrects_a_position_and_reverts_it_from_history(editor_client, player):
    url = reverse("admin:players_player_change", args=[player.pk])
    data = form_data(editor_client.get(url))
    data["position"] = "defender"
    assert editor_client.post(url, data).status_code == 302
    player.refresh_from_db()
    assert player.position == "defender"

    original = player.history.order_by("history_date").first()
    assert original.position == "goalkeeper"
    latest = player.history.order_by("history_date").last()
    assert latest.history_user.username == "editor"
    revert_url = reverse(
        "admin:players_player_simple_history", args=[player.pk, original.history_id]
    )
    page = editor_client.get(revert_url)
    assert page.status_code == 200
    assert editor_client.post(revert_url, form_data(page)).status_code == 302
    player.refresh_from_db()
    assert player.position == "goalkeeper"


def test_the_history_page_shows_who_changed_what(editor_client, player):
    url = reverse("admin:players_player_change", args=[player.pk])
    data = form_data(editor_client.get(url))
    data["place_of_birth"] = "Baesweiler"
    editor_client.post(url, data)
    page = editor_client.get(reverse("admin:players_player_history", args=[player.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    assert "editor" in content
    assert "Baesweiler" in content


def test_an_editor_edits_an_interview_with_turns(editor_client, player):
    outlet = Outlet.objects.create(name="SPORT1")
    interview = Interview.objects.create(title="Ein Gespräch", outlet=outlet, language="de")
    url = reverse("admin:interviews_interview_change", args=[interview.pk])
    page = editor_client.get(url)
    data = form_data(page)
    add_inline_rows(
        data,
        inline_prefix(page, "turn"),
        [
            {"order": "1", "kind": "question", "speaker": "SPORT1", "text": "Wie geht's?"},
            {"order": "2", "kind": "answer", "speaker": "Jiří Pavlenka", "text": "Gut."},
        ],
    )
    add_inline_rows(
        data,
        inline_prefix(page, "photocredit"),
        [{"order": "1", "caption": "Im Training", "credit": "IMAGO/Example"}],
    )
    assert editor_client.post(url, data).status_code == 302
    assert list(interview.turns.values_list("kind", flat=True)) == ["question", "answer"]
    assert interview.photo_credits.get().credit == "IMAGO/Example"


def _grow(n: int, club: Club, division: Competition) -> None:
    season = factories.season("2022-23")
    for i in range(n):
        p = Player.objects.create(
            full_name=f"Player {i} {Player.objects.count()}", current_club=club
        )
        p.nationalities.add(club.country)
        SeasonStatistics.objects.create(player=p, club=club, season=season, division=division)
        Interview.objects.create(title=f"Interview {i} {Interview.objects.count()}")


@pytest.mark.parametrize("url_name", [*CHANGELISTS[:2], "admin:interviews_interview_changelist"])
def test_changelist_queries_stay_flat_as_rows_grow(editor_client, club, division, url_name):
    _grow(3, club, division)
    editor_client.get(reverse(url_name))  # warm caches such as content types
    few, _ = get_counting_queries(editor_client, reverse(url_name))
    _grow(20, club, division)
    many, _ = get_counting_queries(editor_client, reverse(url_name))
    assert len(many) == len(few)


def test_the_editors_group_is_kept_in_step_with_migrations(db):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Editors")
    assert group.permissions.filter(codename="change_player").exists()
    assert group.permissions.filter(codename="add_sourcedocument").exists()
    assert not group.permissions.filter(codename="delete_sourcedocument").exists()
    assert not group.permissions.filter(content_type__app_label="auth").exists()
