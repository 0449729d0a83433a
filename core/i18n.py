"""Names and generated phrases in the reader's language.

Country names come from CLDR through Babel, so every nation reads right in every
language without a table of ours. The phrases the importer writes into the database in
English ("clean sheet, started", "… – SPORT1 interview", "12 caps … in total for …")
are read back into their parts here and rebuilt from translatable strings at display
time; anything not recognised is shown as stored.
"""

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

# The home nations have ISO 3166-2 codes and no CLDR territory name.
_SUBDIVISIONS: dict[str, Promise] = {
    "GB-ENG": _lazy("England"),
    "GB-SCT": _lazy("Scotland"),
    "GB-WLS": _lazy("Wales"),
    "GB-NIR": _lazy("Northern Ireland"),
}


@cache
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


@cache
def _territories(language: str | None) -> dict[str, str]:
    """CLDR's country names in language; built once per language (a copy costs ~3 ms)."""
    locale = _locale(language or settings.LANGUAGE_CODE)
    return dict(locale.territories) if locale else {}


def country_name(code: str, fallback: str = "") -> str:
    """'DE' -> 'Germany' / 'Deutschland'; the stored name when CLDR does not know the code."""
    code = (code or "").upper()
    if code in _SUBDIVISIONS:
        return str(_SUBDIVISIONS[code])
    return _territories(get_language()).get(code) or fallback or code


@cache
def _code_by_english_name() -> dict[str, str]:
    names = {name: code for code, name in _territories("en").items() if code.isalpha()}
    with override("en"):
        names.update({str(name): code for code, name in _SUBDIVISIONS.items()})
    return names


def flag(code: str) -> str:
    """The flag emoji of an ISO code: two regional indicators, or a tag sequence for
    England, Scotland and Wales. Nothing is loaded: the reader's font draws it."""
    code = (code or "").upper()
    if len(code) == 2 and code.isalpha():
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code)
    if code in ("GB-ENG", "GB-SCT", "GB-WLS"):
        tags = "".join(chr(0xE0000 + ord(c)) for c in code.replace("-", "").lower())
        return "\U0001f3f4" + tags + "\U000e007f"
    return ""


def place_with_country(place: str, code: str, country_english: str) -> str:
    """'Mönchengladbach, Germany' -> 'Mönchengladbach, Deutschland': the country a source
    wrote in English after the place is given in the reader's language."""
    country = country_name(code, country_english) if code else ""
    if not country:
        return place
    if not place:
        return country
    if country_english and place.endswith(f", {country_english}"):
        return f"{place[: -len(country_english)]}{country}"
    if country_english and country_english in place:
        return place
    return f"{place}, {country}"


# NationalTeam.level values and what follows the country name.
_LEVELS: dict[str, Promise] = {
    "olympic": pgettext_lazy("national team level", "Olympic"),
    "youth": pgettext_lazy("national team level", "youth"),
}


def team_name(country_code: str, country_fallback: str, level: str) -> str:
    """'Germany U15', 'Deutschland U15', 'Argentinien Olympia'; the senior team is the country."""
    country = country_name(country_code, country_fallback)
    if level == "senior" or not level:
        return country
    return f"{country} {_LEVELS.get(level, level)}"


# One stored team name: 'Germany U15', 'Argentina Olympic', 'Japan'.
_TEAM_RE = re.compile(r"^(?P<country>[^,]+?)(?: (?P<level>U\d\d|Olympic|youth))?$")


def team_from_english(name: str) -> str:
    """A team named in English by a source ('Czechia U20') in the reader's language."""
    match = _TEAM_RE.match(name.strip())
    code = _code_by_english_name().get(match["country"]) if match else None
    if not match or not code:
        return name
    level = match["level"] or "senior"
    return team_name(code, match["country"], level.lower() if level[0] != "U" else level)


# The importer's note on a caps total shared by teams:
# '12 caps, 1 goals since 2019 in total for Germany U15, Germany U16 and Germany U19 (one
# total in the source)'.
_SHARED_CAPS_RE = re.compile(
    r"^(?P<caps>\d+) caps(?:, (?P<goals>\d+) goals)?(?: since (?P<since>\d{4}))?"
    r" in total for (?P<teams>.+) \(one total in the source\)$"
)


