"""What a reader sees on a player page, and what it costs to render."""

import json
import re

import pytest

from clubs.models import Club, Competition
from interviews.models import Interview, Turn
from players.models import BiographySection, Player, SeasonStatistics
from players.stats import career_table
from tests.factories import season
from tests.helpers import get_counting_queries, html


def json_ld(content: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return json.loads(match.group(1))


def test_the_profile_shows_names_position_club_and_birth(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    assert '<h1 id="player-name">Mio Backhaus</h1>' in content
    assert "Mio Nagata" in content
    assert "Goalkeeper" in content
    assert 'href="/clubs/werder-bremen/">Werder Bremen</a>' in content
    assert "2004" in content
    assert "Mönchengladbach" in content
    assert "Germany" in content
    assert "Club career" in content
    assert "Personal life" in content


def test_the_career_total_on_the_profile_is_the_sum_of_the_seasons(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    expected = career_table(backhaus.season_statistics.all()).total.apps
    assert expected == 71
    assert f'data-testid="career-total-apps">{expected}</td>' in content
    assert "71 appearances" in content


def test_the_statistics_table_spans_a_club_over_its_seasons(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    # four Werder seasons and their total row under one club cell
    assert re.search(
        r'<th scope="rowgroup" rowspan="5" class="club-cell">\s*<a[^>]*>Werder Bremen<', content
    )
    assert re.search(r'rowspan="3" class="club-cell"><a[^>]*>Werder Bremen II<', content)
    assert '<th scope="col" rowspan="2">Club</th>' in content
    assert '<td class="num">—</td>' in content  # did not take part
    assert '<td class="num">0</td>' in content  # took part, no apps


def test_a_loan_season_is_marked_with_the_owning_club(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    block = content[content.index(">FC Volendam<") :][:600]
    assert "loan" in block
    assert "from Werder Bremen" in block
    assert "2023–24" in block


def test_club_history_international_career_and_interviews(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    history = content[content.index('id="clubs"') :]
    assert "Alemannia Aachen" in history
    assert "July 2023 – June 2024" in history
    assert "Germany U19" in content
    assert "Japan U15" in content
    assert "Czechia U20" in content
    assert "1–0" in content
    # the pull quote is the first sentence of the first answer, without its quote marks
    quote = "I was born in Mönchengladbach, but our parents moved to Japan."
    assert f'<blockquote class="pull-quote"><p>{quote}</p>' in content
    assert '<li lang="de">' in content


def test_the_timeline_is_an_accessible_svg(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    svg = content[content.index("<svg") : content.index("</svg>")]
    assert 'role="img"' in svg
    assert '<title id="timeline-svg-title">Career timeline of Mio Backhaus</title>' in svg
    assert "FC Volendam (loan): loan 2023–2024" in svg
    assert "tl-loan" in svg
    assert "tl-youth" in svg
    assert "tl-senior" in svg
    assert "2023–24: 34" in svg  # appearances per season in the description


def test_each_part_names_its_source_document(client, backhaus):
    # Issue 11 overrules the file name: readers see the document's kind, language and date.
    content = html(client.get("/players/mio-backhaus/"))
    label = '<span class="source">Biography, imported '
    assert content.count(label) == 2  # profile, statistics
    assert "000_2593bb3e1f49e045.txt" not in content


def test_meta_tags_and_json_ld(client, backhaus, settings):
    content = html(client.get("/players/mio-backhaus/"))
    assert '<link rel="canonical" href="http://127.0.0.1:8000/players/mio-backhaus/">' in content
    assert (
        '<link rel="alternate" hreflang="de" href="http://127.0.0.1:8000/de/players/mio-backhaus/">'
        in content
    )
    assert '<meta property="og:title" content="Mio Backhaus">' in content
    assert '<meta name="description" content="Mio Backhaus: Goalkeeper · Werder Bremen' in content
    data = json_ld(content)
    assert data["@type"] == "Person"
    assert data["alternateName"] == ["Mio Nagata"]
    assert data["memberOf"]["@type"] == "SportsTeam"
    assert data["memberOf"]["name"] == "Werder Bremen"
    assert data["birthDate"] == "2004"


def test_a_biography_with_a_script_renders_harmless(client, backhaus):
    BiographySection.objects.create(
        player=backhaus, order=9, heading="<b>Bold</b>", text="<script>alert('x')</script>"
    )
    backhaus.known_as = "Mio </script><script>alert(1)</script>"
    backhaus.save()
    content = html(client.get("/players/mio-backhaus/"))
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    assert "&lt;b&gt;Bold&lt;/b&gt;" in content
    # JSON-LD keeps the name as data, and "</script>" cannot close the element early
    assert json_ld(content)["name"] == "Mio </script><script>alert(1)</script>"
    assert "\\u003C/script\\u003E" in content


def test_unknown_and_draft_players_are_not_found(client, backhaus):
    assert client.get("/players/nobody/").status_code == 404
    backhaus.status = "draft"
    backhaus.save()
    assert client.get("/players/mio-backhaus/").status_code == 404
    assert "Mio Backhaus" not in client.get("/players/").content.decode()


def test_staff_see_an_edit_in_admin_link_and_the_public_does_not(client, staff_client, backhaus):
    link = f'href="/admin/players/player/{backhaus.pk}/change/"'
    assert link in html(staff_client.get("/players/mio-backhaus/"))
    assert link not in html(client.get("/players/mio-backhaus/"))


def test_a_repeat_request_gets_304_until_the_player_changes(client, backhaus):
    first = client.get("/players/mio-backhaus/")
    assert first.has_header("ETag")
    again = client.get("/players/mio-backhaus/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    backhaus.position = "defender"
    backhaus.save()
    changed = client.get("/players/mio-backhaus/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Defender" in changed.content.decode()


def test_german_gets_its_own_etag(client, backhaus):
    english = client.get("/players/mio-backhaus/")
    german = client.get("/de/players/mio-backhaus/", HTTP_IF_NONE_MATCH=english["ETag"])
    assert german.status_code == 200


def _grow(player: Player, seasons: int, interviews: int) -> None:
    club = Club.objects.create(name=f"Grown FC {Club.objects.count()}")
    division = Competition.objects.create(name=f"Grown League {Competition.objects.count()}")
    for year in range(1990, 1990 + seasons):
        SeasonStatistics.objects.create(
            player=player,
            club=club,
            season=season(str(year)),
            division=division,
            league_apps=year % 30,
        )
        player.spells.create(club=club, kind="loan", owner_club=player.current_club)
    for n in range(interviews):
        interview = Interview.objects.create(
            title=f"Grown interview {n} {Interview.objects.count()}"
        )
        interview.players.add(player)
        Turn.objects.create(interview=interview, kind="answer", text="Yes. Of course.")
        BiographySection.objects.create(player=player, heading=f"Part {n}", text="More.")


@pytest.mark.parametrize("as_staff", [False, True])
def test_the_page_renders_in_a_constant_number_of_queries(client, staff_client, backhaus, as_staff):
    browser = staff_client if as_staff else client
    url = "/players/mio-backhaus/"
    browser.get(url)  # warm caches (content types)
    small, _ = get_counting_queries(browser, url)
    _grow(backhaus, seasons=25, interviews=10)
    large, content = get_counting_queries(browser, url)
    assert backhaus.season_statistics.count() == 32
    assert "Grown interview 9" in content
    assert len(large) == len(small), [q["sql"] for q in large]
    # One prepared query per kind of record and per kind of record they name (clubs,
    # seasons, divisions, teams, countries, outlets): two more than select_related and
    # prefetch_related took, each built once per process (core.prepared), the reads
    # together a third of their time. The signed-in editor's two are the session and user.
    assert len(small) <= (18 if as_staff else 16)


def test_the_sources_text_table_is_replaced_by_the_structured_one(client, backhaus):
    BiographySection.objects.create(
        player=backhaus, order=5, heading="Career statistics", text="| Club | Season |"
    )
    content = html(client.get("/players/mio-backhaus/"))
    assert "| Club | Season |" not in content
