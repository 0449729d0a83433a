"""Interviews: the seed web page, the seed outlet Q&A, and our own from other outlets."""

import datetime as dt
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def test_web_interview_drops_furniture_and_keeps_the_text(seed_web):
    doc = seed_web
    assert doc.kind == "web_interview"
    assert doc.language == "en"
    assert doc.title == "Hard work paying off for Werder Bremen goalkeeper Mio Backhaus"
    assert doc.standfirst.startswith("Born in Mönchengladbach but raised in Kawasaki")
    assert len(doc.intro) == 1
    assert doc.intro[0].startswith("In a conversation with the Bundesliga")
    everything = " ".join([doc.title, doc.standfirst, *doc.intro, *(t.text for t in doc.turns)])
    for junk in ("2:30 PM", "xwhatsappmailcopy-link", "Advertisement", "© DFL", "IMAGO"):
        assert junk not in everything


def test_web_interview_turns(seed_web):
    doc = seed_web
    assert len(doc.questions) == 16
    assert len(doc.answers) == 16
    kinds = [t.kind for t in doc.turns]
    assert kinds == ["question", "answer"] * 16
    first_q, first_a = doc.turns[:2]
    assert (first_q.line, first_q.text) == (
        25,
        "Tell us about those early years between Germany and Japan...",
    )
    assert (first_a.line, first_a.speaker, first_a.prefix) == (27, "Mio Backhaus", "Mio Backhaus")
    assert first_a.text.startswith("I was born in Mönchengladbach")
    bare = doc.turns[5]  # the quotation that follows a question without a prefix
    assert (bare.line, bare.kind, bare.speaker, bare.prefix) == (37, "answer", "Mio Backhaus", None)
    assert "You only think about the special times" in bare.text  # continued paragraph joined
    assert all(a.speaker == "Mio Backhaus" for a in doc.answers)
    assert doc.unanswered_question is None


def test_web_interview_photo_credits_are_merged(seed_web):
    credits = seed_web.photo_credits
    assert len(credits) == 8
    first = credits[0]
    assert first.caption.startswith("Mio Backhaus has a lot to shout about")
    assert first.credit == "DFL/Getty Images/Lukas Schulze"
    assert first.lines == (10, 11, 12)
    assert (
        "Backhaus is a product of the Bremen youth system.",
        "IMAGO/kolbert-press/Burghard Schreyer",
    ) in {(c.caption, c.credit) for c in credits}
    assert credits[-1].credit == "IMAGO/Marco Steinbrenner/DeFodi Images"


def test_web_interview_outlet_people_and_missing_date(seed_web):
    doc = seed_web
    assert doc.outlet == "Bundesliga"
    assert doc.interviewee == "Mio Backhaus"
    assert doc.published is None
    assert any("no publication date" in w.message for w in doc.warnings)
    assert {"Yukinari Sugawara", "Kōta Takai", "Manuel Neuer", "Kawasaki Frontale"} <= set(
        doc.mentions
    )
    assert "Mio Backhaus" not in doc.mentions


def test_outlet_interview_byline(seed_outlet):
    doc = seed_outlet
    assert doc.kind == "outlet_interview"
    assert doc.language == "de"
    assert doc.author == "Niclas Löwendorf"
    assert doc.published == dt.datetime(2025, 12, 14, 13, 31, tzinfo=BERLIN)
    assert doc.published.utcoffset() == dt.timedelta(hours=1)
    assert doc.standfirst.startswith(
        "Werder-Keeper Mio Backhaus spricht im exklusiven SPORT1-Interview"
    )
    assert doc.outlet == "SPORT1"
    assert doc.interviewer == "SPORT1"
    assert doc.interviewee == "Mio Backhaus"
    assert len(doc.intro) == 2


def test_outlet_interview_turns_and_subheadings(seed_outlet):
    doc = seed_outlet
    assert len(doc.questions) == 14
    assert len(doc.answers) == 13
    subheadings = [(t.line, t.text) for t in doc.turns if t.kind == "subheading"]
    assert subheadings == [
        (11, "Backhaus: „Mein Papa war schon immer Werder-Fan“"),
        (25, "Woltemade? „Ich habe seinen Weg stark verfolgt“"),
        (39, "Neuer-Trikot „hat einen besonderen Platz“"),
        (57, "Japan? „Könnte ich mir auf jeden Fall vorstellen“"),
    ]
    first_answer = doc.answers[0]
    assert (first_answer.line, first_answer.prefix, first_answer.speaker) == (
        9,
        "Mio Backhaus",
        "Mio Backhaus",
    )
    assert all(q.prefix == "SPORT1" for q in doc.questions)
    assert doc.questions[0].text.startswith("Herr Backhaus, im Jahr 2018")


def test_outlet_interview_flags_the_last_unanswered_question(seed_outlet):
    doc = seed_outlet
    last = doc.turns[-1]
    assert last.kind == "question"
    assert last.text == "Aber ein Traum wäre es, für den DFB zu spielen?"
    assert doc.unanswered_question == last
    assert any(w.line == 67 and "no answer" in w.message for w in doc.warnings)


def test_outlet_interview_mentions_are_names_not_nouns(seed_outlet):
    mentions = set(seed_outlet.mentions)
    assert {"Michael Zetterer", "Nick Woltemade", "Lennart Karl", "Andreas Kronenberg"} <= mentions
    assert not {"Mein Papa", "Ihre Mutter", "Herr Backhaus"} & mentions


def test_english_interview_from_another_outlet(parse_doc):
    doc = parse_doc("web_wisniewski.txt")
    assert doc.kind == "web_interview"
    assert doc.outlet == "J.League Insider"
    assert doc.interviewee == "Łukasz Wiśniewski"
    assert doc.published == dt.date(2025, 3, 8)
    assert doc.title == "Polish striker Łukasz Wiśniewski settles in at Kawasaki Frontale"
    assert [t.kind for t in doc.turns] == ["question", "answer"] * 4
    assert doc.turns[2].text == "What surprised you most about the J1 League?"
    assert doc.turns[3].text.endswith("Here you need to think faster with the ball.")
    assert doc.turns[4].text == "Is Japanese food as good as people say..."
    assert doc.turns[5].prefix is None
    assert [(c.credit, c.lines) for c in doc.photo_credits] == [
        ("J.LEAGUE", (6, 7)),
        ("Kawasaki Frontale/Kenji Sato", (31,)),
    ]
    assert "Michał Probierz" in doc.mentions
    assert doc.warnings == ()


def test_german_interview_from_another_outlet(parse_doc):
    doc = parse_doc("kicker_dvoracek.txt")
    assert doc.kind == "outlet_interview"
    assert doc.author == "Anna Schäfer"
    assert doc.published == dt.datetime(2025, 2, 3, 18, 5, tzinfo=BERLIN)
    assert (doc.outlet, doc.interviewer) == ("kicker", "kicker")
    assert doc.interviewee == "Tomáš Dvořáček"
    assert [t.kind for t in doc.turns] == [
        "question", "answer", "subheading", "question", "answer", "question", "answer",
        "subheading", "question", "answer",
    ]  # fmt: skip
    assert "Ondřej Kúdela" in doc.turns[1].text  # unprefixed paragraph continues the answer
    assert doc.turns[7].speaker == "Tomáš Dvořáček"
    assert doc.unanswered_question is None
    assert doc.warnings == ()
