"""Bylines and datelines: who wrote an interview and when it was published.

The date part is cut out by a pattern first; only that part goes to ``dateparser``, with
explicit languages and settings, so a date is never guessed from running text. A stated
time is local time in Europe/Berlin for German outlets unless the line names a zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .interview_names import PERSON

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

BERLIN = ZoneInfo("Europe/Berlin")
ZONES = {
    "utc": ZoneInfo("UTC"),
    "gmt": ZoneInfo("UTC"),
    "mez": BERLIN,
    "mesz": BERLIN,
    "cet": BERLIN,
    "cest": BERLIN,
}

_MONTHS = (
    "january|jan|januar|jänner|february|feb|februar|march|mar|märz|april|apr|may|mai|june|jun"
    "|juni|july|jul|juli|august|aug|september|sept|sep|october|oct|oktober|okt|november|nov"
    "|december|dec|dezember|dez"
)
_WEEKDAYS = (
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday"
    "|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so"
)
# '14.12.2025', '2025-12-14', '14/12/2025', '3 March 2021', '3. März 2021', 'March 3, 2021'
DATE = (
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
    rf"|\d{{1,2}}\.?\s(?i:{_MONTHS})\.?\s\d{{4}}|(?i:{_MONTHS})\.?\s\d{{1,2}},?\s\d{{4}})"
)
# '13:31', '16.30', '2:30 PM'
TIME = r"\d{1,2}[:.]\d{2}(?:\s?[apAP]\.?[mM]\.?)?"
# 'Peter Balthazaar & Moritz Studer', 'Anna Schäfer, Tom Berg und Lea Wolf'
AUTHORS = rf"{PERSON}(?:(?:,| und| and| &) {PERSON})*"

# A dateline alone on its line: '08.01.2009 13:34 Uhr', 'Montag, 12.02.2024 / 16:30 Uhr',
# 'Published 8 March 2025', 'Last updated : 06 January 2003 By Chris Parry'.
DATELINE_RE = re.compile(
    r"^(?:(?i:published|updated|last updated|posted|stand|veröffentlicht|aktualisiert"
    r"|erschienen|zuletzt aktualisiert)(?: am| on)? ?:? ?)?"
    rf"(?:(?i:{_WEEKDAYS})\.?,? )?(?P<date>{DATE})"
    rf"(?: ?[,•|/·–-]? ?(?:um |at )?(?P<time>{TIME})(?: ?(?i:uhr|h))?"
    r"(?: (?P<zone>UTC|GMT|MEZ|MESZ|CET|CEST))?)?"
    rf"(?: ?(?i:by|von) (?P<authors>{AUTHORS}))?\s*$"
)
# The seed outlet's byline: author, date, time and the standfirst on one line:
# 'Niclas Löwendorf 14.12.2025 • 13:31 Uhr Werder-Keeper Mio Backhaus spricht …'
AUTHOR_DATELINE_RE = re.compile(
    rf"^(?P<authors>{AUTHORS}) (?P<date>{DATE})"
    rf"(?: ?[•|·,–-]? ?(?P<time>{TIME}) ?(?:Uhr|h)?)?(?: ?[•|·–-])?(?: (?P<rest>\S.*))?$"
)
# An author line: 'Von Peter Balthazaar & Moritz Studer', 'By Michael Lynch'.
AUTHOR_LINE_RE = re.compile(rf"^(?i:von|by):? (?P<authors>{AUTHORS})\.?$")
# The author named in the standfirst: 'An interview with Sam Allardyce, by Callum McFadden
# for WFi.', 'Das Interview führte Anna Berg.', 'Matt Sincaglia sat down with …'.
INTERVIEW_BY_RE = re.compile(
    rf"\b(?i:interview|gespräch|q&a)\b[^.]{{0,80}}?\bby (?P<author>{PERSON})"
    rf"(?: for (?P<outlet>{PERSON}|[\w.-]+))?"
)
INTERVIEW_LED_BY_RE = re.compile(
    rf"\b(?:Das|Die) (?:Interview|Gespräch|Fragen) (?:führte|führten|stellte) (?P<author>{PERSON})"
)
SAT_DOWN_RE = re.compile(rf"(?P<author>{PERSON}) (?:sat down|caught up|spoke) with\b")
# A list bullet opening a furniture line: '• Aktualisiert: 19.01.2023', '· 12:16 Uhr'.
BULLET_RE = re.compile(r"^[•·▪] ?")
# A time alone on its line, under a dateline without one: '12:16 Uhr', '2:30 PM', '16.30 h MEZ'.
TIME_LINE_RE = re.compile(
    rf"^(?:(?i:um|at) )?(?P<time>{TIME})(?: ?(?i:uhr|h))?(?: (?P<zone>UTC|GMT|MEZ|MESZ|CET|CEST))?$"
)
# A date opening a line that names the piece: '1 February 2005 : Interview With Kevin Gall'.
DATE_HEADING_RE = re.compile(rf"^(?P<date>{DATE}) : (?P<rest>\S.*)$")
# Where a pair of authors splits: 'A & B', 'A, B und C'.
AUTHOR_SPLIT_RE = re.compile(r",| und | and | & ")


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    published: dt.datetime | dt.date | None
    rest: str | None  # the standfirst printed on the same line


@functools.cache
def _date_parser(language: str) -> DateDataParser:
    from dateparser.date import DateDataParser  # imported late: loading takes a tenth of a second

    return DateDataParser(
        languages=[language],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["absolute-time"],
            "STRICT_PARSING": True,
        },
    )


def parse_date_part(date: str, language: str | None) -> dt.date | None:
    """The calendar date of an extracted date part ('12.02.2024', '6 January 2003')."""
    for lang in dict.fromkeys([language or "en", "en", "de"]):
        parsed: dt.datetime | None = _date_parser(lang).get_date_data(date).date_obj
        if parsed is not None:
            return parsed.date()
    return None


def _when(
    date: str, time: str | None, zone: str | None, language: str | None, german: bool
) -> dt.datetime | dt.date | None:
    day = parse_date_part(date, language)
    if day is None or time is None:
        return day
    clock = _clock(time)
    if clock is None:
        return day
    tz = ZONES.get((zone or "").lower()) or (BERLIN if german else None)
    return dt.datetime.combine(day, clock, tzinfo=tz)


def _clock(time: str) -> dt.time | None:
    """'13:31' -> 13:31; '2:30 PM' -> 14:30."""
    digits, _, suffix = time.replace(".", ":", 1).partition(" ")
    hour_text, _, minute_text = digits.partition(":")
    hour, minute = int(hour_text), int(minute_text[:2])
    meridiem = (suffix or minute_text[2:]).lower().replace(".", "")
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def split_authors(authors: str | None) -> tuple[str, ...]:
    if not authors:
        return ()
    return tuple(a.strip() for a in AUTHOR_SPLIT_RE.split(authors) if a.strip())


def read_byline(line: str, language: str | None) -> Byline | None:
    """A dateline, an author line or the two on one line; None when the line is neither."""
    text = line.strip()
    german = language == "de" or "uhr" in text.lower()
    if m := DATELINE_RE.match(text):
        when = _when(m["date"], m["time"], m["zone"], language, german)
        if when is not None:
            return Byline(split_authors(m["authors"]), when, None)
    if m := AUTHOR_DATELINE_RE.match(text):
        when = _when(m["date"], m["time"], None, language, german)
        if when is not None:
            return Byline(split_authors(m["authors"]), when, m["rest"])
    if m := AUTHOR_LINE_RE.match(text):
        return Byline(split_authors(m["authors"]), None, None)
    return None


def read_head_dateline(line: str, language: str | None) -> Byline | None:
    """A dateline trusted only in a page's head, above the first turn and the first prose:
    one after a list bullet ('• Aktualisiert: 19.01.2023') or a date opening a heading
    ('1 February 2005 : Interview With Kevin Gall', the heading kept as ``rest``)."""
    text = line.strip()
    unbulleted = BULLET_RE.sub("", text, count=1)
    if unbulleted != text:
        byline = read_byline(unbulleted, language)
        if byline is not None and byline.published is not None:
            return byline
    if m := DATE_HEADING_RE.match(text):
        day = parse_date_part(m["date"], language)
        if day is not None:
            return Byline((), day, m["rest"])
    return None


def with_time_line(byline: Byline, line: str, language: str | None) -> Byline | None:
    """The byline with the time printed alone on the next line ('• 12:16 Uhr'); None when
    the byline has a time already or the line is no time."""
    published = byline.published
    if published is None or isinstance(published, dt.datetime):
        return None
    text = BULLET_RE.sub("", line.strip(), count=1)
    m = TIME_LINE_RE.match(text)
    clock = _clock(m["time"]) if m else None
    if m is None or clock is None:
        return None
    german = language == "de" or "uhr" in text.lower()
    tz = ZONES.get((m["zone"] or "").lower()) or (BERLIN if german else None)
    return Byline(byline.authors, dt.datetime.combine(published, clock, tzinfo=tz), byline.rest)


def author_in_prose(text: str) -> tuple[str | None, str | None]:
    """(author, outlet) named in a standfirst: '… by Callum McFadden for WFi.'."""
    if m := INTERVIEW_BY_RE.search(text):
        return m["author"], (m["outlet"].rstrip(".") if m["outlet"] else None)
    if m := INTERVIEW_LED_BY_RE.search(text) or SAT_DOWN_RE.search(text):
        return m["author"], None
    return None, None
