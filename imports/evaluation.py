"""How well the importer reads documents whose facts an editor wrote down.

Each document ``X.txt`` of a folder has ``X.txt.expected.json`` (the format of
``tests/corpus/``: ``biographies``, ``interviews`` and ``articles``, see its README). After
the documents are imported, :func:`evaluate` compares what the database holds with what
the editor expected, fact by fact: *found* (stored as expected), *missing* (nothing
stored) or *contradicted* (a stored value differs: a wrong fact, the worst outcome).
Used by ``bench/corpus_report.py`` and the corpus tests.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db.models import Q
from django.utils import timezone

from core.text import normalize
from interviews.models import Interview, Turn
from players.models import Cap, Player, SeasonStatistics, Spell

FOUND, MISSING, CONTRADICTED = "found", "missing", "contradicted"
# Expected-file keys of a stats row → the model's competition columns.
EXPECTED_COLUMNS = {
    "league": "league",
    "cup": "cup",
    "league_cup": "league_cup",
    "europe": "continental",
    "other": "other",
}
_CLUB_NOISE = {"fc", "cf", "afc", "sc", "ac", "the", "club", "de", "f", "c"}


@dataclass
class Fact:
    name: str
    outcome: str
    detail: str = ""


@dataclass
class DocumentResult:
    file: str
    facts: list[Fact] = field(default_factory=list)
    error: str = ""

    def add(self, name: str, outcome: str, detail: str = "") -> None:
        self.facts.append(Fact(name, outcome, detail))

    def count(self, outcome: str) -> int:
        return sum(fact.outcome == outcome for fact in self.facts)

    @property
    def problems(self) -> list[Fact]:
        return [fact for fact in self.facts if fact.outcome != FOUND]


def expected_files(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(document, expected facts) for every document of folder that has them."""
    pairs = []
    for expected in sorted(folder.glob("*.expected.json")):
        document = expected.with_name(expected.name.removesuffix(".expected.json"))
        if document.exists():
            pairs.append((document, json.loads(expected.read_text(encoding="utf-8"))))
    return pairs


# --- matching names ---------------------------------------------------------------------


def _words(name: str) -> set[str]:
    return set(normalize(name).split()) - _CLUB_NOISE


def same_club(expected: str, stored: str, *aliases: str) -> bool:
    """'Copenhagen' is 'F.C. Copenhagen'; 'Bolton' is 'Bolton Wanderers'."""
    for name in (stored, *aliases):
        if not name:
            continue
        if normalize(name) == normalize(expected):
            return True
        want, have = _words(expected), _words(name)
        if want and have and (want <= have or have <= want):
            return True
    return False


def _club_names(club: Any) -> tuple[str, ...]:
    if club is None:
        return ()
    return (club.name, club.short_name, *(alt.name for alt in club.alternative_names.all()))


def find_player(name: str) -> Player | None:
    wanted = normalize(name)
    for player in Player.objects.filter(
        Q(search_text__contains=wanted) | Q(alternative_names__name__iexact=name)
    ).distinct():
        names = {
            player.full_name,
            player.known_as,
            *player.alternative_names.values_list("name", flat=True),
        }
        if wanted in {normalize(n) for n in names if n}:
            return player
    return None


# --- biographies ------------------------------------------------------------------------


def _stat_outcome(expected: list[int] | None, row: SeasonStatistics, column: str) -> str:
    apps, goals = getattr(row, f"{column}_apps"), getattr(row, f"{column}_goals")
    if expected is None:
        return FOUND if apps is None and goals is None else CONTRADICTED
    if apps is None and goals is None:
        return MISSING
    return FOUND if [apps, goals] == list(expected) else CONTRADICTED


def _stats(result: DocumentResult, player: Player, expected_rows: list[dict[str, Any]]) -> None:
    rows = list(
        SeasonStatistics.objects.filter(player=player)
        .select_related("club", "season", "division")
        .prefetch_related("club__alternative_names")
        .order_by("season__start_year", "id")
    )
    used: set[int] = set()
    for expected in expected_rows:
        label = f"stats {expected['club']} {expected['season']}"
        candidates = [
            row
            for row in rows
            if row.pk not in used
            and str(row.season.start_year) == str(expected["season"])
            and same_club(expected["club"], *_club_names(row.club))
        ]
        if expected.get("loan") is not None:
            candidates.sort(key=lambda row: row.on_loan != expected["loan"])
        if not candidates:
            result.add(label, MISSING, "no row")
            continue
        row = candidates[0]
        used.add(row.pk)
        for key, column in EXPECTED_COLUMNS.items():
            if key in expected:
                outcome = _stat_outcome(expected[key], row, column)
                detail = "" if outcome == FOUND else _stat_detail(expected[key], row, column)
                result.add(f"{label} {key}", outcome, detail)
        division = expected.get("division")
        if division:
            stored = row.division.name if row.division else None
            outcome = (
                MISSING
                if stored is None
                else FOUND
                if normalize(stored) == normalize(division)
                else CONTRADICTED
            )
            result.add(f"{label} division", outcome, f"{stored!r} vs {division!r}")
        elif expected.get("division_tier") is not None:
            tier = row.division_tier
            outcome = (
                MISSING
                if tier is None
                else FOUND
                if tier == expected["division_tier"]
                else CONTRADICTED
            )
            result.add(f"{label} tier", outcome, f"{tier} vs {expected['division_tier']}")
    extra = [row for row in rows if row.pk not in used]
    for row in extra:
        result.add(f"stats {row.club} {row.season}", CONTRADICTED, "a row the source does not have")


