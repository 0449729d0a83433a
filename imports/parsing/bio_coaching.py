"""Coaching and administration jobs of the subject: recorded as posts, never as caps,
national-team mentions, spells or a current club."""

from __future__ import annotations

import re

from core.text import normalize

from .bio_career import date_in
from .bio_clubs import ProseSentence, ProseState, club_list, is_club_name, strip_leading_words
from .documents import CoachingPost, PartialDate, PostKind
from .prose import NAME, clean_name, match_club

ROLE = (
    r"(?:(?:head|youth|assistant|caretaker|interim|first-team|joint)\s+)?(?:coach|manager)"
    r"|player-manager|player-coach|president|general\s+secretary|chairman"
    r"|sporting\s+director|technical\s+director"
)
# A post held: 'was manager of the England national team', 'currently head coach of
# Catanzaro', 'was appointed head coach of Pisa', 'worked as a youth coach and caretaker
# manager at Preston', 'became president of the Japan Football Association'.
POST_RE = re.compile(
    r"\b(?:was|is|became|been|as|currently|worked\s+as)\s+(?:(?:later|then|also|appointed|named)\s+)?"
    rf"(?:(?:the|an?|its)\s+)?(?P<role>(?:{ROLE})(?:\s+and\s+(?:{ROLE}))?)\s+(?:of|at)\s+"
    rf"(?:the\s+)?(?P<team>{NAME}(?:\s+national\s+(?:football\s+)?team)?)"
)
# Teams coached or managed: 'managed Blackpool and Notts County', 'coached Fiorentina's
# youth team and Pisa'.
COACHED_RE = re.compile(r"\b(?P<verb>managed|coached)\s+(?!by\b)")
# A youth side of a club in a list: "Fiorentina's youth team".
YOUTH_SIDE_RE = re.compile(r"['’]s\s+(?:youth|under-\d{2}|reserve)\s+(?:team|side)")
# Taking charge: 'took charge of Catanzaro'.
TOOK_CHARGE_RE = re.compile(rf"\btook\s+charge\s+of\s+(?:the\s+)?(?P<team>{NAME})")
# An administration role: 'president', 'general secretary'.
ADMINISTRATION_RE = re.compile(r"president|secretary|chairman|director")


class CoachingReader:
    def __init__(self, state: ProseState) -> None:
        self.state = state
        self.posts: list[CoachingPost] = []

    def team(self, name: str) -> str | None:
        name = strip_leading_words(name)
        if name.endswith("national team") or name.endswith("national football team"):
            return name
        if not is_club_name(name):
            if "Association" in name or "Federation" in name:
                return name
            return None
        return match_club(name, self.state.clubs.known) or clean_name(name)

    def read(self, item: ProseSentence) -> None:
        text, line = item.text, item.line
        for m in POST_RE.finditer(text):
            if team := self.team(m.group("team")):
                rest = text[m.end() : m.end() + 40].split(",")[0]
                start = date_in(rest) or date_in(text[: m.start()])
                current = "currently" in m.group(0)
                self.add(m.group("role"), team, start, line, current)
        for m in TOOK_CHARGE_RE.finditer(text):
            team = self.team(m.group("team"))
            if team and not any(normalize(p.team_or_club) == normalize(team) for p in self.posts):
                self.add("in charge", team, None, line, False)
        for m in COACHED_RE.finditer(text):
            role = "manager" if m.group("verb") == "managed" else "coach"
            for offset, name in club_list(text, m.end()):
                if team := self.team(name):
                    after = text[offset + len(name) : offset + len(name) + 20]
                    youth = YOUTH_SIDE_RE.match(after)
                    self.add(f"youth {role}" if youth else role, team, None, line, False)

    def add(
        self, role: str, team: str, start: PartialDate | None, line: int, current: bool
    ) -> None:
        role = " ".join(role.lower().split())
        kind: PostKind = "administration" if ADMINISTRATION_RE.search(role) else "coaching"
        for index, post in enumerate(self.posts):
            if normalize(post.team_or_club) == normalize(team) and post.role == role:
                if start is not None and (
                    post.start is None
                    or (post.start.year == start.year and post.start.precision == "year")
                ):  # 'in 2016' in the lead, 'On 22 July 2016' in the section
                    self.posts[index] = CoachingPost(
                        role, post.team_or_club, start, post.end, post.line, post.current, kind
                    )
                return
        self.posts.append(CoachingPost(role, team, start, None, line, current, kind))
