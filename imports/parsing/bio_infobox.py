"""The infobox of a biography: '- Key: Value' lines, each value parsed, never stored whole."""

from __future__ import annotations

import re

from core.text import normalize

from .countries import country_by_demonym, country_by_name
from .dates import parse_date
from .documents import CoachingPost, Infobox, LoanStatement, ParseWarning
from .prose import clean_name, parse_position

# An infobox line: '- Current club: Werder Bremen'.
INFOBOX_RE = re.compile(r"^\s*[-*•]\s*([^:|]{1,40}?)\s*:\s*(.*?)\s*$")
# A height in metres: '1.88 m'.
HEIGHT_METRES_RE = re.compile(r"(\d)[.,](\d{2})\s*m\b")
# A height in centimetres: '188 cm'.
HEIGHT_CM_RE = re.compile(r"(\d{3})\s*cm\b")
# A height in feet and inches: '6 ft 2 in', "6' 2\"".
HEIGHT_FEET_RE = re.compile(r"(\d)\s*(?:ft|′|')\s*(\d{1,2})?\s*(?:in|″|\")?")
# Between two nationalities: 'German, Japanese', 'German / Japanese', 'German and Japanese'.
NATIONALITY_SEPARATOR_RE = re.compile(r"\s*(?:,|/|;|\band\b|\bund\b)\s*")
# A shirt number: '1'.
NUMBER_RE = re.compile(r"\d+")
# A club with a qualifier in brackets: 'D.C. United (on loan from FC Midtjylland)'.
QUALIFIED_CLUB_RE = re.compile(r"^(?P<club>[^()]+?)\s*\((?P<qualifier>[^()]*)\)\s*$")
# The qualifier of a loan: 'on loan from FC Midtjylland'.
LOAN_FROM_RE = re.compile(r"(?i)^\s*(?:on\s+)?loan(?:ed)?\s+from\s+(?P<owner>.+?)\s*$")
# A coaching or administration role: 'head coach', 'manager', 'assistant coach', 'president'.
ROLE_RE = re.compile(
    r"(?i)^\s*(?P<role>(?:(?:head|assistant|youth|caretaker|interim|player|joint)[- ])?"
    r"(?:coach|manager|trainer)|president|chairman|sporting director|technical director"
    r"|director of football)\s*$"
)
# A coaching role rather than an office: 'head coach', 'manager', 'trainer'.
COACHING_ROLE_RE = re.compile(r"(?i)coach|manager|trainer")
# A value that says the player has no club: 'Free agent', 'Retired', 'Unattached', 'None'.
NO_CLUB_RE = re.compile(
    r"(?i)^\s*(?P<status>free\s+agent|unattached|without\s+club|retired|none)\b"
)

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
    if m := HEIGHT_METRES_RE.search(value):
        return int(m[1]) * 100 + int(m[2])
    if m := HEIGHT_CM_RE.search(value):
        return int(m[1])
    if m := HEIGHT_FEET_RE.search(value):
        return round((int(m[1]) * 12 + int(m[2] or 0)) * 2.54)
    return None


def place_and_country(value: str) -> tuple[str | None, str | None]:
    """'Annandale, Virginia, United States' -> ('Annandale, Virginia', 'US')."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts:
        return None, None
    country = country_by_name(parts[-1])
    if country is not None:
        return (", ".join(parts[:-1]) or None), country.code
    return value.strip(), None


def nationalities(value: str) -> tuple[str, ...]:
    codes: list[str] = []
    for part in NATIONALITY_SEPARATOR_RE.split(value):
        country = country_by_name(part) or country_by_demonym(part)
        if country and country.code not in codes:
            codes.append(country.code)
    return tuple(codes)


class CurrentClub:
    """The 'Current club' value read: the club, a loan owner, a coaching job, or no club."""

    def __init__(self, value: str, line: int, warnings: list[ParseWarning]) -> None:
        self.club: str | None = None
        self.loan_owner: str | None = None
        self.coaching: CoachingPost | None = None
        self.status: str | None = None
        if m := NO_CLUB_RE.match(value):
            status = normalize(m.group("status"))
            self.status = "retired" if status == "retired" else "free agent"
            return
        qualified = QUALIFIED_CLUB_RE.match(value)
        if qualified is None:
            if "(" in value or ")" in value:
                warnings.append(ParseWarning(line, f"current club not understood: {value!r}"))
                return
            self.club = clean_name(value)
            return
        club, qualifier = clean_name(qualified.group("club")), qualified.group("qualifier")
        if loan := LOAN_FROM_RE.match(qualifier):
            self.club, self.loan_owner = club, clean_name(loan.group("owner"))
        elif role := ROLE_RE.match(qualifier):
            self.coaching = CoachingPost(
                role=role.group("role").lower(),
                team_or_club=club,
                start=None,
                end=None,
                line=line,
                current=True,
                kind="coaching" if role_is_coaching(role.group("role")) else "administration",
            )
        else:
            warnings.append(
                ParseWarning(line, f"current club qualifier not understood: {qualifier!r}")
            )

    def loan(self, line: int) -> LoanStatement | None:
        if self.club is None or self.loan_owner is None:
            return None
        return LoanStatement(
            club=self.club, owner=self.loan_owner, start=None, season=None, line=line
        )


def role_is_coaching(role: str) -> bool:
    return bool(COACHING_ROLE_RE.search(role))


def parse_infobox(
    items: list[tuple[int, str, str]], warnings: list[ParseWarning]
) -> tuple[Infobox, CurrentClub | None]:
    """The infobox fields, and the current-club value read (for its loan or coaching job)."""
    data: dict[str, object] = {}
    unknown: dict[str, str] = {}
    lines: dict[str, int] = {}
    current: CurrentClub | None = None
    for line, key, value in items:
        field = _INFOBOX_KEYS.get(normalize(key))
        if field is None or not value:
            unknown[key] = value
            warnings.append(ParseWarning(line, f"unknown infobox key {key!r}"))
            continue
        lines[field] = line
        if field == "birth_place":
            place, country = place_and_country(value)
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
            data["nationalities"] = nationalities(value)
        elif field == "shirt_number":
            m = NUMBER_RE.search(value)
            data["shirt_number"] = int(m[0]) if m else None
        elif field == "current_club":
            current = CurrentClub(value, line, warnings)
            data["current_club"] = current.club
            data["current_club_as_written"] = value
            data["current_club_loan_owner"] = current.loan_owner
            data["status"] = current.status
        else:
            data[field] = value
    return Infobox(unknown_infobox=unknown, lines=lines, **data), current  # type: ignore[arg-type]
