"""Real documents nobody wrote the parser for (tests/parsing/docs/real), and one synthetic
document per shape they brought in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from imports.parsing import parse_document
from imports.parsing.documents import BiographyDocument, InterviewDocument, ParseError

REAL = Path(__file__).parent / "docs" / "real"


def _bio(name: str) -> BiographyDocument:
    doc = parse_document((REAL / name).read_text(encoding="utf-8"), name)
    assert isinstance(doc, BiographyDocument)
    return doc


def _interview(text: str, name: str = "doc.txt") -> InterviewDocument:
    doc = parse_document(text, name)
    assert isinstance(doc, InterviewDocument)
    return doc


def _real_interview(name: str) -> InterviewDocument:
    return _interview((REAL / name).read_text(encoding="utf-8"), name)


# --- club totals named after the club -------------------------------------------------------

NAMED_TOTAL_TABLE = """= A Player =

==Career statistics==

| Club performance | League | Total | | | | |
| Season | Club | League | Apps | Goals | Apps | Goals |
| 2007–08 | Fulham | Premier League | 8 | 2 | 8 | 2 |
| 2008–09 | 21 | 4 | 24 | 4 | | |
| 2010 | Viking | Tippeligaen | 12 | 6 | 13 | 6 |
| Fulham Total | 29 | 6 | 32 | 6 | | |
| Career total | 41 | 12 | 45 | 12 | | |
"""


def test_a_total_row_named_after_a_club_sums_that_clubs_rows_wherever_it_stands():
    doc = parse_document(NAMED_TOTAL_TABLE, "bio.txt")
    assert isinstance(doc, BiographyDocument)
    assert doc.statistics is not None
    (total,) = doc.statistics.club_totals
    assert (total.club, total.scope, total.covers) == ("Fulham", "club_all", (7, 8))
    assert [r.club for r in doc.statistics.rows] == ["Fulham", "Fulham", "Viking"]


def test_a_total_row_naming_no_club_of_the_table_is_skipped_with_a_warning():
    text = NAMED_TOTAL_TABLE.replace("Fulham Total", "Chelsea Total")
    doc = parse_document(text, "bio.txt")
    assert isinstance(doc, BiographyDocument)
    assert doc.statistics is not None
    assert doc.statistics.club_totals == ()
    assert any("Chelsea" in w.message for w in doc.warnings)


def test_nevland_country_separators_and_a_club_total_after_other_clubs():
    doc = _bio("erik-nevland.txt")
    assert doc.statistics is not None
    rows = doc.statistics.rows
    assert len(rows) == 21
    assert [r.country for r in rows[:5]] == ["Norway", "Norway", "England", "Norway", "Sweden"]
    assert rows[0].stats["cup"].unknown  # an empty cell is unknown, never 0
    (fulham,) = doc.statistics.club_totals
    assert fulham.club == "Fulham"
    assert len(fulham.covers) == 3
    assert doc.infobox.current_club is None


def test_gall_loans_then_a_permanent_row_at_the_same_club():
    doc = _bio("kevin-gall.txt")
    assert doc.statistics is not None
    darlington = [
        (r.season.label, r.is_loan) for r in doc.statistics.rows if r.club == "Darlington"
    ]
    assert darlington == [("2008–09", True), ("2009–10", False)]


def test_rahimic_footnoted_headers_and_wrong_row_totals():
    doc = _bio("elvir-rahimic.txt")
    assert doc.statistics is not None
    assert [g.category for g in doc.statistics.groups] == [
        "league", "cup", "continental", "other", "total",
    ]  # fmt: skip
    assert any(w.line == 31 and "26" in w.message for w in doc.warnings)


# --- youth starts -------------------------------------------------------------------------


YOUTH = """= A Player =

- Position: Defender

 is an Italian footballer.

==Club career==
He started at a local football school and at {club}, then joined the Atalanta youth system.

==Career statistics==

