"""Career totals per competition on the profile, honest about unknown seasons, and a
career table that sorts in the browser without losing its club groups."""

import re

import pytest

from players.models import COMPETITION_COLUMNS, SeasonStatistics
from players.stats import career_table
from tests.helpers import html

URL = "/players/mio-backhaus/"


def total_cell(content: str, column: str) -> str:
    """The apps cell of a competition's row in the 'Career totals by competition' table."""
    cell = rf'<td class="[^"]*" data-testid="competition-total-{column}"[^>]*>(.*?)</td>'
    match = re.search(cell, content, re.S)
    assert match, column
    return match.group(1).strip()


def sum_of(player, name: str) -> int:
    return sum(getattr(row, name) or 0 for row in player.season_statistics.all())


def test_each_competition_has_a_career_total_that_is_the_sum_of_its_seasons(client, backhaus):
    content = html(client.get(URL))
    assert "Career totals by competition" in content
    assert total_cell(content, "league") == str(sum_of(backhaus, "league_apps"))
    assert total_cell(content, "cup") == str(sum_of(backhaus, "cup_apps"))
    everything = sum(sum_of(backhaus, f"{column}_apps") for column in COMPETITION_COLUMNS)
    assert total_cell(content, "total") == str(everything)
    assert "≥" not in content[content.index("Career totals by competition") :]


def test_a_season_with_unknown_league_apps_makes_the_total_a_lower_bound(client, backhaus):
    row = SeasonStatistics.objects.filter(player=backhaus, league_apps__gt=0).first()
    row.league_apps, row.league_goals, row.unknown = None, None, ["league"]
    row.save()
    known = sum_of(backhaus, "league_apps")
    content = html(client.get(URL))
    league = total_cell(content, "league")
    assert re.fullmatch(rf'<abbr title="at least[^"]*">≥</abbr> {known}', league)
    assert total_cell(content, "total").startswith("<abbr")  # all competitions: at least too
    assert not total_cell(content, "cup").startswith("<abbr")  # the cup total stays exact
    assert "a season whose value the source does not give" in content


def test_a_competition_nobody_knows_is_blank_and_one_never_played_is_a_dash(client, backhaus):
    def set_cups(unknown: list[str]) -> None:
        for row in SeasonStatistics.objects.filter(player=backhaus):
            row.cup_apps, row.cup_goals, row.unknown = None, None, unknown
            row.save()

    set_cups(["cup"])
    assert total_cell(html(client.get(URL)), "cup") == ""
    set_cups([])
    assert total_cell(html(client.get(URL)), "cup") == "—"


def test_the_totals_table_is_in_german_on_german_pages(client, backhaus):
    content = html(client.get("/de" + URL))
    assert 'data-testid="competition-total-league"' in content
    block = content[content.index('class="data competition-totals"') :][:1500]
    assert "Liga" in block or "Meisterschaft" in block


def test_the_table_can_be_sorted_by_a_deferred_script_and_reads_without_it(client, backhaus):
    content = html(client.get(URL))
    script = re.search(r'<script src="([^"]*career-table[^"]*\.js)" defer></script>', content)
    assert script, "the sort script is loaded with defer"
    assert "<script>" not in content  # nothing inline: the CSP allows no inline script
    table = content[content.index('<table class="data stats"') :]
    assert 'data-sortable="club season"' in table[:100]
    heads = re.findall(r'<th scope="col" class="num" data-sort="number">', table)
    clubs = len(career_table(backhaus.season_statistics.all()).blocks)
    assert len(heads) == 2 * len(career_table(backhaus.season_statistics.all()).columns) + 2
    assert content.count('<tbody class="club-block') == clubs
    # Without the script, the headers are plain text: no button that does nothing.
    assert "<button" not in table[: table.index("</thead>")]


@pytest.mark.parametrize("path", ["/static/js/career-table.js"])
def test_the_sort_script_is_served(client, path, backhaus):
    content = html(client.get(URL))
    src = re.search(r'<script src="([^"]*career-table[^"]*\.js)"', content).group(1)
    response = client.get(src)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"aria-sort" in body
    assert src.startswith(path.rsplit("/", 1)[0])
