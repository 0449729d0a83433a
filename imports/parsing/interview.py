"""Interviews in every Q&A shape, read by their turns rather than by resemblance to a page.

The grammar, one paragraph (non-empty line) at a time:

    document  = furniture* head turn+ furniture*
    head      = [byline] [title] [standfirst] intro*        (bylines and datelines anywhere)
    turn      = question answer* | subheading
    question  = asker-label text | bare paragraph ending in '?' before an answer
                | bare paragraph before a labelled answer when questions carry no label
    answer    = answerer-label text continuation* | quoted paragraph continuation*
                | (no answer labels) paragraph after a question
    label     = Name ':' text | Name ':' alone on its line, followed by the text

Labels are learned from the document (see ``interview_labels``); a document with fewer than
two answered questions is not an interview: an article with quotes, or nothing we know.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from core.text import normalize

from .bylines import Byline, author_in_prose, read_byline, read_head_dateline, with_time_line
from .documents import (
    DocumentKind,
    InterviewDocument,
    ParseError,
    ParseWarning,
    PhotoCredit,
    Turn,
    TurnKind,
)
from .interview_furniture import (
    bare_credit,
    breadcrumb_items,
    is_furniture,
    is_head_furniture,
    split_credit,
)
from .interview_labels import (
    LABEL_RE,
    QUESTION_WORDS,
    Cast,
    is_question_shaped,
    is_quoted,
    is_subheading,
    learn_cast,
    strip_quotes,
)
from .interview_mentions import mentions_in
from .interview_names import PERSON, UPPER, is_initials
from .language import detect_language

# An outlet's name: 'J.League Insider', 'For The Win', 'Hansa-Online', 'WFi'.
OUTLET = rf"{UPPER}[\w'’.&-]*(?: {UPPER}[\w'’.&-]*){{0,3}}"
# The outlet named as the interviewer in prose: 'In a conversation with the Bundesliga',
# 'told Sky Sports', 'hopped on the phone with For The Win'.
OUTLET_CUE_RE = re.compile(
    r"\b(?i:in an? (?:exclusive )?(?:conversation|interview|chat) with|told|speaking (?:to|with)"
    r"|talking to|spoke (?:to|with)|on the phone with) (?:the )?"
    rf"(?P<outlet>{OUTLET})"
)
# 'im exklusiven SPORT1-Interview', 'im WERDER.DE-Interview'
OUTLET_HYPHEN_RE = re.compile(r"\b(?P<outlet>[\w.]+)-(?:Interview|Gespräch)\b")
# 'Das erste Interview gab er Hansa-Online', 'im Interview mit dem kicker'
OUTLET_GAVE_RE = re.compile(
    r"\b(?:Interview|Gespräch) (?:gab|gibt|gewährte) (?:er|sie) (?:dem |der )?"
    rf"(?P<outlet>{OUTLET})"
)
OUTLET_WITH_RE = re.compile(
    r"\b(?:im|in an?|in the) (?:\w+ )?(?:Interview|Gespräch) (?:mit|with) (?:dem |der |the )?"
    rf"(?P<outlet>{OUTLET})"
)
# The interviewee named in the standfirst: 'An interview with Sam Allardyce, by …'.
INTERVIEW_WITH_RE = re.compile(rf"\b(?i:interview|gespräch|q&a) (?:with|mit) (?P<name>{PERSON})")
# A photographer's mark on a caption repeated without credit: 'Mesut Özil (r.) glänzte …'.
PHOTO_POSITION_RE = re.compile(
    r"\((?i:l|r|m|li|re|links|rechts|left|right|centre|center|mitte|v\. ?l\.)\.?\)"
)

KNOWN_OUTLETS = (
    "SPORT1", "kicker", "Sport Bild", "BILD", "Spox", "transfermarkt", "DAZN", "Sky Sport",
    "Sky Sports", "ESPN", "BBC Sport", "The Athletic", "Goal", "ran.de", "11Freunde",
    "11 Freunde", "Bundesliga", "bundesliga.com", "Marca", "AS", "L'Équipe",
    "La Gazzetta dello Sport", "Gazzetta", "The Guardian", "FourFourTwo", "Welt", "FAZ",
    "Süddeutsche Zeitung", "Der Spiegel", "RND", "Sportschau", "Weser-Kurier", "Blick",
    "Kronen Zeitung", "Voetbal International", "Przegląd Sportowy", "Sport.cz", "J.League",
)  # fmt: skip
_KNOWN_BY_KEY = {normalize(outlet): outlet for outlet in KNOWN_OUTLETS}

ARTICLE = "an article, not an interview: no question/answer turns"
# A paragraph this long is prose: the head of the page, where a bare dateline is trusted, ends.
HEAD_PROSE_WORDS = 25


@dataclass(slots=True)
class _Para:
    line: int
    text: str


@dataclass(slots=True)
class _Page:
    """What is left of the page once furniture, bylines and photo credits are taken out."""

    body: list[_Para] = field(default_factory=list)
    credits: dict[str, PhotoCredit] = field(default_factory=dict)
    bylines: list[tuple[int, Byline]] = field(default_factory=list)
    crumbs: set[str] = field(default_factory=set)


def _paragraphs(text: str) -> list[_Para]:
    return [
        _Para(index, " ".join(raw.split()))
        for index, raw in enumerate(text.splitlines(), start=1)
        if raw.strip()
    ]


def _add_credit(page: _Page, caption: str, credit: str | None, line: int) -> None:
    key = normalize(caption) or normalize(credit or "")
    old = page.credits.get(key)
    lines = tuple(sorted({*old.lines, line})) if old else (line,)
    page.credits[key] = PhotoCredit(caption, credit or (old.credit if old else None), lines)


def _take_furniture(paras: list[_Para], language: str | None) -> _Page:
    page = _Page()
    items = breadcrumb_items([p.text for p in paras[:8]])
    if items:
        page.crumbs = {normalize(item) for item in items[:-1]}
        paras = paras[len(items) :]
    kept: list[_Para] = []
    in_head = True
    dated: int | None = None  # index in page.bylines of a dateline on the paragraph just above
    for para in paras:
        text = para.text
        label = LABEL_RE.match(text)
        labelled = label is not None and label["text"] is not None
        # a labelled question or a paragraph of prose ends the head ('Title : Subtitle' does not)
        prose = len(text.split()) >= HEAD_PROSE_WORDS
        in_head = in_head and not prose and not (labelled and is_question_shaped(text))
        previous, dated = dated, None
        if in_head and previous is not None:
            line, dateline = page.bylines[previous]
            if (timed := with_time_line(dateline, text, language)) is not None:
                page.bylines[previous] = (line, timed)
                continue
        byline = None if labelled and len(text) > 160 else read_byline(text, language)
        if byline is not None:  # before furniture: a dateline looks like a time stamp
            page.bylines.append((para.line, byline))
            dated = len(page.bylines) - 1
            if byline.rest:
                kept.append(_Para(para.line, byline.rest))
            continue
        if in_head and (byline := read_head_dateline(text, language)) is not None:
            page.bylines.append((para.line, byline))
            dated = len(page.bylines) - 1
            rest = normalize(byline.rest or "")
            if rest and not any(rest in normalize(k.text) for k in kept):
                kept.append(_Para(para.line, byline.rest or ""))
            continue
        if is_furniture(text):
            continue
        credit = None if labelled or is_quoted(text) else split_credit(text)
        if credit is not None:
            above = kept[-1] if kept and kept[-1].line == para.line - 1 else None
            if above and len(above.text) <= 150 and normalize(above.text) != normalize(credit[0]):
                kept.pop()  # image alt text printed right above the caption
            _add_credit(page, credit[0], credit[1], para.line)
            continue
        if (bare := bare_credit(text)) is not None:
            _add_credit(page, "", bare, para.line)
            continue
        kept.append(para)
    page.body = _drop_captions(kept, page)
    return page


def _drop_captions(paras: list[_Para], page: _Page) -> list[_Para]:
    """A caption printed again without its credit, or twice in a row, is a caption too."""
    result: list[_Para] = []
    for index, para in enumerate(paras):
        key = normalize(para.text)
        if key in page.credits:
            _add_credit(page, page.credits[key].caption, None, para.line)
            continue
        twin = next(
            (
                other
                for other in paras[max(0, index - 1) : index + 2]
                if other is not para and normalize(other.text) == key
            ),
            None,
        )
        adjacent = twin is not None and abs(twin.line - para.line) == 1
        if twin is not None and (adjacent or PHOTO_POSITION_RE.search(para.text)):
            _add_credit(page, para.text, None, para.line)
            continue
        result.append(para)
    return result


def _drop_head_furniture(body: list[_Para]) -> list[_Para]:
    """Short furniture lines count only above the first paragraph of real prose."""
    result: list[_Para] = []
    prose_seen = False
    for para in body:
        if not prose_seen and is_head_furniture(para.text) and LABEL_RE.match(para.text) is None:
            continue
        prose_seen = prose_seen or len(para.text.split()) >= 12
        result.append(para)
    return result


# --- turns --------------------------------------------------------------------------------


def _answer_starts(cast: Cast, para: _Para | None) -> bool:
    """Does this paragraph open an answer: an answerer's label, or a quotation?"""
    if para is None:
        return False
    labelled = cast.labelled(para.text)
    if labelled is not None:
        return not labelled.speaker.asks
    if is_quoted(para.text):
        return True
    return not cast.answers_labelled and not is_question_shaped(para.text)


