"""Wikipedia-style biography: title, infobox, lead, sections, statistics table, prose facts."""

from __future__ import annotations

import re

from core.text import normalize

from .countries import COUNTRY_NAME_RE, DEMONYM_RE, country_by_demonym, country_by_name
from .dates import MONTH_RE, YEAR_RE, parse_date, parse_month_year, season_in_text, season_starting
from .documents import (
    BiographyDocument,
    CapsStatement,
    ClubAlias,
    ContractStatement,
    Infobox,
    Lead,
    LoanStatement,
    NationalTeam,
    NationalTeamMention,
    NotableMatch,
    ParseError,
    ParseWarning,
    PartialDate,
    Section,
    StatsTable,
    Transfer,
    YouthSpell,
)
from .prose import NAME, Sentence, clauses, clean_name, match_club, names_in, parse_position
from .prose import split_sentences as _split
from .statistics import check_totals, parse_table

# The article title: '= Mio Backhaus ='.
TITLE_RE = re.compile(r"^\s*=([^=]+)=\s*$")
# A section heading, two to six equals signs each side: '==Career statistics=='.
HEADING_RE = re.compile(r"^\s*(={2,6})([^=]+)\1\s*$")
INFOBOX_RE = re.compile(r"^\s*[-*•]\s*([^:|]{1,40}?)\s*:\s*(.*?)\s*$")

# --- infobox ------------------------------------------------------------------------------

_INFOBOX_KEYS: dict[str, str] = {}
for _field, _keys in {
    "full_name": ("full name", "name", "birth name"),
    "birth_place": ("birthplace", "place of birth", "birth place", "born in", "hometown"),
    "birth_date": ("date of birth", "birth date", "birthdate", "born", "dob"),
    "position": ("position", "positions", "position s", "playing position"),
    "current_club": ("current club", "club", "current team", "team"),
    "height": ("height",),
    "nationalities": ("nationality", "nationalities", "citizenship", "country"),
    "shirt_number": ("number", "shirt number", "squad number", "no"),
}.items():
    for _key in _keys:
        _INFOBOX_KEYS[_key] = _field


def parse_height(value: str) -> int | None:
    """'1.88 m (6 ft 2 in)', '188 cm', '6 ft 2 in' -> centimetres."""
    if m := re.search(r"(\d)[.,](\d{2})\s*m\b", value):
        return int(m[1]) * 100 + int(m[2])
    if m := re.search(r"(\d{3})\s*cm\b", value):
        return int(m[1])
    if m := re.search(r"(\d)\s*(?:ft|′|')\s*(\d{1,2})?\s*(?:in|″|\")?", value):
        return round((int(m[1]) * 12 + int(m[2] or 0)) * 2.54)
    return None


def _place_and_country(value: str) -> tuple[str | None, str | None]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts:
        return None, None
    country = country_by_name(parts[-1])
    if country is not None:
        return (", ".join(parts[:-1]) or None), country.code
    return value.strip(), None


def _nationalities(value: str) -> tuple[str, ...]:
    codes: list[str] = []
    for part in re.split(r"\s*(?:,|/|;|\band\b|\bund\b)\s*", value):
        country = country_by_name(part) or country_by_demonym(part)
        if country and country.code not in codes:
            codes.append(country.code)
    return tuple(codes)


def parse_infobox(items: list[tuple[int, str, str]], warnings: list[ParseWarning]) -> Infobox:
    data: dict[str, object] = {}
    unknown: dict[str, str] = {}
    lines: dict[str, int] = {}
    for line, key, value in items:
        field = _INFOBOX_KEYS.get(normalize(key))
        if field is None or not value:
            unknown[key] = value
            warnings.append(ParseWarning(line, f"unknown infobox key {key!r}"))
            continue
        lines[field] = line
        if field == "birth_place":
            place, country = _place_and_country(value)
            data["birth_place"], data["birth_country"] = place, country
            lines["birth_country"] = line
        elif field == "birth_date":
            data["birth_date"] = parse_date(value)
            if data["birth_date"] is None:
                warnings.append(ParseWarning(line, f"unreadable date of birth {value!r}"))
        elif field == "position":
            data["position"] = parse_position(value)
        elif field == "height":
            data["height_cm"] = parse_height(value)
        elif field == "nationalities":
            data["nationalities"] = _nationalities(value)
        elif field == "shirt_number":
            m = re.search(r"\d+", value)
            data["shirt_number"] = int(m[0]) if m else None
        else:
            data[field] = value
    return Infobox(unknown_infobox=unknown, lines=lines, **data)  # type: ignore[arg-type]


