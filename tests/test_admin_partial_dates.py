"""A date known only to the year or month is entered in one field and shown so in the
admin's forms and lists."""

import datetime

from django.urls import reverse

from players.models import Spell
from tests.helpers import form_data


def test_a_loan_until_a_year_is_listed_as_that_year(admin_client, player, club, other_club):
    Spell.objects.create(
        player=player,
        club=other_club,
        owner_club=club,
        kind=Spell.Kind.LOAN,
        start=datetime.date(2023, 7, 1),
        start_precision="month",
        end=datetime.date(2024, 12, 31),
        end_precision="year",
    )
    page = admin_client.get(reverse("admin:players_spell_changelist"))
    assert page.status_code == 200
    content = page.content.decode()
    assert '<td class="field-start_shown">July 2023</td>' in content
    assert '<td class="field-end_shown">2024</td>' in content
    assert "Dec. 31, 2024" not in content


def test_an_editor_enters_a_loan_as_months_and_years_in_one_field(
    editor_client, player, club, other_club
):
    spell = Spell.objects.create(
        player=player, club=other_club, owner_club=club, kind=Spell.Kind.LOAN
    )
    url = reverse("admin:players_spell_change", args=[spell.pk])
    page = editor_client.get(url)
    assert "start_precision" not in page.context["adminform"].form.fields  # one field each
    data = form_data(page)
    data.update({"start": "Juli 2023", "end": "2024"})
    assert editor_client.post(url, data).status_code == 302
    spell.refresh_from_db()
    assert (spell.start, spell.start_precision) == (datetime.date(2023, 7, 1), "month")
    assert (spell.end, spell.end_precision) == (datetime.date(2024, 12, 31), "year")
    shown = editor_client.get(url).content.decode()
    assert 'name="start" value="July 2023"' in shown
    assert 'name="end" value="2024"' in shown
