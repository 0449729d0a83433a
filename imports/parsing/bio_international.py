"""National teams from prose: teams played for, caps, notable matches.

A cap needs a playing statement: a clause about the subject coaching or managing a national
team gives no team, no cap and no match (the coaching reader records the post).
"""

from __future__ import annotations

import re

from .bio_clubs import INTERNATIONAL_HEADING_RE, ProseSentence, ProseState, coaching_spans
from .countries import BY_CODE, COUNTRY_NAME_RE, DEMONYM_RE, country_by_demonym, country_by_name
from .dates import MONTH_RE, YEAR_RE, parse_date, parse_month_year
from .documents import CapsStatement, NationalTeam, NationalTeamMention, NotableMatch
from .prose import NAME, clauses, clean_name, match_club, names_in

_LEVEL = r"(?:U-?|under[- ]|Under[- ])(\d{2})s?"
_TEAM_WORDS = r"(?:(?:football|national|soccer)\s+)*(?:team|side|squad|sides|teams)"
_COUNTRY_OR_DEMONYM = rf"(?:{COUNTRY_NAME_RE.pattern}|{DEMONYM_RE.pattern})"
_YOUTH_WORDS = r"youth|under-?age|age-group|junior|underage"

# A country or its demonym: 'Germany', 'German'.
COUNTRY_OR_DEMONYM_RE = re.compile(_COUNTRY_OR_DEMONYM)
# 'the U19 team of Japan', 'the under-21 side of Germany'.
LEVEL_OF_COUNTRY_RE = re.compile(
    rf"\b(?:the\s+)?{_LEVEL}\s+{_TEAM_WORDS}\s+of\s+{_COUNTRY_OR_DEMONYM}"
)
# 'Germany U19', "Germany's national U21".
COUNTRY_LEVEL_RE = re.compile(rf"{_COUNTRY_OR_DEMONYM}(?:['’]s)?\s+(?:national\s+)?{_LEVEL}")
# 'Germany Olympic', 'Brazil national olympic'.
COUNTRY_OLYMPIC_RE = re.compile(rf"(?i){_COUNTRY_OR_DEMONYM}\s+(?:national\s+)?olympic")
# A level on its own: 'U20', 'under-23 side'.
BARE_LEVEL_RE = re.compile(rf"(?<![\w-]){_LEVEL}(?:\s+{_TEAM_WORDS})?")
# 'German youth team', 'Germany age-group level'.
YOUTH_TEAM_RE = re.compile(
    rf"(?i){_COUNTRY_OR_DEMONYM}\s+(?:{_YOUTH_WORDS})\s+(?:level|{_TEAM_WORDS})"
)
# A playing verb: 'represented', 'played for', 'capped'.
REPRESENTED_RE = re.compile(r"\brepresent\w*\b|\bplayed for\b|\bcapped\b")
# A level phrase: 'at youth level', 'at senior levels'.
LEVEL_WORD_RE = re.compile(rf"\b(?:at|in)\s+(?:the\s+)?({_YOUTH_WORDS}|senior)\s+levels?")
# A senior team: 'Germany national team', 'senior debut for the United States', 'the full
# national team'.
SENIOR_TEAM_RE = re.compile(
    rf"(?:{_COUNTRY_OR_DEMONYM}\s+(?:senior\s+)?national\s+(?:football\s+)?team"
    rf"|\bsenior\s+(?:international\s+)?(?:debut|cap)\s+for\s+(?:the\s+)?"
    rf"{COUNTRY_NAME_RE.pattern}"
    rf"|\bthe\s+(?:senior|full)\s+national\s+team)"
)
# A debut for a country: 'made his debut for Uzbekistan'.
DEBUT_FOR_RE = re.compile(rf"\bdebut\s+for\s+(?:the\s+)?{COUNTRY_NAME_RE.pattern}(?!\s+U)")
# The senior side without a country: 'for the senior team'.
THE_SENIOR_TEAM_RE = re.compile(
    r"\b(?:[Ff]or|[Ww]ith|[Ii]n)\s+the\s+(?:senior|full)\s+(?:team|side|squad)\b"
)
# A caps phrase: '12 international caps', '9 caps'.
CAPS_RE = re.compile(r"\b(\d{1,3})\s+(?:(?:senior|international|full|youth)\s+)*caps?\b")
# Matches for a country: 'played 71 matches for Japan'.
MATCHES_FOR_RE = re.compile(
    rf"\b(\d{{1,3}})\s+(?:matches|appearances|games|internationals)\s+for\s+(?:the\s+)?"
    rf"{COUNTRY_NAME_RE.pattern}"
)
# Appearances for the senior team: 'he made 34 appearances'.
APPEARANCES_RE = re.compile(r"\b(\d{1,3})\s+(?:matches|appearances|games)\b")
# Goals: '2 goals', 'scoring 5', 'scoring four goals', 'scoring twice'.
GOALS_RE = re.compile(
    r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+goals?\b"
    r"|\bscor\w+\s+(\d{1,3}|once|twice)\b"
)
# Where a team's clause ends: ', ', '; '.
CLAUSE_STOP_RE = re.compile(r"[,;]\s")
# The first year: 'since 2019'.
SINCE_RE = re.compile(rf"\bsince\s+({YEAR_RE})\b")
# A span of years: 'between 2000 and 2006'.
BETWEEN_RE = re.compile(rf"\bbetween\s+({YEAR_RE})\s+and\s+({YEAR_RE})\b")
# A year after a team: 'in 2018', 'in January 2012', 'since 2019'.
TEAM_YEAR_RE = re.compile(
    rf"\b(?:since|in|from)\s+(?:\d{{1,2}}\s+)?(?:(?:{MONTH_RE})\s+)?({YEAR_RE})\b", re.I
)

