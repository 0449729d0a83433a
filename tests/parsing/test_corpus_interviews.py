"""The corpus interviews read as a careful editor would record them; articles are refused.

The expected facts come from ``tests/corpus/*.expected.json``; the synthetic interviews
below cover each speaker-label shape once, in a few lines.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from imports.parsing import parse_document
from imports.parsing.documents import InterviewDocument, ParseError

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _expected(key):
    for path in sorted(CORPUS.glob("*.txt.expected.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")).get(key, []):
            yield pytest.param(entry, id=entry["file"])


def _parse(name):
    return parse_document((CORPUS / name).read_text(encoding="utf-8"), name)


def _everything(doc: InterviewDocument) -> str:
    return "\n".join(
        [doc.title or "", doc.standfirst or "", *doc.intro, *(t.text for t in doc.turns)]
    )


@pytest.mark.parametrize("expected", list(_expected("interviews")))
def test_a_corpus_interview_reads_as_the_editor_recorded_it(expected):
    doc = _parse(expected["file"])
    assert doc.language == expected["language"]
    assert doc.title == expected["title"]
    assert doc.outlet == expected["outlet"]
    assert doc.author == expected["author"]
    assert list(doc.authors) == expected.get(
        "authors", [expected["author"]] if expected["author"] else []
    )
    if expected["date"] is None:
        assert doc.published is None
    else:
        assert doc.published == dt.datetime.fromisoformat(expected["date"])
    assert len(doc.questions) == expected["questions"]
    assert len(doc.answers) == expected["answers"]
    assert doc.questions[0].text.startswith(expected["first_question"])
    assert doc.answers[0].text.startswith(expected["first_answer"])
    assert [c.credit for c in doc.photo_credits if c.credit] == expected["photo_credits"]
    everything = _everything(doc)
    for junk in expected["junk_absent"]:
        assert junk not in everything
    if "last_question_unanswered" in expected:
        assert doc.unanswered_question is not None
        assert doc.unanswered_question.text == expected["last_question_unanswered"]
    else:
        assert doc.unanswered_question is None
    assert set(expected["subject_players"]) == set(doc.speakers)


def test_each_twin_answers_for_himself():
    doc = _parse("degen-twins-kicker.txt")
    expected = json.loads((CORPUS / "degen-twins-kicker.txt.expected.json").read_text())[
        "interviews"
    ][0]
    by_question: list[list[str]] = []
    for turn in doc.turns:
        if turn.kind == "question":
            by_question.append([])
        elif turn.kind == "answer":
            by_question[-1].append(turn.speaker)
    assert by_question == [entry["speakers"] for entry in expected["turns"]]
    assert all(q.speaker == "Kicker" for q in doc.questions)


def test_quoted_answers_lose_their_quotes_not_their_text():
    doc = _parse("sam-allardyce-wfi.txt")
    first = doc.answers[0]
    assert first.text.count("\n\n") == 4  # five paragraphs, one turn
    assert "“" not in first.text
    assert "”" not in first.text
    assert first.text.endswith("by being at the club for 8 years.")
    assert doc.answers[0].speaker == "Sam Allardyce"


def test_the_caption_credit_and_alt_text_are_not_text():
    doc = _parse("diego-werder-de-2024.txt")
    [credit] = doc.photo_credits
    assert (credit.caption, credit.credit) == (
        "Diego erlebt eine emotionale Rückkehr nach Bremen",
        "W.DE",
    )
    assert "verschränkten Armen" not in _everything(doc)
    assert doc.questions[2].text.startswith("Jetzt gerade muss es dir vorkommen")  # colons inside


@pytest.mark.parametrize("expected", list(_expected("articles")))
def test_a_feature_article_with_quotes_is_not_an_interview(expected):
    with pytest.raises(ParseError) as error:
        _parse(expected["file"])
    assert error.value.file_name == expected["file"]
    assert str(error.value) == (
        f"{expected['file']}: an article, not an interview: no question/answer turns"
    )


# --- synthetic interviews, one per label shape --------------------------------------------

STANDFIRST = (
    "Der Verteidiger spricht über seinen Wechsel, die Mannschaft und die neue Saison im Verein."
)


def _read(text: str) -> InterviewDocument:
    doc = parse_document(text, "synthetic.txt")
    assert isinstance(doc, InterviewDocument)
    return doc


def _shape(doc):
    return [(t.kind, t.speaker) for t in doc.turns]


def test_q_and_a_labels():
    doc = _read(
        "Ein Gespräch über Geduld\n\nTomas Berg über seinen Weg nach Bremen und den ersten "
        "Einsatz im Pokal gegen den Meister.\n\nQ: Wie war die erste Woche?\n\n"
        "A: Anstrengend, aber schön.\n\n"
        "Q: Und das Training?\n\nA: Sehr intensiv.\n"
    )
    assert [t.kind for t in doc.turns] == ["question", "answer"] * 2
    assert doc.answers[1].text == "Sehr intensiv."


def test_frage_antwort_labels():
    doc = _read(
        f"Neu in Rostock\n\n{STANDFIRST}\n\nFrage: Warum Rostock?\n\n"
        "Antwort: Weil ich spielen will.\n\nFrage: Was ist Ihr Ziel?\n\n"
        "Antwort: Der Klassenerhalt.\n"
    )
    assert [t.kind for t in doc.turns] == ["question", "answer"] * 2
    assert doc.questions[0].prefix == "Frage"


def test_outlet_label_and_full_name_then_surname():
    doc = _read(
        f"Berg im Interview\n\n{STANDFIRST}\n\nkicker: Herr Berg, wie geht es Ihnen?\n\n"
        "Tomas Berg: Gut, danke.\n\nkicker: Und der Knöchel?\n\nBerg: Hält.\n"
    )
    assert doc.outlet == "kicker"
    assert _shape(doc) == [("question", "kicker"), ("answer", "Tomas Berg")] * 2


def test_initials_introduced_in_the_standfirst():
    doc = _read(
        "Q&A: Tomas Berg\n\nOur reporter Lena Fox sat down with defender Tomas Berg after training "
        "on Monday to talk about the season ahead.\n\nLF: How was training?\n\nTB: Hard work.\n\n"
        "LF: And the new coach?\n\nTB: He is demanding.\n"
    )
    assert _shape(doc) == [("question", "Lena Fox"), ("answer", "Tomas Berg")] * 2
    assert doc.author == "Lena Fox"
    assert doc.title == "Q&A: Tomas Berg"


def test_initials_never_introduced():
    doc = _read(
        "What next for Tomas Berg?\n\nTomas Berg had a season to remember and we spoke about "
        "what comes next for him and the club.\n\nXY: Congratulations on the award.\n\n"
        "TB: Thank you.\n\n"
        "XY: What comes next?\n\nTB: More of the same.\n"
    )
    assert [t.speaker for t in doc.questions] == ["XY", "XY"]
    assert doc.speakers == ("Tomas Berg",)


def test_label_alone_on_its_line_and_only_on_the_first_question():
    doc = _read(
        f"Abschied aus Bremen\n\n{STANDFIRST}\n\nDie Zeitung:\n\n"
        "Wie fühlt sich der Abschied an?\n\n"
        "Berg:\n\nEs ist schwer.\n\nWas bleibt?\n\nBerg:\n\nDie Erinnerungen.\n"
    )
    assert _shape(doc) == [
        ("question", "Die Zeitung"), ("answer", "Berg"), ("question", None), ("answer", "Berg"),
    ]  # fmt: skip
    assert doc.outlet == "Die Zeitung"


def test_a_misspelt_surname_is_the_same_speaker():
    doc = _read(
        f"Neu in Rostock\n\n{STANDFIRST}\n\nWarum Rostock?\n\nSvärd: Ich will spielen.\n\n"
        "Und die Liga?\n\nSvard: Schwer.\n\nDas Ziel?\n\nSvärd: Klassenerhalt.\n"
    )
    assert {a.speaker for a in doc.answers} == {"Svärd"}
    assert len(doc.questions) == 3


def test_first_names_tell_two_brothers_apart():
    doc = _read(
        f"Zwei Brüder\n\n{STANDFIRST}\n\nkicker: Wer ist besser?\n\n"
        "Jan Kolb: Ich.\n\nTim Kolb: Ich.\n\n"
        "kicker: Jan, warum?\n\nJan: Weil ich älter bin.\n\nkicker: Tim?\n\nTim: Stimmt nicht.\n"
    )
    assert [a.speaker for a in doc.answers] == ["Jan Kolb", "Tim Kolb", "Jan Kolb", "Tim Kolb"]


def test_colons_inside_a_question_are_not_labels():
    doc = _read(
        f"Heimkehr\n\n{STANDFIRST}\n\nkicker: Eine Frage vorab: Wie geht es Ihnen? Und noch eine: "
        "Wann spielen Sie?\n\nBerg: Gut. Bald.\n\nkicker: Letzte Frage: Ziele?\n\nBerg: Titel.\n"
    )
    assert len(doc.questions) == 2
    assert doc.questions[0].text.startswith("Eine Frage vorab: Wie geht es Ihnen?")


def test_no_labels_questions_end_in_a_question_mark():
    doc = _read(
        "A long road back\n\nAn interview with Tomas Berg, by Lena Fox for Football Weekly.\n\n"
        "You were injured for a year. How hard was that?\n\nIt was the hardest time of my life.\n\n"
        "My family helped me through every single day of it.\n\n"
        "What changed when you came back?\n\n“I enjoy every minute now.”\n"
    )
    assert [t.kind for t in doc.turns] == ["question", "answer", "question", "answer"]
    assert doc.answers[0].text.count("\n\n") == 1  # two paragraphs, one answer
    assert doc.answers[1].text == "I enjoy every minute now."
    assert (doc.author, doc.outlet) == ("Lena Fox", "Football Weekly")


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Lea Hahn 14.12.2025 • 13:31 Uhr", dt.datetime(2025, 12, 14, 13, 31, tzinfo=None)),
        ("Montag, 12.02.2024 / 16:30 Uhr", dt.datetime(2024, 2, 12, 16, 30)),
        ("08.01.2009 13:34 Uhr", dt.datetime(2009, 1, 8, 13, 34)),
        ("3 March 2021", dt.date(2021, 3, 3)),
        ("March 3, 2021", dt.date(2021, 3, 3)),
        ("Last updated : 06 January 2003 By Chris Parry", dt.date(2003, 1, 6)),
    ],
)
def test_bylines_and_datelines(line, published):
    doc = _read(
        f"Neu in Rostock\n\n{line}\n\nVon Anna Berg & Tom Wolf\n\n{STANDFIRST}\n\n"
        "kicker: Warum Rostock?\n\nBerg: Weil ich spielen will.\n\nkicker: Ziel?\n\nBerg: Titel.\n"
    )
    if isinstance(published, dt.datetime):
        assert doc.published.replace(tzinfo=None) == published
        assert str(doc.published.tzinfo) == "Europe/Berlin"
    else:
        assert doc.published == published
    assert doc.authors in {
        ("Chris Parry",),
        ("Lea Hahn",),
        ("Anna Berg", "Tom Wolf"),
    }  # the first byline naming


def test_page_furniture_is_not_text():
    doc = _read(
        "Login\n\nNoch kein Mitglied?\n\nJetzt Mitglied werden »\n\nHomeNewsInterviews\n\n"
        "Ein Gespräch über Geduld\n\n| Lesedauer: 4 Minuten\n\nxwhatsappmailcopy-link\n\n"
        f"{STANDFIRST}\n\nAdvertisement\n\nThis was published 10 years ago\n\n"
        "Berg jubelt nach dem Tor. (Foto: imago)\n\nkicker: Wie war das Tor?\n\nBerg: Schön.\n\n"
        "kicker: Und jetzt?\n\nBerg: Weiter.\n"
    )
    text = _everything(doc)
    for junk in (
        "Login",
        "Mitglied",
        "Lesedauer",
        "whatsapp",
        "Advertisement",
        "published",
        "Home",
    ):
        assert junk not in text
    assert [(c.caption, c.credit) for c in doc.photo_credits] == [
        ("Berg jubelt nach dem Tor.", "imago")
    ]
    assert doc.title == "Ein Gespräch über Geduld"
