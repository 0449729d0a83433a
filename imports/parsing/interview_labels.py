"""Speaker labels, learned from the document: who asks and who answers.

A label opens a paragraph and ends in a colon ('WERDER.DE: …', 'Özil: …', 'BTB: …') or
stands alone on its line ('Die Welt:'). Labels naming the same person are grouped (full name
then surname, initials of a name, first names, a misspelt surname); a speaker counts when
their labels open two different turns, a label stands alone, or it is a question/answer word.
The asker is the speaker whose turns are questions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from core.text import normalize

from .interview_names import full_name_in, is_initials, person_with_initials, same_person, tokens

# A speaker label opening a paragraph: 'WERDER.DE: Moin Diego', 'Mesut Özil: Wir sind …',
# 'BTB: How …', 'Q: …', or a label alone on its line: 'Die Welt:'.
LABEL_RE = re.compile(
    r"^(?P<label>[^\W_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3}) ?:(?: (?P<text>\S.*))?$"
)
# A quotation inside a short line: 'Japan? „Könnte ich mir … vorstellen“'.
QUOTED_SEGMENT_RE = re.compile(r"[„“\"»«][^„“\"»«]{3,}[“”\"«»]")
# A domain written as a label: 'bundesliga.de', 'WERDER.DE'.
DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,4}")

QUESTION_WORDS = frozenset({"frage", "f", "q", "qu", "question", "interviewer"})
ANSWER_WORDS = frozenset({"antwort", "a", "answer"})
_PARTICLES = frozenset(
    [
        "the",
        "of",
        "and",
        "der",
        "die",
        "das",
        "von",
        "vom",
        "van",
        "de",
        "da",
        "del",
        "di",
        "du",
        "le",
        "la",
        "y",
    ]
)
QUOTE_OPEN = "\"“„‚»«'"
QUOTE_CLOSE = "\"”“‘’«»'"


def is_question_shaped(text: str) -> bool:
    return text.rstrip().endswith(("?", "...", "…", "?“", '?"', "?”"))


def is_quoted(text: str) -> bool:
    return text.strip()[:1] in '"“„»«' or text.startswith("''")


def strip_quotes(text: str) -> str:
    """Enclosing quotation marks off, the text kept: '“Being a player-manager …' -> 'Being …'."""
    text = text.strip()
    text = text.removeprefix("''") if text.startswith("''") else text
    if text[:1] in QUOTE_OPEN:
        text = text[1:]
    if text[-1:] in QUOTE_CLOSE and text[-1:] != "'":
        text = text[:-1]
    return text.strip()


def is_subheading(text: str) -> bool:
    """A short line carrying a quotation and no sentence end: 'Japan? „Könnte ich …“'."""
    stripped = text.strip()
    if len(stripped) > 120 or not QUOTED_SEGMENT_RE.search(stripped):
        return False
    return not stripped.rstrip(QUOTE_CLOSE).endswith((".", ":", "!", "?", ","))


def _well_shaped(label: str) -> bool:
    """'Mesut Özil', 'Behind the Badge', 'bundesliga.de', 'BH', 'Q' — not 'Last updated'."""
    if normalize(label) in QUESTION_WORDS | ANSWER_WORDS or DOMAIN_RE.fullmatch(label):
        return True
    if " " not in label:
        return True  # one word in any case ('kicker'); counted only when used twice
    return all(
        w[:1].isupper() or w[:1].isdigit() or (i > 0 and w in _PARTICLES)
        for i, w in enumerate(label.split())
    )


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # the fullest form: 'Mesut Özil', 'Behind the Badge', 'NS'
    labels: frozenset[str]  # as written
    asks: bool
    turns: int  # labelled turns


@dataclass(frozen=True, slots=True)
class Labelled:
    speaker: Speaker
    label: str
    text: str | None  # None when the label stands alone on its line


@dataclass(frozen=True, slots=True)
class Cast:
    speakers: tuple[Speaker, ...]

    @property
    def asker(self) -> Speaker | None:
        return next((s for s in self.speakers if s.asks), None)

    @property
    def answerers(self) -> tuple[Speaker, ...]:
        return tuple(s for s in self.speakers if not s.asks)

    @property
    def questions_labelled(self) -> bool:
        """The asker's label is on (nearly) every question, so a bare paragraph continues."""
        asker = self.asker
        answers = sum(s.turns for s in self.answerers)
        return asker is not None and asker.turns * 2 >= answers

    @property
    def answers_labelled(self) -> bool:
        return bool(self.answerers)

    def sole_answerer(self) -> str | None:
        answerers = self.answerers
        return answerers[0].name if len(answerers) == 1 else None

    def labelled(self, text: str) -> Labelled | None:
        """The known speaker label opening a paragraph, and the turn's text."""
        m = LABEL_RE.match(text)
        if not m:
            return None
        for speaker in self.speakers:
            if m["label"] in speaker.labels:
                if m["text"] is not None and is_subheading(text) and is_quoted(m["text"]):
                    return None
                return Labelled(speaker, m["label"], m["text"])
        return None


