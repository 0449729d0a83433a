"""A date known only to the year or month is shown so in the admin's lists."""

import datetime

from django.urls import reverse

from players.models import Spell


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
