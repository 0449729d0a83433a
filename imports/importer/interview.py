"""A parsed interview onto Outlet, Interview, Turns, PhotoCredits and Mentions."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from django.utils import timezone

from clubs.models import Club, ClubName
from core.text import normalize
from imports.importer.common import find_player
from imports.importer.records import Recorder
from imports.parsing.documents import InterviewDocument
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from players.models import Player, PlayerName

DELETABLE = (Turn, PhotoCredit, Mention)
_WORD = re.compile(r"\w+")


class InterviewImport:
    def __init__(self, recorder: Recorder, document: InterviewDocument) -> None:
        self.recorder = recorder
        self.doc = document
        self.report = recorder.report

    def run(self) -> Interview:
        doc = self.doc
        for warning in doc.warnings:
            self.report.warn(warning.line, warning.message)
        outlet = None
        if doc.outlet:
            outlet = Outlet.objects.filter(name__iexact=doc.outlet).first()
            outlet = self.recorder.sync(
                Outlet,
                lookup=None,
                instance=outlet,
                values={},
                create_only={"name": doc.outlet},
                line=None,
                reference=True,
            )
        title = doc.title
        if not title:
            about = doc.interviewee or "?"
            title = f"{about} – {doc.outlet} interview" if doc.outlet else f"Interview: {about}"
            self.report.warn(None, f"the document states no title; titled “{title}”")
        interview = self.previous_interview() or (
            Interview.objects.filter(outlet=outlet, title=title).order_by("pk").first()
        )
        values: dict[str, Any] = {"title": title, "language": doc.language or "en"}
        if outlet is not None:
            values["outlet"] = outlet
        authors = doc.authors or ((doc.author,) if doc.author else ())
        if authors:
            values["author"] = ", ".join(authors)[:200]
        if doc.standfirst:
            values["standfirst"] = doc.standfirst
        if isinstance(doc.published, dt.datetime):
            published = doc.published
            if timezone.is_naive(published):
                published = timezone.make_aware(published)
            values |= {"published_at": published, "published_precision": "minute"}
        elif isinstance(doc.published, dt.date):
            midnight = dt.datetime.combine(doc.published, dt.time())
            values |= {
                "published_at": timezone.make_aware(midnight),
                "published_precision": "date",
            }
        # Everyone who answers is an interviewee (two players in one interview: both).
        interviewees = list(
            dict.fromkeys(doc.speakers or ((doc.interviewee,) if doc.interviewee else ()))
        )
        players = []
        for name in interviewees:
            found = find_player(name, surname=len(interviewees) == 1)
            if found is not None:
                players.append(found)
            else:
                self.report.warn(None, f"the interviewee {name} is not a known player; not linked")
        if players:
            values["players"] = players
        interview = self.recorder.sync(
            Interview, lookup=None, instance=interview, values=values, line=1
        )
        self.fresh = self.recorder.created
        self.turns(interview)
        self.photo_credits(interview)
        self.mentions(interview, exclude=players)
        return interview

    def previous_interview(self) -> Interview | None:
        content_type = self.recorder.content_type_id(Interview)
        ids = [oid for (ct, oid) in self.recorder.previous if ct == content_type]
        return Interview.objects.filter(pk__in=ids).order_by("pk").first() if ids else None

    def turns(self, interview: Interview) -> None:
        blocks: list[tuple[str, str, str, int | None]] = [
            (Turn.Kind.PARAGRAPH, "", text, None) for text in self.doc.intro
        ]
        # An unprefixed question is the outlet's (or the interviewer's) to ask.
        asker = self.doc.interviewer or self.doc.outlet or ""
        blocks += [
            (t.kind, t.speaker or (asker if t.kind == "question" else ""), t.text, t.line)
            for t in self.doc.turns
        ]
        existing = {} if self.fresh else {t.order: t for t in interview.turns.all()}
        for order, (kind, speaker, text, line) in enumerate(blocks, start=1):
            self.recorder.sync(
                Turn,
                lookup=None,
                instance=existing.get(order),
                values={"kind": kind, "speaker": speaker, "text": text},
                create_only={"interview": interview, "order": order},
                line=line,
                find=not self.fresh,
            )

    def photo_credits(self, interview: Interview) -> None:
        existing = {} if self.fresh else {c.order: c for c in interview.photo_credits.all()}
        for order, credit in enumerate(self.doc.photo_credits, start=1):
            self.recorder.sync(
                PhotoCredit,
                lookup=None,
                instance=existing.get(order),
                values={"caption": credit.caption, "credit": credit.credit or ""},
                create_only={"interview": interview, "order": order},
                line=credit.lines[0] if credit.lines else None,
                find=not self.fresh,
            )

    def texts(self) -> list[tuple[str, int | None]]:
        doc = self.doc
        texts: list[tuple[str, int | None]] = [(doc.title or "", 1), (doc.standfirst or "", None)]
        texts += [(text, None) for text in doc.intro]
        texts += [(turn.text, turn.line) for turn in doc.turns]
        texts += [(c.caption, c.lines[0] if c.lines else None) for c in doc.photo_credits]
        return texts

    def mentions(self, interview: Interview, *, exclude: list[Player]) -> None:
        """Known players and clubs named in the text: full, alternative and surnames."""
        index = NameIndex.build(exclude=exclude)
        found: dict[tuple[str, int], tuple[str, int | None]] = {}
        for text, line in self.texts():
            for key, name in index.find(text):
                found.setdefault(key, (name, line))
        existing = {
            ("player", m.player_id) if m.player_id else ("club", m.club_id): m
            for m in ([] if self.fresh else interview.mentions.all())
        }
        for (kind, pk), (name, line) in sorted(found.items(), key=lambda item: item[1][1] or 0):
            self.recorder.sync(
                Mention,
                lookup=None,
                instance=existing.get((kind, pk)),
                values={"name": name[:200]},
                create_only={"interview": interview, f"{kind}_id": pk},
                line=line,
                find=not self.fresh,
            )


class NameIndex:
    """Normalised names of every known player and club, by their first word.

    A fixed number of queries whatever the number of players: the names are read in
    four queries and matched in Python.
    """

    def __init__(self) -> None:
        self.names: dict[str, list[tuple[tuple[str, ...], tuple[str, int]]]] = defaultdict(list)

    def add(self, name: str, key: tuple[str, int]) -> None:
        words = tuple(normalize(name).split())
        if words:
            self.names[words[0]].append((words, key))

    @classmethod
    def build(cls, *, exclude: list[Player]) -> NameIndex:
        index = cls()
        surnames: dict[str, set[int]] = defaultdict(set)
        excluded = {player.pk for player in exclude}
        for pk, full_name, known_as in Player.objects.values_list("pk", "full_name", "known_as"):
            if pk in excluded:
                continue
            for name in (full_name, known_as):
                if name:
                    index.add(name, ("player", pk))
                    last = normalize(name).split()[-1:]
                    if last and len(last[0]) >= 3:
                        surnames[last[0]].add(pk)
        for pk, name in PlayerName.objects.values_list("player_id", "name"):
            if pk not in excluded:
                index.add(name, ("player", pk))
        for surname, pks in surnames.items():
            if len(pks) == 1:  # an ambiguous surname names nobody
                index.add(surname, ("player", next(iter(pks))))
        for pk, name, short_name in Club.objects.values_list("pk", "name", "short_name"):
            for club_name in (name, short_name):
                if club_name:
                    index.add(club_name, ("club", pk))
        for pk, name in ClubName.objects.values_list("club_id", "name"):
            index.add(name, ("club", pk))
        for entries in index.names.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # longest name first
        return index

    def find(self, text: str) -> list[tuple[tuple[str, int], str]]:
        """(record key, name as written) for each known name in text."""
        matches = list(_WORD.finditer(text))
        words = [normalize(m.group()) for m in matches]
        found = []
        i = 0
        while i < len(words):
            for name_words, key in self.names.get(words[i], ()):
                end = i + len(name_words)
                if tuple(words[i:end]) == name_words:
                    found.append((key, text[matches[i].start() : matches[end - 1].end()]))
                    i = end - 1
                    break
            i += 1
        return found
