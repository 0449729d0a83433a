"""An editor sees every change to a player or interview, its inline records included, on
its history page and reverts one change from there; every save leaves one history row."""

import base64
import datetime
import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.formats import date_format

from clubs.models import Club
from core.forms import parse_partial_date
from core.publishing import DatePrecision
from interviews.models import Interview, Mention, PhotoCredit, Turn
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    PlayerName,
    SeasonStatistics,
    Spell,
)
from tests import factories
from tests.helpers import add_inline_rows, form_data, get_counting_queries, inline_prefix

# --- helpers -------------------------------------------------------------------------


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def history_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk])


def inline_row(page, model_name: str, record) -> str:
    """The prefix of the inline form that edits record: 'spell_set-1'."""
    for inline in page.context["inline_admin_formsets"]:
        if inline.formset.model._meta.model_name != model_name:
            continue
        for form in inline.formset.initial_forms:
            if form.instance.pk == record.pk:
                return form.prefix
    raise AssertionError(f"no {model_name} form for {record}")


def posted(page) -> dict:
    """What the browser posts for an admin page as shown, hidden initial values included
    (a field whose default is callable, such as the statistics' unknown list, has one)."""
    data = form_data(page)
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += inline.formset.initial_forms
    for form in forms:
        for name, field in form.fields.items():
            if field.show_hidden_initial:
                data[form.add_initial_prefix(name)] = field.prepare_value(form[name].initial)
    return data


def save_in_admin(client, record, changes: dict[str, object], *, page=None) -> None:
    page = page or client.get(change_url(record))
    data = posted(page)
    data.update(changes)
    response = client.post(change_url(record), data)
    errors = response.context and [
        response.context["adminform"].form.errors,
        *[i.formset.errors for i in response.context["inline_admin_formsets"]],
    ]
    assert response.status_code == 302, errors


def history_rows(content: str) -> list[tuple[str, str, str]]:
    """(field, before, after) of every change the history page lists, as text."""

    def text(cell: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()

    pattern = re.compile(
        r'<td class="history-field">(.*?)</td>\s*'
        r'<td class="history-before">(.*?)</td>\s*'
        r'<td class="history-after">(.*?)</td>',
        re.S,
    )
    return [(text(f), text(b), text(a)) for f, b, a in pattern.findall(content)]


def revert_urls(content: str, label: str) -> list[str]:
    return re.findall(rf'<form method="post" action="([^"]*/revert/{label}/\d+/)">', content)


def history_count(model) -> int:
    return model.history.count()


@pytest.fixture
def loan(career) -> Spell:
    return career.spells.get(kind=Spell.Kind.LOAN)


# --- the player's history shows its inline records and reverts them -------------------


def test_a_loan_end_changed_in_the_admin_shows_on_the_history_and_is_reverted(
    editor_client, editor, career, loan
):
    old_end = loan.end
    page = editor_client.get(change_url(career))
    prefix = inline_row(page, "loan", loan)
    save_in_admin(editor_client, career, {f"{prefix}-end": "2031"}, page=page)
    loan.refresh_from_db()
    assert (loan.end, loan.end_precision) == (datetime.date(2031, 12, 31), "year")

    content = editor_client.get(history_url(career)).content.decode()
    # The date as precise as it is known: the day before, the year after.
    assert ("Until", date_format(old_end), "2031") in history_rows(content)
    assert not any(field == "" for field, _, _ in history_rows(content))

    newest_revert = revert_urls(content, "players.spell")[0]
    assert editor_client.post(newest_revert).status_code == 302
    loan.refresh_from_db()
    assert (loan.end, loan.end_precision) == (old_end, "day")
    reverted = loan.history.order_by("-history_id").first()
    assert reverted.history_user == editor
    assert reverted.history_change_reason.startswith("Reverted the change of")


def test_a_biography_section_edit_is_shown_and_reverted(editor_client, career):
    section = career.sections.get()
    page = editor_client.get(change_url(career))
    prefix = inline_row(page, "biographysection", section)
    save_in_admin(editor_client, career, {f"{prefix}-text": "Grew up in Opava."}, page=page)

    content = editor_client.get(history_url(career)).content.decode()
    assert ("Text", "…", "Grew up in Opava.") in history_rows(content)
    editor_client.post(revert_urls(content, "players.biographysection")[0])
    section.refresh_from_db()
    assert section.text == "…"


def test_a_deleted_alternative_name_is_listed_and_re_created(editor_client, editor, player):
    name = PlayerName.objects.create(player=player, name="Pavlenka")
    page = editor_client.get(change_url(player))
    prefix = inline_row(page, "playername", name)
    save_in_admin(editor_client, player, {f"{prefix}-DELETE": "on"}, page=page)
    assert not PlayerName.objects.exists()

    content = editor_client.get(history_url(player)).content.decode()
    assert "Deleted" in content
    assert ("Name", "Pavlenka", "") in history_rows(content)
    editor_client.post(revert_urls(content, "players.playername")[0])
    restored = PlayerName.objects.get()
    assert restored.name == "Pavlenka"
    assert restored.history.latest("history_id").history_user == editor


def test_an_added_season_is_undone_from_the_history(editor_client, career, division):
    season = factories.season("2030-31")
    page = editor_client.get(change_url(career))
    data = posted(page)
    add_inline_rows(
        data,
        inline_prefix(page, "seasonstatistics"),
        [{"season": season.pk, "club": career.current_club.pk, "league_apps": "7"}],
    )
    assert editor_client.post(change_url(career), data).status_code == 302
    added = SeasonStatistics.objects.get(season=season)

    content = editor_client.get(history_url(career)).content.decode()
    # A record created with many values is one folded row, its values listed inside.
    assert "<dt>League apps</dt><dd>7</dd>" in content
    assert ("League apps", "", "7") not in history_rows(content)
    editor_client.post(revert_urls(content, "players.seasonstatistics")[0])
    assert not SeasonStatistics.objects.filter(pk=added.pk).exists()


def test_reverting_needs_a_post_and_the_permission_to_change_the_record(
    client, editor_client, career, loan
):
    loan.end = datetime.date(2032, 6, 30)
    loan.save()
    content = editor_client.get(history_url(career)).content.decode()
    url = revert_urls(content, "players.spell")[0]
    assert editor_client.get(url).status_code == 405

    viewer = factories.editor_user("viewer")
    viewer.groups.clear()
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_player", "view_spell"])
    )
    client.force_login(viewer)
    page = client.get(history_url(career))
    assert page.status_code == 200
    assert revert_urls(page.content.decode(), "players.spell") == []
    assert client.post(url).status_code == 403
    loan.refresh_from_db()
    assert loan.end == datetime.date(2032, 6, 30)