| Club | Season | League | | Total | |
| Apps | Goals | Apps | Goals | | |
| Atalanta | 2004–05 | 19 | 0 | 19 | 0 |
"""


def test_a_second_place_of_a_youth_start_is_a_youth_club():
    doc = parse_document(YOUTH.format(club="Usmate"), "bio.txt")
    assert isinstance(doc, BiographyDocument)
    assert [y.club for y in doc.youth_spells] == ["Usmate", "Atalanta"]


def test_a_place_word_in_a_youth_start_is_not_a_club():
    doc = parse_document(YOUTH.format(club="Round Tree Park"), "bio.txt")
    assert isinstance(doc, BiographyDocument)
    assert [y.club for y in doc.youth_spells] == ["Atalanta"]


# --- interview labels -----------------------------------------------------------------------


def test_a_domain_label_asks_even_when_its_question_is_a_statement():
    doc = _real_interview("abseits-michael-wimmer-2023.txt")
    assert (doc.outlet, doc.interviewee) == ("abseits.at", "Michael Wimmer")
    assert [t.kind for t in doc.turns] == ["question", "answer"]


def test_a_one_question_interview_with_labels_used_once():
    text = (
        "Muster exklusiv\n\nMax Muster exklusiv: Die Liga ist zurück\n\n"
        "Im Interview spricht Max Muster über die Liga.\n\n"
        "ran: Max Muster, was erwarten Sie von der Rückrunde?\n\n"
        "Max Muster: Ich freue mich, dass es endlich wieder losgeht.\n"
    )
    doc = _interview(text)
    assert doc.title == "Max Muster exklusiv: Die Liga ist zurück"  # the kicker is not the title
    assert (doc.outlet, doc.interviewee) == ("ran", "Max Muster")
    assert [t.kind for t in doc.turns] == ["question", "answer"]


def test_a_second_player_named_once_answers_in_his_own_turn():
    doc = _real_interview("laola1-djuricin-kerschbaumer.txt")
    assert doc.speakers == ("Konstantin Kerschbaumer", "Marco Djuricin")
    assert [t.speaker for t in doc.answers] == [
        "Konstantin Kerschbaumer", "Marco Djuricin", "Konstantin Kerschbaumer",
    ]  # fmt: skip


def test_qu_labels_questions_and_is_never_the_outlet():
    doc = _real_interview("ciderspace-kevin-gall-2005.txt")
    assert doc.outlet is None
    assert [t.kind for t in doc.turns] == ["answer", "question", "answer", "question", "answer"]
    assert {t.speaker for t in doc.answers} == {"Kevin Gall"}


def test_ran_navigation_and_kicker_are_not_the_title():
    doc = _real_interview("ran-markus-babbel-2023.txt")
    assert doc.title is not None
    assert doc.title.startswith("Bundesliga-Restart")
    assert doc.authors == ("Dominik Hechler",)


@pytest.mark.parametrize(
    ("name", "junk"),
    [
        ("pmnews-michael-johnson-2011.txt", "Related News"),
        ("toffeetalk-andrew-johnson-442.txt", "Reply to this topic"),
    ],
)
def test_page_and_forum_widgets_are_furniture(name, junk):
    doc = _real_interview(name)
    assert all(junk not in t.text for t in doc.turns)
    assert doc.unanswered_question is None
    assert doc.title not in {"Jump to content"}


def test_a_widget_word_inside_a_sentence_stays():
    text = (
        "Title of the talk\n\nQ: Did you read more about the club?\n\n"
        "A: Read more, I was told. So I did.\n\nQ: And then?\n\nA: Then I signed.\n"
    )
    doc = _interview(text)
    assert doc.answers[0].text.startswith("Read more, I was told.")


def test_every_real_document_parses():
    for path in sorted(REAL.glob("*.txt")):
        try:
            parse_document(path.read_text(encoding="utf-8"), path.name)
        except ParseError as error:  # pragma: no cover - the message is the failure
            pytest.fail(str(error))


# --- a club joined at an age under 18 ----------------------------------------------------------

AGE = """= B Player =