_WORD_NUMBERS = {
    "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_NOTES = (
    ("clean sheet", re.compile(r"(?i)clean sheet|shut ?out")),
    ("scored", re.compile(r"(?i)\bscor(?:ed|ing)\b|\bnetted\b")),
    ("debut", re.compile(r"(?i)\bdebut")),
    ("started", re.compile(r"(?i)\bstart(?:ed|ing)\b")),
    ("substitute", re.compile(r"(?i)\bsubstitute|\bcame on\b|\bcoming on\b")),
    ("captain", re.compile(r"(?i)\bcaptain")),
)
_SCORE = r"(?P<{a}>\d{{1,2}})\s*[-–:]\s*(?P<{b}>\d{{1,2}})"
# A match: 'beat Czechia U20 1-0', 'lost 3–1 to Spain U21', 'a 5–0 win against Bangladesh'.
MATCH_RE = re.compile(
    rf"\b(?P<verb>beat|defeated|lost(?:\s+{_SCORE.format(a='a2', b='b2')})?\s+to"
    rf"|drew(?:\s+{_SCORE.format(a='a3', b='b3')})?\s+(?:with|against)|won\s+against|against)\s+"
    rf"(?P<opp>{NAME})(?:\s+{_SCORE.format(a='a', b='b')})?"
    rf"|\b{_SCORE.format(a='a4', b='b4')}\s+(?P<noun>win|victory|defeat|loss|draw)"
    rf"\s+(?:over|against|to|with)\s+(?P<opp2>{NAME})"
)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORD_NUMBERS[text.lower()]


def _country_code(text: str) -> str | None:
    country = country_by_name(text) or country_by_demonym(text)
    return country.code if country else None


def _team(code: str | None, level: str, written: str) -> NationalTeam:
    return NationalTeam(country=code, level=level, name=" ".join(written.split()))


def _team_name(code: str | None, level: str, fallback: str) -> str:
    country = BY_CODE.get(code or "")
    if country is None:
        return fallback
    return {"senior": country.name, "youth": f"{country.name} youth"}.get(
        level, f"{country.name} {level if level != 'olympic' else 'Olympic'}"
    )


