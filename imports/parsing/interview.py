"""Interviews: a league website's English page and a sports outlet's prefixed Q&A.

Both are read paragraph by paragraph (one non-empty line = one paragraph). Page furniture
is recognised by its shape, never by the exact strings of a known page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from core.text import normalize

from .documents import DocumentKind, InterviewDocument, ParseWarning, PhotoCredit, Turn
from .prose import NAME, clean_name, names_in, split_sentences

BERLIN = ZoneInfo("Europe/Berlin")

# --- language -----------------------------------------------------------------------------

_STOP_EN = {
    "the",
    "and",
    "of",
    "to",
    "is",
    "was",
    "in",
    "that",
    "it",
    "you",
    "for",
    "with",
    "have",
    "this",
    "are",
    "be",
    "not",
    "but",
    "what",
    "how",
    "do",
    "i",
    "my",
    "we",
    "they",
    "at",
    "on",
    "as",
    "he",
    "his",
    "her",
    "she",
    "our",
    "your",
    "been",
    "were",
    "would",
    "there",
}
_STOP_DE = {
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "ich",
    "ein",
    "eine",
    "sie",
    "es",
    "zu",
    "mit",
    "den",
    "dem",
    "von",
    "auf",
    "für",
    "war",
    "sind",
    "hat",
    "haben",
    "wir",
    "auch",
    "noch",
    "wie",
    "aber",
    "dass",
    "bei",
    "mir",
    "mich",
    "sich",
    "nach",
    "einen",
    "schon",
}


def detect_language(text: str) -> str | None:
    """'en' or 'de' by stop-word counts; None when neither language shows."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    en = sum(w in _STOP_EN for w in words)
    de = sum(w in _STOP_DE for w in words)
    if max(en, de) < 3:
        return None
    return "en" if en >= de else "de"


# --- shapes -------------------------------------------------------------------------------

TIMESTAMP_RE = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{2}-\d{2}|today|yesterday|heute|gestern)?"
    r"[\s,]*(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?|\d+\s*(?:min|mins|minutes|hours?|h|"
    r"days?)\s*ago)?\s*$",
    re.I,
)
_SHARE_WORDS = (
    "whatsapp", "facebook", "twitter", "linkedin", "mail", "copy", "link", "share", "telegram",
    "reddit", "pinterest", "messenger", "print", "teilen", "flipboard", "xing", "bluesky",
)  # fmt: skip
_AD_MARKERS = {"advertisement", "anzeige", "werbung", "sponsored", "ad", "promoted", "adverts"}
QUOTE_OPEN = "\"“„‚»«'"
QUOTE_CLOSE = "\"”“‘’«»'"
_CREDIT_RE = re.compile(
    r"^(?P<caption>.{8,}?)\s+[-–—|]\s+(?P<credit>(?:©|\(c\)|Foto:|Photo:)?\s*\S.{1,90})$"
)
_PREFIX_RE = re.compile(
    r"^(?P<prefix>[^\W_][\w.'’-]*(?:\s[^\W\d_][\w.'’-]*){0,3})\s?:\s+(?P<text>\S.*)$"
)
_BYLINE_RE = re.compile(
    rf"^(?P<author>{NAME}(?:\s*(?:,|und|and|&)\s*{NAME})*)\s+"
    r"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})"
    r"(?:\s*[•|·,–-]?\s*(?P<time>\d{1,2}[:.]\d{2})\s*(?:Uhr|h)?)?\s*[•|·–-]?\s*(?P<rest>.*)$"
)

KNOWN_OUTLETS = (
    "SPORT1", "kicker", "Sport Bild", "SPORT BILD", "BILD", "Spox", "SPOX", "transfermarkt",
    "DAZN", "Sky Sport", "Sky Sports", "ESPN", "BBC Sport", "The Athletic", "Goal", "ran.de",
    "11Freunde", "11 Freunde", "Bundesliga", "bundesliga.com", "Marca", "AS", "L'Équipe",
    "La Gazzetta dello Sport", "Gazzetta", "The Guardian", "FourFourTwo", "Welt", "FAZ",
    "Süddeutsche Zeitung", "Der Spiegel", "RND", "Sportschau", "Weser-Kurier", "Blick",
    "Kronen Zeitung", "Voetbal International", "Przegląd Sportowy", "Sport.cz", "J.League",
)  # fmt: skip


def is_timestamp(text: str) -> bool:
    return bool(re.search(r"\d", text)) and bool(TIMESTAMP_RE.match(text))


def is_share_junk(text: str) -> bool:
    if " " in text.strip() or len(text) > 80:
        return False
    lowered = text.lower()
    return sum(word in lowered for word in _SHARE_WORDS) >= 2


