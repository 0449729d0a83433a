"""The clubs, seasons, countries… one run shares between its documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clubs.models import Club
from imports.importer import Upload
from imports.importer import biography as biography_mapping
from imports.importer.records import Invalid
from players.models import Player, SeasonStatistics

from .documents import run


def biography(name: str, *rows: str) -> Upload:
    """A short biography; rows are career table lines: '| Club | 2021–22 | Division |'."""
    table = "\n".join(f"{row} 10 | 1 | — | — | — | — | — | — | 10 | 1 |" for row in rows)
    text = f"""= {name} =

{name}
- Date of birth: 3 March 2001
- Position: Forward

==Career statistics==

| Club | Season | League | Cup | Europe | Other | Total | | | | |
| Division | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals |
{table}
"""
    return Upload(file_name=f"{name.lower().replace(' ', '_')}.txt", data=text.encode())


@pytest.fixture
def fails_for(monkeypatch):
    """Make the biographies of the players named fail after their clubs were written."""
    names: set[str] = set()
    original = biography_mapping.BiographyImport.caps

    def caps(self, player):
        if self.doc.full_name in names:
            raise Invalid("caps are broken", 1)
        return original(self, player)

    monkeypatch.setattr(biography_mapping.BiographyImport, "caps", caps)
    return names


@pytest.mark.django_db(transaction=True)  # the run commits, as a real one does
def test_a_club_a_failed_document_created_is_created_again_by_the_next(fails_for):
    fails_for.add("Anton Erste")
    result = run(
        biography("Anton Erste", "| FC Nirgendwo | 2021–22 | Kreisliga |"),
        biography("Bruno Zweite", "| FC Nirgendwo | 2021–22 | Kreisliga |"),
    )
    assert [d.status for d in result.documents] == ["failed", "new"]
    club = Club.objects.get(name="FC Nirgendwo")
    row = SeasonStatistics.objects.get(player__full_name="Bruno Zweite")
    assert (row.club_id, row.division.name, row.season.label) == (club.pk, "Kreisliga", "2021–22")


@pytest.mark.django_db(transaction=True)
def test_a_change_a_failed_document_made_to_a_shared_club_is_not_assumed(fails_for):
    run(
        biography(
            "Carl Dritte",
            "| SV Irgendwo II | 2020–21 | Kreisliga |",
            "| SV Irgendwo II | 2021–22 | Kreisliga |",
        )
    )
    assert Club.objects.get(name="SV Irgendwo II").parent is None  # no such first team yet
    fails_for.add("Dieter Vierte")
    result = run(
        biography("Emil Fuenfte", "| SV Irgendwo | 2020–21 | Bezirksliga |"),
        # Sets the reserve side's parent, then fails: the change is rolled back.
        biography(
            "Dieter Vierte",
            "| SV Irgendwo | 2020–21 | Bezirksliga |",
            "| SV Irgendwo II | 2021–22 | Kreisliga |",
        ),
        biography("Fritz Sechste", "| SV Irgendwo II | 2021–22 | Kreisliga |"),
    )
    assert [d.status for d in result.documents] == ["new", "failed", "new"]
    reserves = Club.objects.get(name="SV Irgendwo II")
    assert reserves.parent == Club.objects.get(name="SV Irgendwo")
    assert not Player.objects.filter(full_name="Dieter Vierte").exists()


@pytest.mark.django_db
def test_later_documents_of_a_run_do_not_look_the_shared_records_up_again():
    rows = ("| SV Irgendwo | 2020–21 | Bezirksliga |", "| SV Irgendwo | 2021–22 | Bezirksliga |")
    run(biography("Gustav Sieben", *rows))  # creates the club, the division, the seasons
    with CaptureQueriesContext(connection) as one:
        run(biography("Hans Acht", *rows))
    with CaptureQueriesContext(connection) as two:
        run(biography("Ingo Neun", *rows), biography("Jan Zehn", *rows))
    shared = ('FROM "clubs_club"', 'FROM "clubs_season"', 'FROM "clubs_competition"')

    def lookups(queries) -> int:
        return sum(any(table in q["sql"] for table in shared) for q in queries)

    # The first document of a run looks them up; the second reuses them.
    assert lookups(two.captured_queries) == lookups(one.captured_queries) > 0