def _score(m: re.Match[str]) -> tuple[int, int] | None:
    for a, b in (("a", "b"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4")):
        if m.group(a) is not None:
            return int(m.group(a)), int(m.group(b))
    return None


def _opponent_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("opp") if m.group("opp") is not None else m.span("opp2")


class InternationalReader:
    """National teams, caps and matches, clause by clause."""

    def __init__(self, state: ProseState) -> None:
        self.state = state
        self.teams: list[NationalTeamMention] = []
        self.caps: list[CapsStatement] = []
        self.matches: list[NotableMatch] = []
        self.context_team: NationalTeam | None = None

    def read(self, item: ProseSentence) -> None:
        international = bool(item.heading and INTERNATIONAL_HEADING_RE.search(item.heading))
        for clause in clauses(item.text):
            self.coaching = coaching_spans(clause)  # 'manager of the England team' is no cap
            self.read_clause(clause, item.line, international)
            if not self.coaching:
                self.read_matches(clause, item)

    def coached(self, position: int) -> bool:
        return any(a <= position <= b for a, b in self.coaching)

    def read_clause(self, clause: str, line: int, international: bool) -> None:
        found, caps = self.teams_in(clause, international)
        found = [f for f in found if not self.coached(f[0])]
        if caps is not None and self.coached(caps.start()):
            caps = None
        for start, _end, team in found:
            year = self._first_year(clause, start, [s for s, _, _ in found])
            self._remember(team, year, line)
        senior = [t for *_, t in found if t.level == "senior"]
        if senior:
            self.context_team = senior[-1]
        count = int(caps.group(1)) if caps else None
        if caps is None and (matches := MATCHES_FOR_RE.search(clause)):
            count = int(matches.group(1))
            caps = matches
        apps = APPEARANCES_RE.search(clause) if caps is None and international else None
        if apps is not None and THE_SENIOR_TEAM_RE.search(clause):
            count, caps = int(apps.group(1)), apps
        if caps is None or count is None:
            return
        goals = GOALS_RE.search(clause)
        since = SINCE_RE.search(clause)
        between = BETWEEN_RE.search(clause)
        teams = tuple(t for s, _, t in found if s > caps.start()) or tuple(t for *_, t in found)
        if not teams and international and self.context_team is not None:
            teams = (self.context_team,)
        same = [c for c in self.caps if c.caps == count]
        if not teams and len(same) == 1:
            teams = same[0].teams  # '59 caps' again, now with the goals
        if not teams:
            self.state.warn(line, f"{count} caps for a team not named: left out")
            return
        statement = CapsStatement(
            caps=count,
            goals=_number(goals.group(1) or goals.group(2)) if goals else None,
            teams=teams,
            since=int(since.group(1)) if since else int(between.group(1)) if between else None,
            line=line,
            until=int(between.group(2)) if between else None,
        )
        for index, known in enumerate(self.caps):
            if (known.caps, known.teams) == (statement.caps, statement.teams):
                self.caps[index] = CapsStatement(
                    known.caps,
                    known.goals if known.goals is not None else statement.goals,
                    known.teams,
                    known.since if known.since is not None else statement.since,
                    known.line,
                    known.until if known.until is not None else statement.until,
                )
                return
        self.caps.append(statement)

    def teams_in(
        self, clause: str, international: bool = False
    ) -> tuple[list[tuple[int, int, NationalTeam]], re.Match[str] | None]:
        """National teams named in a clause (not opponents), and the caps phrase if any."""
        opponent_spans = [_opponent_span(m) for m in MATCH_RE.finditer(clause)]
        found: list[tuple[int, int, NationalTeam]] = []

        def add(start: int, end: int, code: str | None, level: str, written: str) -> None:
            if any(a <= start < b for a, b in opponent_spans):
                return
            if any(s <= start < e or start <= s < end for s, e, _ in found):
                return
            found.append((start, end, _team(code, level, _team_name(code, level, written))))

        for m in LEVEL_OF_COUNTRY_RE.finditer(clause):
            country = m.group(2) or m.group(3)
            add(m.start(), m.end(), _country_code(country), f"U{m.group(1)}", m.group(0))
        for m in COUNTRY_LEVEL_RE.finditer(clause):
            code = _country_code(m.group(1) or m.group(2))
            add(m.start(), m.end(), code, f"U{m.group(3)}", m.group(0))
        for m in COUNTRY_OLYMPIC_RE.finditer(clause):
            add(m.start(), m.end(), _country_code(m.group(1) or m.group(2)), "olympic", m.group(0))
        for m in BARE_LEVEL_RE.finditer(clause):
            code = self._nearest_country(clause[: m.start()])
            add(m.start(), m.end(), code, f"U{m.group(1)}", m.group(0))
        for m in YOUTH_TEAM_RE.finditer(clause):
            add(m.start(), m.end(), _country_code(m.group(1) or m.group(2)), "youth", m.group(0))
        represented = REPRESENTED_RE.search(clause)
        level_word = LEVEL_WORD_RE.search(clause)
        if represented and level_word:
            level = "senior" if level_word.group(1) == "senior" else "youth"
            for m in COUNTRY_NAME_RE.finditer(clause, represented.end(), level_word.start()):
                add(m.start(), m.end(), _country_code(m.group(1)), level, m.group(0))
        for m in SENIOR_TEAM_RE.finditer(clause):
            written = next((g for g in m.groups() if g), None)
            code = _country_code(written) if written else self._nearest_country(clause[: m.start()])
            add(m.start(), m.end(), code or self.state.nationality, "senior", m.group(0))
        for m in DEBUT_FOR_RE.finditer(clause):
            add(m.start(), m.end(), _country_code(m.group(1)), "senior", m.group(1))
        if international and self.state.nationality:
            for m in THE_SENIOR_TEAM_RE.finditer(clause):
                code = self.state.nationality
                add(m.start(), m.end(), code, "senior", _team_name(code, "senior", m.group(0)))
        caps = CAPS_RE.search(clause)
        if caps:
            for m in COUNTRY_NAME_RE.finditer(clause, caps.end()):
                add(m.start(), m.end(), _country_code(m.group(1)), "senior", m.group(0))
        for m in MATCHES_FOR_RE.finditer(clause):
            add(m.start(2), m.end(2), _country_code(m.group(2)), "senior", m.group(2))
        found.sort()
        return found, caps

    def _nearest_country(self, before: str) -> str | None:
        matches = list(COUNTRY_OR_DEMONYM_RE.finditer(before))
        if matches:
            last = matches[-1]
            return _country_code(last.group(1) or last.group(2))
        return self.state.nationality

    @staticmethod
    def _first_year(clause: str, start: int, starts: list[int]) -> int | None:
        """A 'since 2019' / 'in January 2012' after the team and before the next team named."""
        later = [s for s in starts if s > start]
        end = min(later) if later else len(clause)
        if stop := CLAUSE_STOP_RE.search(clause, start, end):
            end = stop.start()  # 'the Japan national team …, and in March 2024 became president'

        m = TEAM_YEAR_RE.search(clause[start:end])
        return int(m.group(1)) if m else None

    def _remember(self, team: NationalTeam, year: int | None, line: int) -> None:
        for index, mention in enumerate(self.teams):
            if (mention.team.country, mention.team.level) == (team.country, team.level):
                if mention.first_year is None and year is not None:
                    self.teams[index] = NationalTeamMention(mention.team, year, mention.line)
                return
        self.teams.append(NationalTeamMention(team, year, line))

    def read_matches(self, clause: str, item: ProseSentence) -> None:
        for m in MATCH_RE.finditer(clause):
            score = _score(m)
            if score is None:
                continue
            a, b = score
            verb = (m.group("verb") or m.group("noun") or "").lower().split()[0]
            if verb in {"beat", "defeated", "won", "win", "victory"}:
                result, gf, ga = "win", max(a, b), min(a, b)
            elif verb in {"lost", "loss", "defeat"}:
                result, gf, ga = "loss", min(a, b), max(a, b)
            elif verb in {"drew", "draw"}:
                result, gf, ga = "draw", a, b
            else:  # 'against X 2-1': the score is given from the player's side
                result = "win" if a > b else "loss" if a < b else "draw"
                gf, ga = a, b
            opp_start, opp_end = _opponent_span(m)
            found, _caps = self.teams_in(clause)
            team = next((t for s, _e, t in found if not opp_start <= s < opp_end), None)
            if team is None and (bare := COUNTRY_NAME_RE.search(clause[:opp_start])):
                code = _country_code(bare.group(1))
                team = _team(code, "senior", _team_name(code, "senior", bare.group(1)))
            club = None if team else self._club_in(clause[:opp_start], item.line)
            notes = tuple(note for note, pattern in _NOTES if pattern.search(clause))
            self.matches.append(
                NotableMatch(
                    date=parse_month_year(item.text) or parse_date(item.text),
                    team=team,
                    club=club,
                    opponent=clean_name(m.group("opp") or m.group("opp2")),
                    goals_for=gf,
                    goals_against=ga,
                    result=result,  # type: ignore[arg-type]
                    notes=notes,
                    line=item.line,
                )
            )

    def _club_in(self, text: str, line: int) -> str | None:
        for _, name in names_in(text):
            if match_club(name, self.state.clubs.known) is not None:
                return self.state.clubs.resolve(name, line)
        return None
