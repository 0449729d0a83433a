"""Dates with a precision, and football seasons, in English and German spellings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from core.text import MONTH_SPELLINGS

from .documents import PartialDate, Season

MONTHS: dict[str, int] = dict(MONTH_SPELLINGS)  # 'juli' → 7, lower case as written

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"

SEASON_RE = re.compile(rf"^\s*({YEAR_RE})(?:\s*[-–—/]\s*(\d{{4}}|\d{{2}}))?\s*$")
SEASON_IN_TEXT_RE = re.compile(rf"\b({YEAR_RE})\s*[-–/]\s*(\d{{4}}|\d{{2}})\b")


def parse_season(text: str) -> Season | None:
    """'2021–22', '2021-22', '2021/22', '2021–2022' or '2025' -> Season; else None."""
    match = SEASON_RE.match(text)
    if not match:
        return None
    start = int(match.group(1))
    end_text = match.group(2)
    if end_text is None:
        return Season(start, start)
    end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if len(end_text) == 2 and end < start:
        end += 100
    if end != start + 1:
        return None
    return Season(start, end)


def season_in_text(text: str) -> Season | None:
    """The first 'YYYY–YY' season written in running text."""
    for match in SEASON_IN_TEXT_RE.finditer(text):
        season = parse_season(match.group(0))
        if season is not None:
            return season
    return None


def season_starting(start: PartialDate) -> Season:
    """The (European) season a date in the second half of a year opens: July 2023 -> 2023–24."""
    if start.month is not None and start.month < 7:
        return Season(start.year - 1, start.year)
    return Season(start.year, start.year + 1)


def _safe(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


_ISO_RE = re.compile(rf"\b({YEAR_RE})-(\d{{1,2}})-(\d{{1,2}})\b")
_DOTTED_RE = re.compile(rf"\b(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?({YEAR_RE})\b")
_DAY_MONTH_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+({YEAR_RE})\b", re.I
)
_MONTH_DAY_RE = re.compile(
    rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s*({YEAR_RE})\b", re.I
)
_MONTH_YEAR_RE = re.compile(rf"\b({MONTH_RE})\.?\s+({YEAR_RE})\b", re.I)
_YEAR_RE = re.compile(rf"\b({YEAR_RE})\b")


def parse_date(text: str) -> PartialDate | None:
    """The first date in ``text`` with the precision it is written to.

    Understands '2001-04-23', '23.04.2001', '23 April 2001', 'April 23, 2001',
    '23rd August 2025', 'April 2001', 'März 2025' and a bare year.
    """
    candidates: list[tuple[int, PartialDate]] = []
    readings: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], PartialDate | None]], ...] = (
        (_ISO_RE, lambda m: _safe(int(m[1]), int(m[2]), int(m[3]))),
        (_DOTTED_RE, lambda m: _safe(int(m[3]), int(m[2]), int(m[1]))),
        (_DAY_MONTH_RE, lambda m: _safe(int(m[3]), MONTHS[m[2].lower()], int(m[1]))),
        (_MONTH_DAY_RE, lambda m: _safe(int(m[3]), MONTHS[m[1].lower()], int(m[2]))),
        (_MONTH_YEAR_RE, lambda m: _safe(int(m[2]), MONTHS[m[1].lower()], None)),
    )
    for regex, build in readings:
        for match in regex.finditer(text):
            value = build(match)
            if value is not None:
                candidates.append((match.start(), value))
                break
    if candidates:
        # earliest position wins; at equal position the most precise reading
        candidates.sort(key=lambda c: (c[0], -len(str(c[1]))))
        return candidates[0][1]
    year_match = _YEAR_RE.search(text)
    return PartialDate(int(year_match[1])) if year_match else None


def parse_month_year(text: str) -> PartialDate | None:
    """'July 2023' / 'Juli 2023' anywhere in text, month precision."""
    match = _MONTH_YEAR_RE.search(text)
    return _safe(int(match[2]), MONTHS[match[1].lower()], None) if match else None