# --- lead ---------------------------------------------------------------------------------

_ALIAS_RE = re.compile(
    rf"\b(?:also known as|known as|nicknamed|born|née)\s+({NAME}(?:\s*(?:,|\bor\b)\s*{NAME})*)"
)
_FOR_CLUB_RE = re.compile(
    rf"\b(?:plays?|playing|played|is playing|currently plays)\b[^.]*?\bfor\s+(?:the\s+)?"
    rf"(?:(?P<qual>{NAME}|club|side|team)\s+(?:club|side|team)\s+)?(?:club\s+|side\s+)?"
    rf"(?P<club>{NAME})(?P<suffix>\s+(?:club|side))?"
)


def parse_lead(text: str, line: int) -> Lead:
    head = re.split(r"\s+(?:is|was)\s+an?\s+", text, maxsplit=1)[0]
    subject_part = re.split(r"\s*[,(]", head, maxsplit=1)[0].strip()
    subject = clean_name(subject_part) if re.fullmatch(NAME, subject_part or "-") else None
    alternatives: list[str] = []
    for match in _ALIAS_RE.finditer(text):
        for name in re.split(r"\s*(?:,|\bor\b)\s*", match.group(1)):
            name = clean_name(name)
            if parse_date(name) is not None or re.match(rf"(?i)(?:{MONTH_RE})\b", name):
                continue  # '(born May 1999)' is a date, not a name
            if name and name not in alternatives and name != subject:
                alternatives.append(name)
    nationality = None
    described = re.search(
        r"\b(?:is|was)\s+an?\s+(.{0,80}?)\b(?:footballer|soccer player|player)", text
    )
    if described and (m := DEMONYM_RE.search(described.group(1))):
        country = country_by_demonym(m.group(1))
        nationality = country.code if country else None
    position = None
    if m := re.search(r"\bas an?\s+([\w -]{3,40}?)(?=\s+(?:for|and|who|at)\b|[.,;]|$)", text):
        position = parse_position(m.group(1))
    if position is None and described:
        position = parse_position(described.group(1) + " " + text[described.end() :][:60])
    club = None
    for sentence in _split(text, line):
        if m := _FOR_CLUB_RE.search(sentence.text):
            club = clean_name(m.group("club"))
            break
    return Lead(
        line=line,
        text=text,
        subject=subject,
        alternative_names=tuple(alternatives),
        nationality=nationality,
        position=position,
        current_club=club,
    )


# --- prose facts --------------------------------------------------------------------------

_LEVEL_RE = r"(?:U-?|under[- ]|Under[- ])(\d{2})s?"
_TEAM_WORDS = r"(?:(?:football|national|soccer)\s+)*(?:team|side|squad|sides|teams)"
_COUNTRY_OR_DEMONYM = rf"(?:{COUNTRY_NAME_RE.pattern}|{DEMONYM_RE.pattern})"


def _country_code(text: str) -> str | None:
    country = country_by_name(text) or country_by_demonym(text)
    return country.code if country else None


def _team(code: str | None, level: str, written: str) -> NationalTeam:
    return NationalTeam(country=code, level=level, name=" ".join(written.split()))


def _team_name(code: str | None, level: str, fallback: str) -> str:
    from .countries import BY_CODE

    country = BY_CODE.get(code or "")
    if country is None:
        return fallback
    return {"senior": country.name, "youth": f"{country.name} youth"}.get(
        level, f"{country.name} {level if level != 'olympic' else 'Olympic'}"
    )