def _opens_question(cast: Cast, paras: list[_Para], index: int, after: Turn | None) -> bool:
    """A bare paragraph that asks: it ends in '?' and an answer follows, or (questions
    carrying no label) it stands between two labelled answers."""
    text = paras[index].text
    following = paras[index + 1] if index + 1 < len(paras) else None
    if after is not None and after.kind == "question":
        return False
    if is_quoted(text) or cast.labelled(text) is not None or len(text) > 600:
        return False
    if is_question_shaped(text):
        return following is None or _answer_starts(cast, following)
    labelled = cast.labelled(following.text) if following else None
    return (
        after is not None
        and after.kind == "answer"
        and not cast.questions_labelled
        and labelled is not None
        and not labelled.speaker.asks
    )


def _first_turn(cast: Cast, paras: list[_Para]) -> int:
    for index, para in enumerate(paras):
        if cast.labelled(para.text) is not None:
            return index
        if (
            index > 0
            and is_question_shaped(para.text)
            and _opens_question(cast, paras, index, None)
        ):
            return index
    return len(paras)


def _join(turns: list[Turn], text: str) -> None:
    last = turns[-1]
    turns[-1] = Turn(last.kind, last.speaker, f"{last.text}\n\n{text}", last.line, last.prefix)


def _read_turns(cast: Cast, paras: list[_Para], warnings: list[ParseWarning]) -> list[Turn]:
    turns: list[Turn] = []
    pending = None
    for index, para in enumerate(paras):
        last = turns[-1] if turns else None
        if pending is not None:
            kind: TurnKind = "question" if pending.speaker.asks else "answer"
            text = para.text if kind == "question" else strip_quotes(para.text)
            turns.append(Turn(kind, pending.speaker.name, text, para.line, pending.label))
            pending = None
            continue
        labelled = cast.labelled(para.text)
        if labelled is not None and labelled.text is None:
            pending = labelled
        elif labelled is not None and labelled.text is not None:
            kind = "question" if labelled.speaker.asks else "answer"
            text = labelled.text if kind == "question" else strip_quotes(labelled.text)
            turns.append(Turn(kind, labelled.speaker.name, text, para.line, labelled.label))
        elif is_subheading(para.text):
            turns.append(Turn("subheading", _subheading_speaker(cast, para.text), para.text,
                              para.line, _label(para.text)))  # fmt: skip
        elif _opens_question(cast, paras, index, last):
            turns.append(Turn("question", None, para.text, para.line, None))
        elif is_quoted(para.text) and last is not None and last.kind == "question":
            turns.append(
                Turn("answer", cast.sole_answerer(), strip_quotes(para.text), para.line, None)
            )
        elif last is not None and last.kind == "question" and not cast.answers_labelled:
            turns.append(Turn("answer", cast.sole_answerer(), para.text, para.line, None))
        elif last is not None and last.kind in {"question", "answer"}:
            _join(turns, strip_quotes(para.text) if last.kind == "answer" else para.text)
        else:
            warnings.append(ParseWarning(para.line, f"line not understood: {para.text[:60]!r}"))
    return turns