def is_label(text: str) -> bool:
    """A lone lower-case section label ('bundesliga', 'news') or an ad marker."""
    stripped = text.strip()
    if normalize(stripped) in _AD_MARKERS:
        return True
    return (
        bool(re.fullmatch(r"[a-z0-9][a-z0-9.&' -]{0,30}", stripped)) and len(stripped.split()) <= 3
    )


def split_credit(text: str) -> tuple[str, str] | None:
    """'Caption. - © Agency/Photographer' -> (caption, credit); None if the line is not one."""
    m = _CREDIT_RE.match(text.strip())
    if not m:
        return None
    caption, credit = m.group("caption").strip(), m.group("credit").strip()
    if any(q in credit for q in '"“”„'):
        return None
    words = credit.split()
    if len(words) > 10 or credit.endswith(("?", "!")):
        return None
    agency_like = (
        "©" in credit
        or "/" in credit
        or credit.lower().startswith(("(c)", "foto", "photo", "getty", "imago", "dpa", "afp"))
        or bool(re.match(r"[A-Z]{3,}\b", credit))
    )
    return (caption, credit.removeprefix("©").strip()) if agency_like else None


def strip_quotes(text: str) -> str:
    text = text.strip()
    if text[:1] in QUOTE_OPEN:
        text = text[1:]
    if text[-1:] in QUOTE_CLOSE and text[-1:] != "'":
        text = text[:-1]
    return text.strip()


def _is_quoted(text: str) -> bool:
    return text.strip()[:1] in '"“„»«'


def _is_question_shaped(text: str) -> bool:
    return text.rstrip().endswith(("?", "...", "…", "?“", '?"'))


def _subheading(text: str) -> bool:
    """A short line carrying a quotation and no sentence end: 'Japan? „Könnte ich …“'."""
    stripped = text.strip()
    if len(stripped) > 120 or not re.search(r"[„“\"»«].{3,}[“”\"«»]", stripped):
        return False
    return not stripped.endswith((".", ":"))


# --- shared -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    line: int
    text: str


@dataclass(slots=True)
class _Draft:
    turns: list[Turn] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def _units(text: str) -> list[_Unit]:
    return [
        _Unit(index, " ".join(raw.split()))
        for index, raw in enumerate(text.splitlines(), start=1)
        if raw.strip()
    ]


def _speaker_variants(prefixes: Counter[str]) -> str | None:
    """The fullest written form of the most frequent speaker: 'Backhaus' -> 'Mio Backhaus'."""
    if not prefixes:
        return None
    top = prefixes.most_common(1)[0][0]
    top_tokens = set(normalize(top).split())
    candidates = [p for p in prefixes if top_tokens <= set(normalize(p).split())]
    return max(candidates, key=len)


def _full_name(name: str | None, text: str) -> str | None:
    """'Dvořáček' -> 'Tomáš Dvořáček' when the document spells the full name out."""
    if not name or " " in name:
        return name
    m = re.search(rf"\b((?:{NAME}\s)?[^\W\d_][\w'’-]*\s{re.escape(name)})(?![\w-])", text)
    if not m:
        return name
    words = m.group(1).split()
    return " ".join(words[-2:]) if "-" not in words[-2] else name


def _same_person(prefix: str, name: str | None) -> bool:
    if not name:
        return False
    a, b = set(normalize(prefix).split()), set(normalize(name).split())
    return bool(a) and (a <= b or b <= a)


_NOT_NAMES = {
    "in",
    "a",
    "an",
    "im",
    "am",
    "um",
    "so",
    "if",
    "when",
    "mr",
    "mrs",
    "ms",
    "herr",
    "frau",
    "mein",
    "meine",
    "meinen",
    "dein",
    "deine",
    "sein",
    "seine",
    "ihr",
    "ihre",
    "ihren",
    "unser",
    "unsere",
    "diese",
    "dieser",
    "dieses",
    "jede",
    "jeder",
    "sie",
    "er",
    "wir",
    "euer",
    "obwohl",
    "als",
    "ob",
    "wenn",
    "dann",
    "da",
    "dort",
    "hier",
    "nach",
    "vor",
    "gegen",
    "hinter",
    "neben",
    "this",
    "that",
    "these",
    "those",
    "my",
    "his",
    "our",
    "their",
    "its",
    "after",
    "before",
    "during",
}