- Position: Defender

 is a Russian footballer.

==Club career==
{sentence}

==Career statistics==

| Club | Season | League | | Total | |
| Apps | Goals | Apps | Goals | | |
| Lokomotiv Moscow | 2012–13 | 8 | 0 | 8 | 0 |
| Torpedo Moscow | 2013–14 | 9 | 0 | 9 | 0 |
"""


def youth_and_moves(sentence: str) -> tuple[list[str], list[str]]:
    doc = parse_document(AGE.format(sentence=sentence), "bio.txt")
    assert isinstance(doc, BiographyDocument)
    return [y.club for y in doc.youth_spells], [t.club for t in doc.transfers]


def test_a_club_joined_at_fourteen_is_a_youth_club():
    youth, moves = youth_and_moves("At 14 he joined Torpedo Moscow, for whose reserves he played.")
    assert youth == ["Torpedo Moscow"]
    assert "Torpedo Moscow" not in moves


def test_a_first_team_debut_at_seventeen_is_no_youth_spell():
    youth, _moves = youth_and_moves(
        "At 17 he joined Torpedo Moscow and made his first-team debut in 2013."
    )
    assert youth == []


def test_a_date_is_not_an_age():
    youth, _moves = youth_and_moves("On 15 July 2013 he joined Torpedo Moscow at 15 July prices.")
    assert youth == []


# --- a dateline near the head, on its own line or opening a heading ------------------------

BULLETED_DATELINE = """Sportnachrichten

Trainer exklusiv: "Wir wollen oben angreifen"

  • Aktualisiert: 03.02.2024
  • 09:45 Uhr
  • sport.example / Anna Berg

ran: Herr Trainer, wie lief die Vorbereitung auf die Rückrunde?

Trainer: "Gut. Wir haben viel gearbeitet und sind bereit für das erste Spiel am Samstag."

ran: Und das Ziel?

Trainer: "Oben angreifen, das ist klar."
"""


def test_a_bulleted_dateline_and_the_time_under_it_are_one_berlin_time():
    doc = _interview(BULLETED_DATELINE)
    assert doc.published == dt.datetime(2024, 2, 3, 9, 45, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_bulleted_dateline_without_a_time_line_is_a_date():
    doc = _interview(BULLETED_DATELINE.replace("  • 09:45 Uhr\n", ""))
    assert doc.published == dt.date(2024, 2, 3)


def test_a_published_label_after_a_bullet_is_read():
    doc = _interview(
        BULLETED_DATELINE.replace("Aktualisiert: 03.02.2024", "Veröffentlicht: 03.02.2024")
    )
    assert doc.published is not None
    assert doc.published.isoformat().startswith("2024-02-03T09:45")


DATE_HEADING = """Club News Page : Interview With Sam Striker
3 March 2006 : Interview With Sam Striker
Sam Striker is happy on the wing, though it is not the position he was signed to play:

SS: It's really good to play out there because I can still run at people.

Qu: Are you as quick as ever?

SS: Yes. I did some sprinting work a few years ago.
"""


def test_a_date_opening_a_heading_line_is_the_publication_date():
    doc = _interview(DATE_HEADING)
    assert doc.published == dt.date(2006, 3, 3)
    assert doc.title == "Club News Page : Interview With Sam Striker"


def test_a_date_opening_an_answer_is_not_the_publication_date():
    text = DATE_HEADING.replace("3 March 2006 : Interview With Sam Striker\n", "").replace(
        "SS: Yes. I did", "SS: 12 May 2005 : that was the day I did"
    )
    doc = _interview(text)
    assert doc.published is None


def test_a_bulleted_date_after_the_first_question_is_not_the_publication_date():
    text = DATE_HEADING.replace("3 March 2006 : Interview With Sam Striker\n", "").replace(
        "Qu: Are you as quick as ever?\n", "Qu: Are you as quick as ever?\n\n• 12.05.2005\n"
    )
    doc = _interview(text)
    assert doc.published is None