def _label(text: str) -> str | None:
    m = LABEL_RE.match(text)
    return m["label"] if m else None


def _subheading_speaker(cast: Cast, text: str) -> str | None:
    label = _label(text)
    speaker = next((s for s in cast.answerers if label in s.labels), None)
    return speaker.name if speaker else None


def _trailing_question(turns: list[Turn], warnings: list[ParseWarning]) -> Turn | None:
    last_question = None
    for turn in turns:
        if turn.kind == "question":
            last_question = turn
        elif turn.kind == "answer":
            last_question = None
    if last_question is not None:
        warnings.append(ParseWarning(last_question.line, "the last question has no answer"))
    return last_question


def _answered_questions(turns: list[Turn]) -> int:
    return sum(
        1
        for turn, following in itertools.pairwise(turns)
        if turn.kind == "question" and following.kind == "answer"
    )


# --- head, outlet, people -----------------------------------------------------------------


def _head(page: _Page, head: list[_Para]) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(title, standfirst, intro) from the paragraphs above the first turn."""
    seen: set[str] = set()
    texts: list[str] = []
    for para in head:
        key = normalize(para.text)
        if key in seen or key in page.crumbs:
            continue  # a title printed twice, a breadcrumb item printed again
        seen.add(key)
        texts.append(para.text)
    if len(texts) >= 2 and _is_kicker(texts[0], texts[1]):
        texts = texts[1:]  # 'Babbel exklusiv' over 'Bundesliga-Restart - Markus Babbel exklusiv: …'
    rest_lines = {line for line, byline in page.bylines if byline.rest}
    if head and head[0].line in rest_lines:  # the byline opens the page and carries the standfirst
        return None, texts[0] if texts else None, tuple(texts[1:])
    return (
        texts[0] if texts else None,
        texts[1] if len(texts) > 1 else None,
        tuple(texts[2:]),
    )


def _is_kicker(line: str, headline: str) -> bool:
    """A short line over the headline whose every word the headline repeats."""
    words = normalize(line).split()
    return 0 < len(words) <= 3 and set(words) <= set(normalize(headline).split())


def _canonical_outlet(name: str) -> str:
    return _KNOWN_BY_KEY.get(normalize(name), name)


def _outlet_in_prose(text: str) -> str | None:
    for pattern in (OUTLET_GAVE_RE, OUTLET_CUE_RE, OUTLET_HYPHEN_RE, OUTLET_WITH_RE):
        if m := pattern.search(text):
            return m["outlet"].rstrip(".")
    return None


def _known_outlet(text: str) -> str | None:
    words = normalize(text)
    for key, outlet in _KNOWN_BY_KEY.items():
        start = words.find(key)
        while start != -1:
            end = start + len(key)
            before = words[start - 1 : start]
            after = words[end : end + 1]
            if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
                return outlet
            start = words.find(key, start + 1)
    return None


def _outlet(
    cast: Cast, authors: tuple[str, ...], prose_outlet: str | None, head: str
) -> str | None:
    asker = cast.asker
    if (
        asker is not None
        and not is_initials(asker.name)
        and asker.name not in authors
        and normalize(asker.name) not in QUESTION_WORDS
    ):
        return _canonical_outlet(asker.name)
    found = prose_outlet or _outlet_in_prose(head)
    if found:
        return _canonical_outlet(found)
    return _known_outlet(head)


# --- the document -------------------------------------------------------------------------


def read_interview(text: str, file_name: str) -> InterviewDocument:
    """Read an interview in any Q&A shape; ParseError for an article or an unknown text."""
    paras = _paragraphs(text)
    language = detect_language(text)
    page = _take_furniture(paras, language)
    body = _drop_head_furniture(page.body)
    cast = learn_cast([p.text for p in body], "\n".join(p.text for p in paras))
    start = _first_turn(cast, body)
    warnings: list[ParseWarning] = []
    turns = _read_turns(cast, body[start:], warnings)
    needed = 1 if cast.asker is not None and cast.answers_labelled else 2
    if _answered_questions(turns) < needed:
        message = ARTICLE if _looks_like_prose(body) else "unknown kind of document"
        raise ParseError(file_name, None, message)
    title, standfirst, intro = _head(page, body[:start])
    head_text = "\n".join(filter(None, [title, standfirst, *intro]))
    authors = next((b.authors for _, b in page.bylines if b.authors), ())
    published = next((b.published for _, b in page.bylines if b.published is not None), None)
    prose_author, prose_outlet = author_in_prose("\n".join(filter(None, [standfirst, *intro])))
    if not authors and prose_author:
        authors = (prose_author,)
    outlet = _outlet(cast, authors, prose_outlet, head_text)
    unanswered = _trailing_question(turns, warnings)
    if published is None:
        warnings.append(ParseWarning(None, "the document states no publication date"))
    asker = cast.asker
    speakers = tuple(dict.fromkeys(t.speaker for t in turns if t.kind == "answer" and t.speaker))
    if not speakers and (named := INTERVIEW_WITH_RE.search(head_text)):
        speakers = (named["name"],)
        turns = [Turn(t.kind, speakers[0], t.text, t.line, t.prefix) if t.kind == "answer" else t
                 for t in turns]  # fmt: skip
    interviewee = speakers[0] if speakers else None
    kind: DocumentKind = "outlet_interview" if authors or asker else "web_interview"
    exclude = {normalize(name) for name in (*speakers, *authors, outlet or "")}
    texts = [standfirst or "", *intro, *(t.text for t in turns)]
    if kind == "web_interview":
        texts += [c.caption for c in page.credits.values()]
    return InterviewDocument(
        file_name=file_name,
        kind=kind,
        language=language,
        title=title,
        standfirst=standfirst,
        intro=intro,
        turns=tuple(turns),
        photo_credits=tuple(sorted(page.credits.values(), key=lambda c: c.lines[0])),
        outlet=outlet,
        author=authors[0] if authors else None,
        published=published,
        interviewee=interviewee,
        interviewer=(asker.name if asker and outlet is None else outlet),
        mentions=mentions_in(texts, exclude),
        unanswered_question=unanswered,
        warnings=tuple(warnings),
        authors=authors,
        speakers=speakers,
    )


def _looks_like_prose(paras: list[_Para]) -> bool:
    """Three or more paragraphs of sentences: a feature article rather than a list or a note."""
    return sum(len(p.text.split()) >= 12 for p in paras) >= 3


def interview_kind(text: str) -> DocumentKind | None:
    """'web_interview' / 'outlet_interview' when the text reads as an interview, else None."""
    try:
        return read_interview(text, "").kind
    except ParseError:
        return None


def is_article(text: str) -> bool:
    """A text with sentences but no question/answer turns."""
    try:
        read_interview(text, "")
    except ParseError as error:
        return error.message == ARTICLE
    return False


__all__ = ["ARTICLE", "interview_kind", "is_article", "read_interview"]