def _mentions(texts: list[str], exclude: set[str]) -> tuple[str, ...]:
    """Capitalised multi-word names: candidates for linking to players and clubs.

    German capitalises every noun, so a leading sentence-initial word is dropped,
    names are cut at articles ('Kasten von Werder Bremen' -> 'Werder Bremen') and a
    name that only prefixes another found name ('Beispiel Nick Woltemade') is dropped.
    """
    stop = _STOP_EN | _STOP_DE | _NOT_NAMES
    found: list[str] = []
    sentences = [s.text for text in texts for s in split_sentences(text, 0)]
    for text in sentences:
        for start, name in names_in(text):
            pieces = re.split(r"\s+(?:der|den|dem|des|von|vom|zum|zur)\s+", name)
            for number, piece in enumerate(pieces):
                words = piece.split()
                at_start = (start == 0 and number == 0) or text[:start].rstrip()[-1:] in '„“"(:'
                weak_first = words[:1] and (words[0].lower() in stop or "-" in words[0])
                if at_start and (len(words) > 2 or (len(words) == 2 and weak_first)):
                    words = words[1:]
                elif at_start and len(words) == 2 and start == 0:
                    words = words[1:] if words[0].lower() in stop else words
                while words and words[0].lower() in stop:
                    words = words[1:]
                while words and words[-1].lower() in stop:
                    words = words[:-1]
                if len(words) < 2 or any(not w[:1].isalpha() for w in words):
                    continue
                if any(re.fullmatch(r"U-?\d{2}s?", w) for w in words):
                    continue
                candidate = " ".join(words)
                if normalize(candidate) not in exclude and candidate not in found:
                    found.append(candidate)
    return tuple(
        name
        for name in found
        if not any(other != name and name.endswith(" " + other) for other in found)
    )


def _outlet_from_text(text: str) -> str | None:
    m = re.search(
        rf"\b(?i:in\s+(?:a|an)\s+(?:exclusive\s+)?(?:conversation|interview|chat)\s+with"
        rf"|told|speaking\s+to|speaking\s+with|talking\s+to)"
        rf"\s+(?:the\s+)?(?P<outlet>{NAME})",
        text,
    )
    if m:
        return clean_name(m.group("outlet"))
    m = re.search(
        r"\b(?:im\s+)?(?:exklusiven\s+)?(?P<outlet>[\w.]+)-(?:Interview|Gespräch)\b", text
    )
    if m:
        return m.group("outlet")
    m = re.search(r"\b(?:im|in an?|in the)\s+(?:\w+\s+)?(?:Interview|Gespräch)\s+(?:mit|with)\s+"
                  rf"(?:dem\s+|der\s+|the\s+)?(?P<outlet>{NAME})", text)  # fmt: skip
    return clean_name(m.group("outlet")) if m else None


def _known_outlet(text: str) -> str | None:
    for outlet in KNOWN_OUTLETS:
        if re.search(rf"(?<![\w-]){re.escape(outlet)}(?![\w-])", text):
            return outlet
    return None


# --- English web interview ----------------------------------------------------------------