class _Prose:
    """Extracts facts sentence by sentence, with the clubs the table already knows."""

    def __init__(self, known_clubs: list[str], nationality: str | None) -> None:
        self.known = known_clubs
        self.nationality = nationality
        self.youth: list[YouthSpell] = []
        self.transfers: list[Transfer] = []
        self.loans: list[LoanStatement] = []
        self.contracts: list[ContractStatement] = []
        self.teams: list[NationalTeamMention] = []
        self.caps: list[CapsStatement] = []
        self.matches: list[NotableMatch] = []
        self.aliases: list[ClubAlias] = []
        self.context_club: str | None = None

    def club(self, name: str, line: int) -> str:
        """Resolve a prose club name to a known club, noting the alias; learn new clubs."""
        name = clean_name(name)
        known = match_club(name, self.known)
        if known is None:
            self.known.append(name)
            return name
        if normalize(known) != normalize(name) and not any(
            a.alias == name and a.club == known for a in self.aliases
        ):
            self.aliases.append(ClubAlias(alias=name, club=known, line=line))
        return known

    # -- clubs -----------------------------------------------------------------------------

    def read_clubs(self, sentence: Sentence) -> None:
        text, line = sentence.text, sentence.line
        youth = re.search(
            rf"\bjoined\s+(?:the\s+)?(?P<club>{NAME})(?:['’]s)?\s+(?:youth|academy|junior|under-)",
            text,
        ) or re.search(
            rf"\b(?:youth\s+(?:team|ranks|system|academy|setup|career)|academy)\s+(?:of|at)\s+"
            rf"(?P<club>{NAME})",
            text,
        )
        if youth:
            club = self.club(youth.group("club"), line)
            year = re.search(rf"\b(?:in|im Jahr)\s+({YEAR_RE})\b", text)
            previous = re.search(
                rf"\b(?:previously\s+(?:been|played|playing)\s+(?:at|for|with)|from|after\s+"
                rf"(?:a\s+)?spells?\s+(?:at|with))\s+(?P<club>{NAME})",
                text[youth.end() :],
            )
            previous_club = self.club(previous.group("club"), line) if previous else None
            if previous_club is not None and not any(y.club == previous_club for y in self.youth):
                self.youth.append(YouthSpell(previous_club, None, None, line))
            self.youth.append(
                YouthSpell(club, PartialDate(int(year[1])) if year else None, previous_club, line)
            )
            self.context_club = club
            return
        if "loan" in text.lower():
            self.read_loan(sentence)
            return
        move = re.search(
            rf"\b(?:joined|signed\s+(?:for|with)|moved\s+to|transferred\s+to|completed\s+a\s+"
            rf"(?:permanent\s+)?(?:move|transfer)\s+to)\s+(?P<club>{NAME})",
            text,
        )
        if move:
            club = self.club(move.group("club"), line)
            source = re.search(rf"\bfrom\s+(?P<club>{NAME})", text[move.end() :])
            self.transfers.append(
                Transfer(
                    club=club,
                    from_club=self.club(source.group("club"), line) if source else None,
                    date=parse_month_year(text) or _year_in(text),
                    kind="transfer",
                    line=line,
                )
            )
            self.context_club = club
        elif promoted := re.search(
            rf"\b(?:promoted|moved up|stepped up)\s+to\s+(?:the\s+)?(?:(?P<club>{NAME})\s+)?"
            r"(?:first|senior)[- ]team",
            text,
        ):
            named = promoted.group("club")
            club = self.club(named, line) if named else self.context_club
            if club:
                self.transfers.append(
                    Transfer(
                        club, None, parse_month_year(text) or _year_in(text), "first_team", line
                    )
                )
        if re.search(r"\bcontract\b|\bdeal\b", text, re.I):
            until = re.search(
                r"\b(?:until|till|through|to|runs to|running (?:until|to))\s+(?:the\s+)?"
                r"(?:end\s+of\s+(?:the\s+)?)?(.{0,30})",
                text[re.search(r"\bcontract\b|\bdeal\b", text, re.I).start() :],  # type: ignore[union-attr]
            )
            date = parse_date(until.group(1)) if until else None
            if until and (season := season_in_text(until.group(1))):
                date = PartialDate(season.end_year)
            if date is not None:
                club = self._club_in(text, line) or self.context_club
                self.contracts.append(ContractStatement(club, date, line))

    def read_loan(self, sentence: Sentence) -> None:
        text, line = sentence.text, sentence.line
        target = (
            re.search(rf"\bjoined\s+(?P<club>{NAME})\s+on\s+(?:a|an)?\s*[\w-]*\s*loan", text)
            or re.search(
                rf"\bloan(?:ed)?\s+(?:him\s+|her\s+)?(?:out\s+)?(?:to|at|with)\s+(?P<club>{NAME})",
                text,
            )
            or re.search(rf"\bmoved\s+to\s+(?P<club>{NAME})\s+on\s+(?:a\s+)?[\w-]*\s*loan", text)
            or re.search(rf"\bon\s+loan\s+(?:to|at|with)\s+(?P<club>{NAME})", text)
        )
        if target is None:
            return
        club = self.club(target.group("club"), line)
        owner_match = re.search(
            rf"\bloan\s+(?:deal\s+)?from\s+(?:parent\s+club\s+)?(?P<club>{NAME})", text
        ) or re.search(rf"\b(?P<club>{NAME})\s+(?:loaned|sent)\s+(?:him|her)\b", text)
        owner = self.club(owner_match.group("club"), line) if owner_match else None
        start = parse_month_year(text) or _year_in(text)
        season = season_in_text(text)
        if season is None and start is not None and start.month is not None:
            season = season_starting(start)
        self.loans.append(
            LoanStatement(club=club, owner=owner, start=start, season=season, line=line)
        )
        self.context_club = club

    def _club_in(self, text: str, line: int) -> str | None:
        for _, name in names_in(text):
            if match_club(name, self.known) is not None:
                return self.club(name, line)
        return None

    def read_aliases(self, sentence: Sentence) -> None:
        text = sentence.text
        for start, name in names_in(text):
            if text[max(0, start - 3) : start] == "in ":
                continue  # 'in Bremen' is the city
            club = match_club(name, self.known) if len(name) > 2 else None
            if club is None:
                continue
            after = text[start + len(name) :]
            reserve = re.match(r"\s+(second team|reserves?|B team|II\b|U23\b|U21\b)", after)
            if reserve:
                reserves = [k for k in self.known if re.search(r"\s(?:II|B|2|U23|U21)$", k)]
                matched = match_club(name, reserves)
                if matched and matched.startswith(club):
                    written = f"{name} {reserve.group(1)}"
                    if not any(a.alias == written for a in self.aliases):
                        self.aliases.append(ClubAlias(written, matched, sentence.line))
                    continue
            self.club(name, sentence.line)

    # -- national teams --------------------------------------------------------------------

    def read_national(self, sentence: Sentence) -> None:
        for clause in clauses(sentence.text):
            self._read_national_clause(clause, sentence.line)

    def _read_national_clause(self, clause: str, line: int) -> None:
        found, caps = self.teams_in(clause)
        for start, _end, team in found:
            year = self._first_year(clause, start, [s for s, _, _ in found])
            self._remember(team, year, line)
        if caps:
            goals = re.search(r"\b(\d{1,3})\s+goals?\b|\bscor\w+\s+(\d{1,3})\b", clause)
            since = re.search(rf"\bsince\s+({YEAR_RE})\b", clause)
            teams = tuple(t for s, _, t in found if s > caps.start()) or tuple(t for *_, t in found)
            self.caps.append(
                CapsStatement(
                    caps=int(caps.group(1)),
                    goals=int(goals.group(1) or goals.group(2)) if goals else None,
                    teams=teams,
                    since=int(since.group(1)) if since else None,
                    line=line,
                )
            )

    def teams_in(
        self, clause: str
    ) -> tuple[list[tuple[int, int, NationalTeam]], re.Match[str] | None]:
        """National teams named in a clause (not opponents), and the caps phrase if any."""
        opponent_spans = [_opponent_span(m) for m in _MATCH_RE.finditer(clause)]
        found: list[tuple[int, int, NationalTeam]] = []

        def add(start: int, end: int, code: str | None, level: str, written: str) -> None:
            if any(a <= start < b for a, b in opponent_spans):
                return
            if any(s <= start < e or start <= s < end for s, e, _ in found):
                return
            found.append((start, end, _team(code, level, _team_name(code, level, written))))

        for m in re.finditer(
            rf"\b(?:the\s+)?{_LEVEL_RE}\s+{_TEAM_WORDS}\s+of\s+{_COUNTRY_OR_DEMONYM}", clause
        ):
            country = m.group(2) or m.group(3)
            add(m.start(), m.end(), _country_code(country), f"U{m.group(1)}", m.group(0))
        for m in re.finditer(
            rf"{_COUNTRY_OR_DEMONYM}(?:['’]s)?\s+(?:national\s+)?{_LEVEL_RE}", clause
        ):
            code = _country_code(m.group(1) or m.group(2))
            add(m.start(), m.end(), code, f"U{m.group(3)}", m.group(0))
        for m in re.finditer(rf"{_COUNTRY_OR_DEMONYM}\s+(?:national\s+)?olympic", clause, re.I):
            add(m.start(), m.end(), _country_code(m.group(1) or m.group(2)), "olympic", m.group(0))
        for m in re.finditer(rf"(?<![\w-]){_LEVEL_RE}(?:\s+{_TEAM_WORDS})?", clause):
            code = self._nearest_country(clause[: m.start()])
            add(m.start(), m.end(), code, f"U{m.group(1)}", m.group(0))
        youth_words = r"youth|under-?age|age-group|junior|underage"
        youth_team = rf"{_COUNTRY_OR_DEMONYM}\s+(?:{youth_words})\s+(?:level|{_TEAM_WORDS})"
        for m in re.finditer(youth_team, clause, re.I):
            add(m.start(), m.end(), _country_code(m.group(1) or m.group(2)), "youth", m.group(0))
        represented = re.search(r"\brepresent\w*\b|\bplayed for\b|\bcapped\b", clause)
        level_word = re.search(
            rf"\b(?:at|in)\s+(?:the\s+)?({youth_words}|senior)\s+levels?", clause
        )
        if represented and level_word:
            level = "senior" if level_word.group(1) == "senior" else "youth"
            for m in COUNTRY_NAME_RE.finditer(clause, represented.end(), level_word.start()):
                add(m.start(), m.end(), _country_code(m.group(1)), level, m.group(0))
        for m in re.finditer(
            rf"(?:{_COUNTRY_OR_DEMONYM}\s+(?:senior\s+)?national\s+(?:football\s+)?team"
            rf"|\bsenior\s+(?:international\s+)?(?:debut|cap)\s+for\s+(?:the\s+)?"
            rf"{COUNTRY_NAME_RE.pattern}"
            rf"|\bthe\s+(?:senior|full)\s+national\s+team)",
            clause,
        ):
            written = next((g for g in m.groups() if g), None)
            code = _country_code(written) if written else self._nearest_country(clause[: m.start()])
            add(m.start(), m.end(), code or self.nationality, "senior", m.group(0))
        caps = re.search(
            r"\b(\d{1,3})\s+(?:(?:senior|international|full|youth)\s+)*caps?\b", clause
        )
        if caps:
            for m in COUNTRY_NAME_RE.finditer(clause, caps.end()):
                add(m.start(), m.end(), _country_code(m.group(1)), "senior", m.group(0))
        found.sort()
        return found, caps

    def _nearest_country(self, before: str) -> str | None:
        matches = list(re.finditer(_COUNTRY_OR_DEMONYM, before))
        if matches:
            last = matches[-1]
            return _country_code(last.group(1) or last.group(2))
        return self.nationality

    @staticmethod
    def _first_year(clause: str, start: int, starts: list[int]) -> int | None:
        """A 'since 2019' / 'in 2018' after the team and before the next team named."""
        later = [s for s in starts if s > start]
        end = min(later) if later else len(clause)
        m = re.search(rf"\b(?:since|in|from)\s+({YEAR_RE})\b", clause[start:end])
        return int(m.group(1)) if m else None

    def _remember(self, team: NationalTeam, year: int | None, line: int) -> None:
        for index, mention in enumerate(self.teams):
            if (mention.team.country, mention.team.level) == (team.country, team.level):
                if mention.first_year is None and year is not None:
                    self.teams[index] = NationalTeamMention(mention.team, year, mention.line)
                return
        self.teams.append(NationalTeamMention(team, year, line))

    # -- matches ---------------------------------------------------------------------------

    def read_matches(self, sentence: Sentence) -> None:
        for clause in clauses(sentence.text):
            for m in _MATCH_RE.finditer(clause):
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
                club = None if team else self._club_in(clause[:opp_start], sentence.line)
                notes = tuple(note for note, pattern in _NOTES if re.search(pattern, clause, re.I))
                self.matches.append(
                    NotableMatch(
                        date=parse_month_year(sentence.text) or parse_date(sentence.text),
                        team=team,
                        club=club,
                        opponent=clean_name(m.group("opp") or m.group("opp2")),
                        goals_for=gf,
                        goals_against=ga,
                        result=result,  # type: ignore[arg-type]
                        notes=notes,
                        line=sentence.line,
                    )
                )


