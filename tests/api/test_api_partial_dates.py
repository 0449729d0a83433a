"""Partial dates in the API: a year-only date is the year, a month the year-month, each
with its precision; a date nobody knows has no precision either."""

import datetime
import re

import pytest

from players.models import Cap, Spell

DETAIL = "/api/v1/players/{}/"


def test_a_loan_given_as_years_is_the_years_not_1_january_and_31_december(api, career, club):
    loan = Spell.objects.get(player=career, kind="loan")
    loan.start, loan.start_precision = datetime.date(2023, 1, 1), "year"
    loan.end, loan.end_precision = datetime.date(2024, 12, 31), "year"
    loan.save()
    [data] = api.get(DETAIL.format(career.slug)).json()["loans"]
    assert (data["start"], data["start_precision"]) == ("2023", "year")
    assert (data["end"], data["end_precision"]) == ("2024", "year")


def test_a_month_is_the_year_and_month_and_a_day_the_whole_date(api, career):
    data = api.get(DETAIL.format(career.slug)).json()
    assert (data["date_of_birth"], data["date_of_birth_precision"]) == ("1992-04", "month")
    [match] = data["notable_matches"]
    assert (match["date"], match["date_precision"]) == ("2010-05", "month")
    [youth] = data["spells"]
    assert (youth["start"], youth["start_precision"]) == ("2008-07-01", "day")


def test_a_date_nobody_knows_has_no_precision(api, career):
    data = api.get(DETAIL.format(career.slug)).json()
    [youth] = data["spells"]
    assert youth["end"] is None
    assert youth["end_precision"] is None
    assert data["contract_until"] is None
    assert data["contract_until_precision"] is None
    [cap] = data["caps"]
    assert (cap["debut"], cap["debut_precision"]) == (None, None)


def test_the_list_gives_a_year_of_birth_as_the_year(api, career):
    career.date_of_birth, career.date_of_birth_precision = datetime.date(1992, 1, 1), "year"
    career.save()
    [row] = api.get("/api/v1/players/").json()["results"]
    assert (row["date_of_birth"], row["date_of_birth_precision"]) == ("1992", "year")


def test_a_year_only_debut_and_contract_end(api, career):
    Cap.objects.filter(player=career).update(
        debut=datetime.date(2010, 1, 1), debut_precision="year"
    )
    career.contract_until, career.contract_until_precision = datetime.date(2026, 12, 31), "year"
    career.save()
    data = api.get(DETAIL.format(career.slug)).json()
    assert (data["caps"][0]["debut"], data["caps"][0]["debut_precision"]) == ("2010", "year")
    assert (data["contract_until"], data["contract_until_precision"]) == ("2026", "year")


def test_the_clubs_loans_give_partial_dates_too(api, career, other_club):
    loan = Spell.objects.get(player=career, kind="loan")
    loan.end, loan.end_precision = datetime.date(datetime.date.today().year + 1, 12, 31), "year"
    loan.save()
    [row] = api.get(f"/api/v1/clubs/{other_club.slug}/").json()["loans_in"]
    assert row["end"] == str(loan.end.year)
    assert row["end_precision"] == "year"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["start"])
    assert row["start_precision"] == "day"


@pytest.mark.parametrize("name", ["date_of_birth", "start", "debut", "date", "contract_until"])
def test_the_schema_documents_a_partial_date(api, db, name):
    schema = api.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    owners = {
        "date_of_birth": "Player",
        "start": "Spell",
        "debut": "Cap",
        "date": "InternationalMatch",
        "contract_until": "PlayerProfile",
    }
    field = schema[owners[name]]["properties"][name]
    assert field["type"] == "string"
    assert field["nullable"] is True
    assert re.fullmatch(field["pattern"], "2023")
    assert re.fullmatch(field["pattern"], "2023-07")
    assert not re.fullmatch(field["pattern"], "July 2023")
    assert "precision" in field["description"]
    precision = schema[owners[name]]["properties"][f"{name}_precision"]
    assert precision.get("nullable") is True or "NullEnum" in str(precision)