def test_strangers_see_no_history(client, stranger, career):
    client.force_login(stranger)
    response = client.get(history_url(career))
    assert response.status_code == 302  # to the admin login
    assert "/login/" in response["Location"]


# --- the interview's history: turns, mentions, players --------------------------------


def test_an_interviews_turn_and_players_show_on_its_history_and_revert(
    editor_client, interview, backhaus
):
    turn = interview.turns.get(kind="answer")
    page = editor_client.get(change_url(interview))
    prefix = inline_row(page, "turn", turn)
    data_changes = {
        f"{prefix}-text": "Very well.",
        "players": [str(p.pk) for p in interview.players.all()] + [str(backhaus.pk)],
    }
    before = interview.history.count()
    save_in_admin(editor_client, interview, data_changes, page=page)
    assert interview.history.count() == before + 1  # fields and players in one row

    content = editor_client.get(history_url(interview)).content.decode()
    rows = history_rows(content)
    assert ("Text", "Fine.", "Very well.") in rows
    assert ("About", "Jiří Pavlenka", "Jiří Pavlenka, Mio Backhaus") in rows

    editor_client.post(revert_urls(content, "interviews.interview")[0])
    assert list(interview.players.all()) == [Player.objects.get(full_name="Jiří Pavlenka")]
    editor_client.post(revert_urls(content, "interviews.turn")[0])
    turn.refresh_from_db()
    assert turn.text == "Fine."


def test_every_inline_model_an_editor_changes_keeps_history():
    for model in (
        PlayerName,
        Spell,
        SeasonStatistics,
        Cap,
        InternationalMatch,
        BiographySection,
        Turn,
        PhotoCredit,
        Mention,
    ):
        assert hasattr(model, "history"), model
    assert "players" in [f.name for f in Interview.history.model._history_m2m_fields]


# --- one save, one history row per changed record; the API records its user -----------