_NOTES = (
    ("clean sheet", r"clean sheet|shut ?out"),
    ("scored", r"\bscor(?:ed|ing)\b|\bnetted\b"),
    ("debut", r"\bdebut"),
    ("started", r"\bstart(?:ed|ing)\b"),
    ("substitute", r"\bsubstitute|\bcame on\b|\bcoming on\b"),
    ("captain", r"\bcaptain"),
)
_SCORE = r"(?P<{a}>\d{{1,2}})\s*[-–:]\s*(?P<{b}>\d{{1,2}})"
_MATCH_RE = re.compile(
    rf"\b(?P<verb>beat|defeated|lost(?:\s+{_SCORE.format(a='a2', b='b2')})?\s+to"
    rf"|drew(?:\s+{_SCORE.format(a='a3', b='b3')})?\s+(?:with|against)|won\s+against|against)\s+"
    rf"(?P<opp>{NAME})(?:\s+{_SCORE.format(a='a', b='b')})?"
    rf"|\b{_SCORE.format(a='a4', b='b4')}\s+(?P<noun>win|victory|defeat|loss|draw)"
    rf"\s+(?:over|against|to|with)\s+(?P<opp2>{NAME})"
)


def _score(m: re.Match[str]) -> tuple[int, int] | None:
    for a, b in (("a", "b"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4")):
        if m.group(a) is not None:
            return int(m.group(a)), int(m.group(b))
    return None


def _opponent_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("opp") if m.group("opp") is not None else m.span("opp2")


def parse_date_strict(text: str) -> PartialDate | None:
    """A full or month date only; a bare year in a match sentence is too weak to keep."""
    date = parse_date(text)
    return date if date is not None and date.month is not None else None


def _year_in(text: str) -> PartialDate | None:
    m = re.search(rf"\b(?:in|since|im)\s+({YEAR_RE})\b", text)
    return PartialDate(int(m.group(1))) if m else None


# --- document -----------------------------------------------------------------------------


def parse_biography(text: str, file_name: str) -> BiographyDocument:
    """Parse a Wikipedia-style biography; raises ParseError when the table cannot be read."""
    lines = text.splitlines()
    warnings: list[ParseWarning] = []
    title: str | None = None
    infobox_items: list[tuple[int, str, str]] = []
    lead: Lead | None = None
    headings: list[tuple[int, str]] = []
    for index, raw in enumerate(lines, start=1):
        if HEADING_RE.match(raw):
            headings.append((index, HEADING_RE.match(raw).group(2).strip()))  # type: ignore[union-attr]

    first_section = headings[0][0] if headings else len(lines) + 1
    for index, raw in enumerate(lines[: first_section - 1], start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if title is None and (m := TITLE_RE.match(raw)):
            title = m.group(1).strip()
            continue
        if m := INFOBOX_RE.match(raw):
            infobox_items.append((index, m.group(1).strip(), m.group(2).strip()))
            continue
        if title is not None and normalize(stripped) == normalize(title):
            continue  # the infobox caption repeats the name
        if lead is None and (len(stripped) > 60 or stripped.startswith(",")):
            lead = parse_lead(stripped, index)
            continue
        if lead is not None and len(stripped) > 60:
            continue  # further lead paragraphs are prose, read below
        warnings.append(ParseWarning(index, f"line not understood: {stripped[:60]!r}"))

    sections: list[Section] = []
    for position, (line, heading) in enumerate(headings):
        end = headings[position + 1][0] - 1 if position + 1 < len(headings) else len(lines)
        body = lines[line:end]
        while body and not body[-1].strip():
            body.pop()
        offset = 0
        while offset < len(body) and not body[offset].strip():
            offset += 1
        sections.append(
            Section(
                heading=heading,
                text="\n".join(body[offset:]),
                line=line,
                end_line=line + offset + len(body[offset:]),
            )
        )

    table: StatsTable | None = None
    table_rows: list[tuple[int, str]] = []
    prose: list[Sentence] = []
    for index, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if stripped.startswith("|"):
            table_rows.append((index, raw))
            continue
        if index < first_section:
            if lead is not None and index >= lead.line and len(stripped) > 60:
                prose.extend(_split(stripped, index))
            continue
        if stripped and not HEADING_RE.match(raw) and not INFOBOX_RE.match(raw):
            prose.extend(_split(stripped, index))
    if table_rows:
        table = parse_table(table_rows, file_name, warnings)
        for mismatch in check_totals(table):
            warnings.append(ParseWarning(mismatch.line, mismatch.message))

    infobox = parse_infobox(infobox_items, warnings)
    known: list[str] = []
    if table is not None:
        known.extend(dict.fromkeys(row.club for row in table.rows))
    if infobox.current_club:
        known.append(infobox.current_club)
    if lead and lead.current_club:
        known.append(lead.current_club)
    nationality = (lead.nationality if lead else None) or (
        infobox.nationalities[0] if infobox.nationalities else infobox.birth_country
    )
    reader = _Prose(known, nationality)
    for sentence in prose:
        reader.read_clubs(sentence)
        reader.read_national(sentence)
        reader.read_matches(sentence)
    for sentence in prose:
        reader.read_aliases(sentence)
    _seasons_from_table(reader.loans, table)

    if title is None and lead is None and not sections:
        raise ParseError(file_name, None, "no title, lead or sections: not a biography")
    return BiographyDocument(
        file_name=file_name,
        full_name=title or infobox.full_name,
        infobox=infobox,
        lead=lead,
        sections=tuple(sections),
        statistics=table,
        youth_spells=tuple(reader.youth),
        transfers=tuple(reader.transfers),
        loans=tuple(reader.loans),
        contracts=tuple(reader.contracts),
        national_teams=tuple(reader.teams),
        caps=tuple(reader.caps),
        matches=tuple(reader.matches),
        club_aliases=tuple(reader.aliases),
        warnings=tuple(warnings),
    )


def _seasons_from_table(loans: list[LoanStatement], table: StatsTable | None) -> None:
    """A loan to a calendar-year league covers the calendar season the table lists."""
    if table is None:
        return
    for index, loan in enumerate(loans):
        if loan.start is None:
            continue
        for row in table.rows:
            if (
                row.club == loan.club
                and row.season.is_calendar_year
                and row.season.start_year == loan.start.year
            ):
                loans[index] = LoanStatement(
                    loan.club, loan.owner, loan.start, row.season, loan.line
                )