def parse_web_interview(text: str, file_name: str) -> InterviewDocument:
    """A league website's interview page: furniture and photo captions around a Q&A."""
    draft = _Draft()
    credits: dict[str, PhotoCredit] = {}
    labels: list[str] = []
    body: list[_Unit] = []
    published: dt.date | dt.datetime | None = None
    for unit in _units(text):
        if is_timestamp(unit.text) or is_share_junk(unit.text):
            continue
        if is_label(unit.text):
            if normalize(unit.text) not in _AD_MARKERS:
                labels.append(unit.text.strip())
            continue
        if re.match(r"^(?:published|updated|posted|stand)\b", unit.text, re.I):
            from .dates import parse_date

            date = parse_date(unit.text)
            if date is not None and date.day is not None:
                published = date.as_date()
                continue
        credit = (
            None
            if _PREFIX_RE.match(unit.text) or _is_quoted(unit.text)
            else split_credit(unit.text)
        )
        if credit is not None:
            key = normalize(credit[0])
            old = credits.get(key)
            lines = (*old.lines, unit.line) if old else (unit.line,)
            credits[key] = PhotoCredit(caption=credit[0], credit=credit[1], lines=lines)
            continue
        body.append(unit)

    # a caption printed again without its credit is furniture too
    remaining: list[_Unit] = []
    for unit in body:
        key = normalize(unit.text)
        if key in credits:
            old = credits[key]
            credits[key] = PhotoCredit(
                old.caption, old.credit, tuple(sorted((*old.lines, unit.line)))
            )
        else:
            remaining.append(unit)

    answer_prefixes: Counter[str] = Counter()
    for unit in remaining:
        m = _PREFIX_RE.match(unit.text)
        if m and _is_quoted(m.group("text")):
            answer_prefixes[m.group("prefix")] += 1
    interviewee = _full_name(
        _speaker_variants(answer_prefixes), "\n".join(u.text for u in remaining)
    )

    def is_answer(unit: _Unit) -> bool:
        m = _PREFIX_RE.match(unit.text)
        return bool(m and m.group("prefix") in answer_prefixes) or _is_quoted(unit.text)

    first_question = next(
        (
            i
            for i, unit in enumerate(remaining[:-1])
            if not is_answer(unit) and is_answer(remaining[i + 1])
        ),
        len(remaining),
    )
    head = remaining[:first_question]
    title = head[0].text if head else None
    standfirst = head[1].text if len(head) > 1 else None
    intro = tuple(u.text for u in head[2:])

    turns = draft.turns
    for index in range(first_question, len(remaining)):
        unit = remaining[index]
        m = _PREFIX_RE.match(unit.text)
        following = remaining[index + 1] if index + 1 < len(remaining) else None
        if m and m.group("prefix") in answer_prefixes:
            speaker = (
                interviewee if _same_person(m.group("prefix"), interviewee) else m.group("prefix")
            )
            turns.append(
                Turn("answer", speaker, strip_quotes(m.group("text")), unit.line, m.group("prefix"))
            )
        elif _is_quoted(unit.text):
            if turns and turns[-1].kind == "answer":
                last = turns[-1]
                text_so_far = f"{last.text}\n\n{strip_quotes(unit.text)}"
                turns[-1] = Turn("answer", last.speaker, text_so_far, last.line, last.prefix)
            else:
                turns.append(Turn("answer", interviewee, strip_quotes(unit.text), unit.line, None))
        elif (following is not None and is_answer(following)) or _is_question_shaped(unit.text):
            turns.append(Turn("question", None, unit.text, unit.line, None))
        else:
            draft.warnings.append(
                ParseWarning(unit.line, f"line not understood: {unit.text[:60]!r}")
            )

    unanswered = _trailing_question(turns, draft.warnings)
    all_text = "\n".join(u.text for u in remaining)
    outlet = _outlet_from_text(all_text)
    if outlet is None and labels:
        outlet = _known_outlet(" ".join(labels)) or labels[0].title()
    if outlet is None:
        outlet = _known_outlet(all_text)
    if published is None:
        draft.warnings.append(ParseWarning(None, "the document states no publication date"))
    exclude = {normalize(interviewee or "")}
    return InterviewDocument(
        file_name=file_name,
        kind="web_interview",
        language=detect_language(all_text),
        title=title,
        standfirst=standfirst,
        intro=intro,
        turns=tuple(turns),
        photo_credits=tuple(sorted(credits.values(), key=lambda c: c.lines[0])),
        outlet=outlet,
        author=None,
        published=published,
        interviewee=interviewee,
        interviewer=outlet,
        mentions=_mentions(
            [u.text for u in remaining] + [c.caption for c in credits.values()], exclude
        ),
        unanswered_question=unanswered,
        warnings=tuple(draft.warnings),
    )


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


# --- outlet interview ---------------------------------------------------------------------


def parse_byline(line: str) -> tuple[str, dt.date | dt.datetime, str | None] | None:
    """'Author Name 14.12.2025 • 13:31 Uhr standfirst' -> (author, aware datetime, standfirst).

    The time is local time in Europe/Berlin; without a time only the date is returned.
    """
    m = _BYLINE_RE.match(line.strip())
    if not m:
        return None
    raw = m.group("date").replace(" ", "")
    try:
        if "-" in raw:
            date = dt.date.fromisoformat(raw)
        else:
            day, month, year = re.split(r"[./]", raw)
            date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    when: dt.date | dt.datetime = date
    if m.group("time"):
        hour, minute = (int(x) for x in re.split(r"[:.]", m.group("time")))
        if hour > 23 or minute > 59:
            return None
        when = dt.datetime.combine(date, dt.time(hour, minute), tzinfo=BERLIN)
    return clean_name(m.group("author")), when, (m.group("rest").strip() or None)


_QUESTION_PREFIXES = {"frage", "f", "q", "question", "interviewer"}
_ANSWER_PREFIXES = {"antwort", "a", "answer"}