def test_one_admin_save_writes_one_history_row_per_changed_record(
    editor_client, career, loan, japan
):
    counts = {m: history_count(m) for m in (Player, Spell, PlayerName, SeasonStatistics, Cap)}
    page = editor_client.get(change_url(career))
    data = posted(page)
    data["place_of_birth"] = "Opava"
    data["nationalities"] = [*data.get("nationalities", []), str(japan.pk)]
    data[f"{inline_row(page, 'loan', loan)}-note"] = "with an option to buy"
    add_inline_rows(data, inline_prefix(page, "playername"), [{"name": "Jirka"}])
    assert editor_client.post(change_url(career), data).status_code == 302

    after = {m: history_count(m) for m in counts}
    assert after[Player] == counts[Player] + 1  # fields, nationalities and search text in one
    assert after[Spell] == counts[Spell] + 1  # the loan; the youth spell is unchanged
    assert after[PlayerName] == counts[PlayerName] + 1
    assert after[SeasonStatistics] == counts[SeasonStatistics]
    assert after[Cap] == counts[Cap]
    newest = career.history.latest("history_id")
    assert newest.place_of_birth == "Opava"
    assert sorted(r.country.code for r in newest.nationalities.all()) == ["DE", "JP"]
    assert "jirka" in Player.objects.get(pk=career.pk).search_text


def test_a_save_without_a_change_writes_no_history(editor_client, career):
    counts = {m: history_count(m) for m in (Player, Spell, SeasonStatistics, Cap, BiographySection)}
    save_in_admin(editor_client, career, {})
    assert {m: history_count(m) for m in counts} == counts


def test_an_imported_document_writes_one_history_row_per_record(db):
    from tests.importer.documents import run, seeds

    result = run(*seeds())
    assert not result.failed
    for model in (Player, Club, Interview, Spell, SeasonStatistics, BiographySection, Turn):
        manager = model.history
        ids = manager.values_list("id", flat=True)
        assert len(ids) == len(set(ids)), f"{model.__name__}: a record with two history rows"
    interview = Interview.objects.filter(players__isnull=False).first()
    assert interview is not None
    (row,) = interview.history.all()
    assert list(row.players.values_list("player_id", flat=True)) == list(
        interview.players.values_list("pk", flat=True)
    )


def test_an_api_edit_is_recorded_with_its_user(client, editor, player, japan):
    credentials = base64.b64encode(f"editor:{factories.EDITOR_PASSWORD}".encode()).decode()
    response = client.patch(
        f"/api/v1/players/{player.slug}/",
        {"place_of_birth": "Opava", "nationalities": ["DE", "JP"]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {credentials}",
    )
    assert response.status_code == 200, response.content
    rows = player.history.order_by("-history_id")
    newest = rows[0]
    assert newest.history_user == editor
    assert newest.place_of_birth == "Opava"
    assert rows.filter(history_user=editor).count() == 1  # the save and its nationalities


# --- partial dates in one field ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2023", datetime.date(2023, 1, 1), "year"),
        ("2023-07", datetime.date(2023, 7, 1), "month"),
        ("07/2023", datetime.date(2023, 7, 1), "month"),
        ("July 2023", datetime.date(2023, 7, 1), "month"),
        ("Juli 2023", datetime.date(2023, 7, 1), "month"),
        ("März 2024", datetime.date(2024, 3, 1), "month"),
        ("1.7.2023", datetime.date(2023, 7, 1), "day"),
        ("2023-07-01", datetime.date(2023, 7, 1), "day"),
        ("1. Juli 2023", datetime.date(2023, 7, 1), "day"),
        ("July 1, 2023", datetime.date(2023, 7, 1), "day"),
    ],
)
def test_a_partial_date_is_read_in_each_form(text, date, precision):
    parsed = parse_partial_date(text)
    assert (parsed.date, parsed.precision) == (date, precision)


def test_a_year_or_month_until_means_its_last_day():
    assert parse_partial_date("2024", last_day=True).date == datetime.date(2024, 12, 31)
    assert parse_partial_date("02/2024", last_day=True).date == datetime.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "“soon” is not a date: enter a year (2023), a month"),
        ("31.2.2023", "There is no such day: “31.2.2023”."),
        ("13/2023", "There is no month 13."),
        ("Brumaire 2023", "“Brumaire” is not a month."),
        ("0023", "Enter a year between 1850 and 2100."),
    ],
)
def test_the_admin_refuses_a_date_it_cannot_read_and_says_why(editor_client, player, text, message):
    data = form_data(editor_client.get(change_url(player)))
    data["date_of_birth"] = text
    response = editor_client.post(change_url(player), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["date_of_birth"])


def test_a_date_of_birth_entered_as_a_month_keeps_its_precision(editor_client, player):
    save_in_admin(editor_client, player, {"date_of_birth": "Mai 1992"})
    player.refresh_from_db()
    assert (player.date_of_birth, player.date_of_birth_precision) == (
        datetime.date(1992, 5, 1),
        DatePrecision.MONTH,
    )
    page = editor_client.get(change_url(player)).content.decode()
    assert 'name="date_of_birth" value="May 1992"' in page
    listing = editor_client.get(reverse("admin:players_player_changelist")).content.decode()
    assert '<td class="field-born">May 1992</td>' in listing