def cap_note(note: str) -> str:
    match = _SHARED_CAPS_RE.match(note or "")
    if not match:
        return note
    *first, last = match["teams"].split(", ")
    head, _and, tail = last.rpartition(" and ")
    names = [*first, head, tail] if head else [*first, tail]
    teams = [team_from_english(n) for n in names]
    listed = ", ".join(teams[:-1])
    joined = _("%(teams)s and %(last)s") % {"teams": listed, "last": teams[-1]} if listed else ""
    values = {"caps": match["caps"], "teams": joined or teams[-1], "since": match["since"]}
    if match["goals"] is not None:
        values["goals"] = match["goals"]
        if match["since"]:
            text = _("%(caps)s caps, %(goals)s goals since %(since)s in total for %(teams)s")
        else:
            text = _("%(caps)s caps, %(goals)s goals in total for %(teams)s")
    elif match["since"]:
        text = _("%(caps)s caps since %(since)s in total for %(teams)s")
    else:
        text = _("%(caps)s caps in total for %(teams)s")
    shared = _("one total in the source")
    return f"{text % values} ({shared})"


# The keywords the biography parser notes on a match (imports.parsing.bio_international).
_MATCH_NOTES: dict[str, Promise] = {
    "clean sheet": pgettext_lazy("match note", "clean sheet"),
    "scored": pgettext_lazy("match note", "scored"),
    "debut": pgettext_lazy("match note", "debut"),
    "started": pgettext_lazy("match note", "started"),
    "substitute": pgettext_lazy("match note", "substitute"),
    "captain": pgettext_lazy("match note", "captain"),
}


def match_note(note: str) -> str:
    """'clean sheet, started' -> 'zu null gespielt, in der Startelf'."""
    if not note:
        return ""
    return ", ".join(str(_MATCH_NOTES.get(part, part)) for part in note.split(", "))


# Position details as biographies state them.
_POSITION_DETAILS: dict[str, Promise] = {
    "goalkeeper": pgettext_lazy("position", "goalkeeper"),
    "centre-back": pgettext_lazy("position", "centre-back"),
    "center-back": pgettext_lazy("position", "centre-back"),
    "full-back": pgettext_lazy("position", "full-back"),
    "left-back": pgettext_lazy("position", "left-back"),
    "right-back": pgettext_lazy("position", "right-back"),
    "wing-back": pgettext_lazy("position", "wing-back"),
    "sweeper": pgettext_lazy("position", "sweeper"),
    "defensive midfielder": pgettext_lazy("position", "defensive midfielder"),
    "central midfielder": pgettext_lazy("position", "central midfielder"),
    "attacking midfielder": pgettext_lazy("position", "attacking midfielder"),
    "winger": pgettext_lazy("position", "winger"),
    "left winger": pgettext_lazy("position", "left winger"),
    "right winger": pgettext_lazy("position", "right winger"),
    "forward": pgettext_lazy("position", "forward"),
    "centre-forward": pgettext_lazy("position", "centre-forward"),
    "center-forward": pgettext_lazy("position", "centre-forward"),
    "striker": pgettext_lazy("position", "striker"),
    "second striker": pgettext_lazy("position", "second striker"),
}


def position_detail(detail: str) -> tuple[str, bool]:
    """The detail in the reader's language, and whether it was translated (else it keeps
    the language of its source)."""
    known = _POSITION_DETAILS.get((detail or "").strip().lower())
    return (str(known), True) if known is not None else (detail, False)


# Titles the importer gives an interview whose document states none.
_OUTLET_TITLE_RE = re.compile(r"^(?P<about>.+) – (?P<outlet>.+) interview$")
_PLAIN_TITLE_RE = re.compile(r"^Interview: (?P<about>.+)$")


def interview_title(title: str, language: str) -> str:
    """A generated title written in the interview's own language, like its text."""
    codes = {code for code, _name in settings.LANGUAGES}
    with override(language if language in codes else None):
        if match := _OUTLET_TITLE_RE.match(title):
            return _("%(about)s – %(outlet)s interview") % match.groupdict()
        if match := _PLAIN_TITLE_RE.match(title):
            return _("Interview: %(about)s") % match.groupdict()
    return title