def _stat_detail(expected: list[int] | None, row: SeasonStatistics, column: str) -> str:
    stored = [getattr(row, f"{column}_apps"), getattr(row, f"{column}_goals")]
    return f"stored {stored}, expected {expected}"


def _compare(result: DocumentResult, name: str, expected: Any, stored: Any, same: bool) -> None:
    if stored in (None, "", []):
        result.add(name, MISSING, f"expected {expected!r}")
    else:
        result.add(
            name, FOUND if same else CONTRADICTED, f"stored {stored!r}, expected {expected!r}"
        )


def evaluate_biography(result: DocumentResult, expected: dict[str, Any]) -> None:
    player = find_player(expected["player"])
    if player is None:
        result.add("player", MISSING, expected["player"])
        return
    result.add("player", FOUND)
    names = {normalize(n) for n in (player.full_name, player.known_as) if n}
    names |= {normalize(alt.name) for alt in player.alternative_names.all()}
    for alias in expected.get("aliases") or []:
        result.add(f"alias {alias}", FOUND if normalize(alias) in names else MISSING)
    if birthplace := expected.get("birthplace"):
        stored = player.place_of_birth
        _compare(
            result, "birthplace", birthplace, stored,
            bool(stored) and normalize(stored).startswith(normalize(birthplace)),
        )  # fmt: skip
    if position := expected.get("position"):
        from imports.parsing.prose import parse_position

        parsed = parse_position(position)
        category = parsed.category if parsed else None
        _compare(result, "position", position, player.position, player.position == category)
    current = expected.get("current_club", "absent")
    if current is None:
        result.add(
            "current club (none)",
            FOUND if player.current_club_id is None else CONTRADICTED,
            f"stored {player.current_club}",
        )
    elif current != "absent":
        club = player.current_club
        _compare(
            result,
            "current club",
            current,
            club,
            club is not None and same_club(current, *_club_names(club)),
        )
    _stats(result, player, expected.get("stats") or [])
    spells = list(Spell.objects.filter(player=player).select_related("club", "owner_club"))
    for loan in expected.get("loans") or []:
        match = [
            s
            for s in spells
            if s.kind == Spell.Kind.LOAN
            and same_club(loan["club"], *_club_names(s.club))
            and (
                s.start is None
                or str(s.start.year) in (str(loan["season"]), str(int(loan["season"]) + 1))
            )
        ]
        label = f"loan {loan['club']} {loan['season']}"
        if not match:
            result.add(label, MISSING)
        else:
            owner_ok = loan.get("owner") is None or any(
                s.owner_club and same_club(loan["owner"], *_club_names(s.owner_club)) for s in match
            )
            result.add(label, FOUND if owner_ok else CONTRADICTED, f"owner {match[0].owner_club}")
    for club in expected.get("youth_clubs") or []:
        found = any(
            s.kind == Spell.Kind.YOUTH and same_club(club, *_club_names(s.club)) for s in spells
        )
        result.add(f"youth club {club}", FOUND if found else MISSING)
    caps = list(Cap.objects.filter(player=player).select_related("national_team__country"))
    teams = expected.get("national_teams") or []
    for team in teams:
        found = any(normalize(str(cap.national_team)) == normalize(team) for cap in caps)
        result.add(f"national team {team}", FOUND if found else MISSING)
    for cap in caps:
        if not any(normalize(str(cap.national_team)) == normalize(team) for team in teams):
            result.add(f"national team {cap.national_team}", CONTRADICTED, "not in the source")
    for entry in expected.get("caps") or []:
        found_cap: Cap | None = next(
            (c for c in caps if normalize(str(c.national_team)) == normalize(entry["team"])), None
        )
        if found_cap is None or found_cap.caps is None:
            result.add(f"caps {entry['team']}", MISSING)
        else:
            same = found_cap.caps == entry.get("caps") and (
                entry.get("goals") is None or found_cap.goals in (None, entry["goals"])
            )
            result.add(
                f"caps {entry['team']}",
                FOUND if same else CONTRADICTED,
                f"stored {found_cap.caps}/{found_cap.goals}",
            )
    _coaching_not_playing(result, expected, spells)