def _label_uses(paragraphs: list[str]) -> tuple[dict[str, set[str]], set[str], Counter[str]]:
    """Each name-shaped label with the distinct texts it opens, the labels alone on their
    line, and how many of each label's turns are questions."""
    uses: dict[str, set[str]] = {}
    alone: set[str] = set()
    asked: Counter[str] = Counter()
    for index, text in enumerate(paragraphs):
        m = LABEL_RE.match(text)
        if not m or not _well_shaped(m["label"]):
            continue
        body = m["text"]
        if body is None:
            body = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            alone.add(m["label"])
        elif is_subheading(text) and is_quoted(body):
            continue
        uses.setdefault(m["label"], set()).add(body)
        asked[m["label"]] += is_question_shaped(body)
    return uses, alone, asked


def _group(labels: set[str], uses: dict[str, set[str]]) -> list[list[str]]:
    """Labels of the same person together, the fullest and most used first: ['Mesut Özil',
    'Özil'], ['Svärd', 'Svard']."""
    groups: list[list[str]] = []
    for label in sorted(labels, key=lambda lab: (-len(tokens(lab)), -len(uses[lab]), lab)):
        owners = [g for g in groups if same_person(label, g[0])]
        if len(owners) == 1 and normalize(label) not in QUESTION_WORDS | ANSWER_WORDS:
            owners[0].append(label)
        else:
            groups.append([label])
    return groups


def _asker(groups: list[list[str]], uses: dict[str, set[str]], asked: Counter[str]) -> int | None:
    for index, group in enumerate(groups):
        if normalize(group[0]) in QUESTION_WORDS:
            return index
    answer_groups = [i for i, g in enumerate(groups) if normalize(g[0]) in ANSWER_WORDS]
    if answer_groups and len(groups) == 2:
        return 1 - answer_groups[0]
    domains = [i for i, g in enumerate(groups) if DOMAIN_RE.fullmatch(g[0])]
    if len(domains) == 1 and len(groups) > 1:
        return domains[0]  # an outlet's domain asks, even a question written as a statement

    def ratio(group: list[str]) -> float:
        turns = sum(len(uses[label]) for label in group)
        return sum(asked[label] for label in group) / turns

    best = max(range(len(groups)), key=lambda i: ratio(groups[i]), default=None)
    if best is None or ratio(groups[best]) < 0.5:
        return None
    outlet_like = bool(DOMAIN_RE.fullmatch(groups[best][0])) or groups[best][0].isupper()
    return best if len(groups) > 1 or outlet_like else None


def _named_elsewhere(label: str, context: str) -> bool:
    """A person's full name ('Marco Djuricin') or an outlet's domain ('abseits.at') that the
    document also writes outside this label: a speaker even if they speak only once."""
    if DOMAIN_RE.fullmatch(label):
        return True
    words = label.split()
    return 2 <= len(words) <= 4 and _well_shaped(label) and context.count(label) >= 2


def _asks_a_speaker(label: str, paragraphs: list[str], speakers: set[str]) -> bool:
    """A label opening a question that a known speaker's label answers next ('ran: …?' then
    'Markus Babbel: …'): the asker of a one-question interview."""
    for index, text in enumerate(paragraphs[:-1]):
        m = LABEL_RE.match(text)
        if not m or m["label"] != label or not is_question_shaped(m["text"] or ""):
            continue
        following = LABEL_RE.match(paragraphs[index + 1])
        if following and following["label"] in speakers and following["label"] != label:
            return True
    return False


def _counted(group: list[str], uses: dict[str, set[str]], alone: set[str], context: str) -> bool:
    return (
        sum(len(uses[label]) for label in group) >= 2
        or any(label in alone for label in group)
        or normalize(group[0]) in QUESTION_WORDS | ANSWER_WORDS
        or _named_elsewhere(group[0], context)
    )


def learn_cast(paragraphs: list[str], context: str) -> Cast:
    """The speakers of the document from its labels; context spells out names and initials."""
    uses, alone, asked = _label_uses(paragraphs)
    every = _group(set(uses), uses)
    groups = [group for group in every if _counted(group, uses, alone, context)]
    known = {label for group in groups for label in group}
    groups += [
        group
        for group in every
        if group not in groups and _asks_a_speaker(group[0], paragraphs, known)
    ]
    asker = _asker(groups, uses, asked)
    speakers = []
    for index, group in enumerate(groups):
        head = group[0]
        name = head
        if is_initials(head):
            name = person_with_initials(head, context) or head
        elif index != asker and len(tokens(head)) == 1 and not DOMAIN_RE.fullmatch(head):
            name = full_name_in(head, context) or head
        turns = sum(len(uses[label]) for label in group)
        speakers.append(Speaker(name, frozenset(group), index == asker, turns))
    return Cast(tuple(speakers))