def parse_outlet_interview(text: str, file_name: str) -> InterviewDocument:
    """An outlet's interview: byline, standfirst, intro, quoted sub-headings, prefixed turns."""
    draft = _Draft()
    units = _units(text)
    author = standfirst = title = None
    published: dt.date | dt.datetime | None = None
    if units and (byline := parse_byline(units[0].text)):
        author, published, standfirst = byline
        units = units[1:]
    elif units:
        title = units[0].text
        units = units[1:]
        if units and (byline := parse_byline(units[0].text)):
            author, published, standfirst = byline
            units = units[1:]

    prefixes: Counter[str] = Counter()
    question_marks: Counter[str] = Counter()
    for unit in units:
        m = _PREFIX_RE.match(unit.text)
        if m and not _subheading(unit.text):
            prefixes[m.group("prefix")] += 1
            question_marks[m.group("prefix")] += _is_question_shaped(m.group("text"))
    frequent = {p for p, n in prefixes.items() if n >= 2}
    prefixes = Counter(
        {
            p: n
            for p, n in prefixes.items()
            if p in frequent
            or len(prefixes) <= 2
            or any(_same_person(p, other) for other in frequent)
            or normalize(p) in _QUESTION_PREFIXES | _ANSWER_PREFIXES
        }
    )
    context = " ".join(
        [standfirst or "", title or ""] + [u.text for u in units if not _PREFIX_RE.match(u.text)]
    )
    outlet = _outlet_from_text(context) or _known_outlet(context)
    interviewers = {
        p
        for p in prefixes
        if normalize(p) in _QUESTION_PREFIXES
        or (outlet and normalize(p) == normalize(outlet))
        or (
            re.search(rf"(?<![\w]){re.escape(p)}(?![\w])", context)
            and not re.search(rf"{re.escape(p)}\s*:", context)
            and question_marks[p] * 2 >= prefixes[p]
        )
    }
    if not interviewers and prefixes:
        best = max(prefixes, key=lambda p: question_marks[p] / prefixes[p])
        if question_marks[best]:
            interviewers = {best}
    answerers = Counter({p: n for p, n in prefixes.items() if p not in interviewers})
    interviewee = _full_name(
        _speaker_variants(answerers), "\n".join([standfirst or "", *(u.text for u in units)])
    )
    interviewer = next(iter(sorted(interviewers, key=lambda p: -prefixes[p])), None)
    if outlet is None and interviewer and normalize(interviewer) not in _QUESTION_PREFIXES:
        outlet = interviewer

    intro: list[str] = []
    turns = draft.turns
    started = False
    for unit in units:
        m = _PREFIX_RE.match(unit.text)
        prefix = m.group("prefix") if m else None
        if _subheading(unit.text) and (
            prefix is None or _is_quoted(m.group("text")) or prefix not in prefixes  # type: ignore[union-attr]
        ):
            speaker = interviewee if prefix and _same_person(prefix, interviewee) else None
            turns.append(Turn("subheading", speaker, unit.text, unit.line, prefix))
            started = True
            continue
        if prefix is not None and prefix in prefixes:
            started = True
            body = m.group("text")  # type: ignore[union-attr]
            if prefix in interviewers:
                turns.append(Turn("question", interviewer, body, unit.line, prefix))
            else:
                speaker = interviewee if _same_person(prefix, interviewee) else prefix
                turns.append(Turn("answer", speaker, body, unit.line, prefix))
            continue
        if not started:
            intro.append(unit.text)
        elif turns and turns[-1].kind in {"answer", "question"}:
            last = turns[-1]
            turns[-1] = Turn(
                last.kind, last.speaker, f"{last.text}\n\n{unit.text}", last.line, last.prefix
            )
        else:
            draft.warnings.append(
                ParseWarning(unit.line, f"line not understood: {unit.text[:60]!r}")
            )

    unanswered = _trailing_question(turns, draft.warnings)
    if published is None:
        draft.warnings.append(ParseWarning(None, "the document states no publication date"))
    all_text = "\n".join([standfirst or ""] + [u.text for u in units])
    exclude = {normalize(interviewee or ""), normalize(author or ""), normalize(outlet or "")}
    return InterviewDocument(
        file_name=file_name,
        kind="outlet_interview",
        language=detect_language(all_text),
        title=title,
        standfirst=standfirst,
        intro=tuple(intro),
        turns=tuple(turns),
        photo_credits=(),
        outlet=outlet,
        author=author,
        published=published,
        interviewee=interviewee,
        interviewer=interviewer,
        mentions=_mentions([standfirst or "", *intro, *(t.text for t in turns)], exclude),
        unanswered_question=unanswered,
        warnings=tuple(draft.warnings),
    )


def parse_interview(text: str, file_name: str, kind: DocumentKind) -> InterviewDocument:
    if kind == "outlet_interview":
        return parse_outlet_interview(text, file_name)
    return parse_web_interview(text, file_name)


__all__ = ["parse_byline", "parse_interview", "parse_outlet_interview", "parse_web_interview"]