def _coaching_not_playing(
    result: DocumentResult, expected: dict[str, Any], spells: list[Spell]
) -> None:
    """A club the player only coached is never a playing spell (the must_not of the corpus)."""
    played = {row["club"] for row in expected.get("stats") or []}
    played |= set(expected.get("youth_clubs") or []) | {
        loan["club"] for loan in expected.get("loans") or []
    }
    for post in expected.get("coaching") or []:
        club = post.get("club")
        if not club or any(same_club(club, other) for other in played):
            continue
        wrong = [s for s in spells if same_club(club, *_club_names(s.club))]
        result.add(
            f"no playing spell at {club} (coached)",
            CONTRADICTED if wrong else FOUND,
            "spell recorded" if wrong else "",
        )


# --- interviews -------------------------------------------------------------------------


def find_interview(expected: dict[str, Any]) -> Interview | None:
    title = normalize(expected.get("title") or "")
    for interview in Interview.objects.select_related("outlet"):
        if normalize(interview.title) == title:
            return interview
    return None


def _date_matches(expected: str, stored: dt.datetime | None) -> bool:
    if stored is None:
        return False
    wanted = dt.datetime.fromisoformat(expected) if "T" in expected else None
    if wanted is not None and wanted.tzinfo is not None:
        return stored == wanted
    return timezone.localtime(stored).date().isoformat() == expected[:10]


def evaluate_interview(result: DocumentResult, expected: dict[str, Any]) -> None:
    interview = find_interview(expected)
    if interview is None:
        result.add("title", MISSING, expected.get("title", ""))
        return
    result.add("title", FOUND)
    if outlet := expected.get("outlet"):
        stored = interview.outlet.name if interview.outlet else None
        _compare(
            result,
            "outlet",
            outlet,
            stored,
            stored is not None and normalize(stored) == normalize(outlet),
        )
    author = expected.get("author")
    if author:
        _compare(
            result,
            "author",
            author,
            interview.author,
            normalize(author) in normalize(interview.author),
        )
    if expected.get("date"):
        stored_date = interview.published_at
        _compare(
            result,
            "date",
            expected["date"],
            stored_date,
            _date_matches(expected["date"], stored_date),
        )
    elif "date" in expected:
        result.add("no date", FOUND if interview.published_at is None else CONTRADICTED)
    turns = list(interview.turns.order_by("order"))
    questions = [t for t in turns if t.kind == Turn.Kind.QUESTION]
    answers = [t for t in turns if t.kind == Turn.Kind.ANSWER]
    for key, stored_turns in (("questions", questions), ("answers", answers)):
        if key in expected:
            _compare(
                result,
                key,
                expected[key],
                len(stored_turns) or None,
                len(stored_turns) == expected[key],
            )
    for key, stored_turns in (("first_question", questions), ("first_answer", answers)):
        if text := expected.get(key):
            stored = stored_turns[0].text if stored_turns else None
            same = stored is not None and normalize(stored).startswith(normalize(text)[:80])
            _compare(result, key, text, stored, same)
    credits = [normalize(c.credit) for c in interview.photo_credits.all()]
    for credit in expected.get("photo_credits") or []:
        found = any(normalize(credit) in stored for stored in credits)
        result.add(f"photo credit {credit}", FOUND if found else MISSING)
    texts = [normalize(t.text) for t in turns]
    for junk in expected.get("junk_absent") or []:
        present = any(normalize(junk) in text for text in texts)
        result.add(f"no junk {junk[:30]!r}", CONTRADICTED if present else FOUND)


def evaluate_article(result: DocumentResult, expected: dict[str, Any], refused: str) -> None:
    interview = find_interview(expected)
    if refused:
        result.add("refused as an article", FOUND, refused)
    elif interview is None or not interview.turns.exists():
        result.add("no turns", FOUND)
    else:
        result.add("no turns", CONTRADICTED, f"{interview.turns.count()} turns stored")


def evaluate(document: Path, expected: dict[str, Any], *, failure: str = "") -> DocumentResult:
    """Compare the database with the expected facts of one imported document."""
    result = DocumentResult(document.name, error=failure)
    for item in expected.get("biographies") or []:
        evaluate_biography(result, item)
    for item in expected.get("interviews") or []:
        evaluate_interview(result, item)
    for item in expected.get("articles") or []:
        evaluate_article(result, item, failure)
    return result


def totals(results: Iterable[DocumentResult]) -> dict[str, int]:
    counted = {FOUND: 0, MISSING: 0, CONTRADICTED: 0}
    for result in results:
        for outcome in counted:
            counted[outcome] += result.count(outcome)
    return counted