# --- ergonomics -------------------------------------------------------------------------


def test_biography_sections_are_ordered_by_dragging(editor_client, player):
    first = BiographySection.objects.create(player=player, order=1, heading="Early years")
    second = BiographySection.objects.create(player=player, order=2, heading="Werder")
    page = editor_client.get(change_url(player))
    content = page.content.decode()
    assert "adminsortable2/js/adminsortable2" in content
    assert 'class="_reorder_"' in content
    # What the drag does: the hidden order fields are renumbered, then the form is saved.
    save_in_admin(
        editor_client,
        player,
        {
            f"{inline_row(page, 'biographysection', first)}-order": "2",
            f"{inline_row(page, 'biographysection', second)}-order": "1",
        },
        page=page,
    )
    assert list(player.sections.values_list("heading", flat=True)) == ["Werder", "Early years"]


def test_interview_turns_are_sortable_too(editor_client, interview):
    content = editor_client.get(change_url(interview)).content.decode()
    assert "adminsortable2/js/adminsortable2" in content
    assert content.count('class="_reorder_"') >= 2


def test_the_player_list_filters_by_club_without_listing_every_club(
    editor_client, player, club, other_club
):
    Player.objects.create(full_name="Someone Else", current_club=other_club)
    url = reverse("admin:players_player_changelist")
    content = editor_client.get(url).content.decode()
    assert "admin-autocomplete" in content
    assert other_club.name not in content.split('id="changelist-filter"')[1].split("</details>")[3]
    filtered = editor_client.get(url, {"current_club__id__exact": club.pk})
    assert list(filtered.context["cl"].result_list) == [player]
    assert filtered.context["cl"].model_admin.show_full_result_count is False


def test_the_admin_speaks_german_to_a_german_editor(editor_client, career):
    page = editor_client.get(history_url(career), HTTP_ACCEPT_LANGUAGE="de")
    content = page.content.decode()
    assert '<html lang="de"' in content
    assert "Startseite" in content  # Django's own admin strings
    change = editor_client.get(change_url(career), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Geschichte" in change or "Verlauf" in change


def test_a_section_saved_unchanged_from_a_browser_stays_as_it_was(editor_client, player):
    text = "  - Appearances by club\n- Goals by season"
    section = BiographySection.objects.create(player=player, order=1, heading="Stats", text=text)
    rows = section.history.count()
    page = editor_client.get(change_url(player))
    prefix = inline_row(page, "biographysection", section)
    # A browser sends a textarea's line endings as \r\n.
    save_in_admin(editor_client, player, {f"{prefix}-text": text.replace("\n", "\r\n")}, page=page)
    section.refresh_from_db()
    assert section.text == text
    assert section.history.count() == rows


def test_every_changed_admin_page_opens(editor_client, career, interview, club):
    loan = career.spells.get(kind=Spell.Kind.LOAN)
    pages = [
        change_url(career),
        history_url(career),
        reverse("admin:players_player_add"),
        change_url(loan),
        reverse("admin:players_spell_add"),
        change_url(interview),
        history_url(interview),
        reverse("admin:interviews_interview_add"),
        change_url(club),
        history_url(club),
        reverse("admin:clubs_club_changelist"),
        reverse("admin:interviews_interview_changelist"),
    ]
    for url in pages:
        assert editor_client.get(url).status_code == 200, url


def test_the_history_page_reads_a_fixed_number_of_queries_however_many_inline_changes(
    editor_client, career, club, other_club
):
    def grow(n: int) -> None:
        for year in range(n):
            Spell.objects.create(
                player=career,
                club=other_club,
                owner_club=club,
                kind=Spell.Kind.LOAN,
                start=datetime.date(2000 + year, 7, 1),
                end=datetime.date(2001 + year, 6, 30),
            )

    grow(2)
    editor_client.get(history_url(career))
    few, _ = get_counting_queries(editor_client, history_url(career))
    grow(12)
    many, content = get_counting_queries(editor_client, history_url(career))
    assert content.count("Loan)") > 12
    assert len(many) == len(few)


def test_a_long_text_edit_shows_the_words_that_changed(editor_client, career):
    from players.models import BiographySection

    text = " ".join(f"word{n}" for n in range(60))
    section = BiographySection.objects.create(player=career, heading="Early life", text=text)
    section.text = text.replace("word30", "CHANGED")
    section.save()
    content = editor_client.get(history_url(career)).content.decode()
    assert "<del>word30</del> <ins>CHANGED</ins>" in content
    assert "word0 " not in content.split("<del>word30</del>")[0].rsplit("history-words", 1)[-1]
