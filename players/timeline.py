"""Geometry of the career timeline: clubs over time, loans apart, appearances per season.

Plain arithmetic on already-loaded spells and season rows; the template draws the SVG.
"""

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _

from core.publishing import DatePrecision
from players.models import SeasonStatistics, Spell
from players.stats import line_of

LABEL_W = 170
PLOT_W = 610
WIDTH = LABEL_W + PLOT_W + 20


@dataclass(frozen=True)
class Layout:
    """Widths of one drawing of the timeline. The page draws it twice: wide, and narrow for
    a phone, where the wide one would shrink its text to about 8 px."""

    label_w: int = LABEL_W
    plot_w: int = PLOT_W
    label_chars: int = 24  # longer club names are cut with … (the full name is the tooltip)
    min_tick_gap: int = 0  # px between year labels, at least

    @property
    def width(self) -> int:
        return self.label_w + self.plot_w + 20


WIDE = Layout()
# 340 px drawn at 288-343 px (a 320-375 px screen): the CSS sets its text to 13 px, >= 11 px.
NARROW = Layout(label_w=124, plot_w=196, label_chars=14, min_tick_gap=38)
AXIS_H = 24
LANE_H = 24
LANE_GAP = 8
CHART_H = 70
CHART_GAP = 34
CHART_FOOT_H = 22  # room under the season chart for its labels
LANES_FOOT_H = 4  # bottom margin when there is no season chart
MIN_BAR_W = 3  # px: a spell of a few days is still visible
SEASON_BAR_GAP = 4  # px between neighbouring season bars
MIN_SEASON_BAR_W = 2  # px
MIN_PERIOD_YEARS = 0.08  # about a month: the shortest period drawn
SEASON_JOIN_YEARS = 0.01  # seasons closer than this are one run
SEASON_TURN = 0.5  # a split season turns at mid-year (July)
YEARLY_TICKS_UP_TO = 12  # years on the axis
TWO_YEAR_TICKS_UP_TO = 24

# A lane is a club, with its loans in a lane of their own: (club id, on loan).
type LaneKey = tuple[int, bool]


@dataclass
class Bar:
    x: float
    width: float
    kind: str  # youth, senior, loan
    label: str
    # (x1, x2) of each year an end is known only by: drawn as a dashed line behind the bar
    years_only: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Lane:
    label: str
    full_label: str
    y: float
    is_loan: bool
    bars: list[Bar] = field(default_factory=list)


@dataclass
class SeasonBar:
    x: float
    width: float
    y: float
    height: float
    label: str
    apps: int | None
    on_loan: bool

    @property
    def cx(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    width: int
    height: int
    label_w: int
    plot_right: int
    lanes: list[Lane]
    ticks: list[Tick]
    seasons: list[SeasonBar]
    chart_top: float
    chart_base: float
    description: str

    @property
    def has_years_only(self) -> bool:
        return any(bar.years_only for lane in self.lanes for bar in lane.bars)

    def __bool__(self) -> bool:
        return bool(self.lanes)


def _year_fraction(value: datetime.date) -> float:
    start = datetime.date(value.year, 1, 1)
    days = (datetime.date(value.year + 1, 1, 1) - start).days
    return value.year + (value - start).days / days


def _month_fraction(year: int, month: int) -> float:
    return _year_fraction(datetime.date(year, month, 1))


def _start_of(value: datetime.date, precision: str, lane_rows: Sequence[SeasonStatistics]) -> float:
    """Where a spell starting on a partial date is drawn to begin.

    A year alone ('2023') says only that it began some time that year: the bar starts
    where the club's first season that year starts, else at mid-year (the summer window),
    never on 1 January, so it sorts and overlaps as the spell most likely did."""
    if precision == DatePrecision.MONTH:
        return _month_fraction(value.year, value.month)
    if precision == DatePrecision.YEAR:
        year = value.year
        inside = [a for a, _b in map(_season_span, lane_rows) if year <= a < year + 1]
        return min(inside, default=year + SEASON_TURN)
    return _year_fraction(value)


def _end_of(value: datetime.date, precision: str, lane_rows: Sequence[SeasonStatistics]) -> float:
    """Where a spell ending on a partial date is drawn to end: a month to its last day, a
    year alone where the club's last season that year ends, else at mid-year — never on
    the 31 December the database keeps for it."""
    if precision == DatePrecision.MONTH:
        following = (value.year + 1, 1) if value.month == 12 else (value.year, value.month + 1)
        return _month_fraction(*following)
    if precision == DatePrecision.YEAR:
        year = value.year
        inside = [b for _a, b in map(_season_span, lane_rows) if year < b <= year + 1]
        return max(inside, default=year + SEASON_TURN)
    return _year_fraction(value)


def _season_span(row: SeasonStatistics) -> tuple[float, float]:
    season = row.season
    if season.start_year == season.end_year:
        return float(season.start_year), float(season.start_year + 1)
    return season.start_year + SEASON_TURN, season.end_year + SEASON_TURN


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _years(start: float, end: float | None) -> str:
    """'2018–2021', '2023' or, for a spell still running, 'since 2021'."""
    first = math.floor(start)
    if end is None:
        return _("since %(year)s") % {"year": first}
    last = math.floor(end - 1e-6) if end == int(end) else math.floor(end)
    return f"{first}–{last}" if last > first else str(first)


class Period(NamedTuple):
    """A stretch at one club, in fractional years, drawn as one bar in the club's lane."""

    lane: LaneKey
    club_name: str
    is_loan: bool
    start: float
    end: float
    kind: str  # a Spell.Kind
    running: bool
    years_only: tuple[float, ...] = ()  # the years an end is known only by


def build_timeline(
    spells: Sequence[Spell],
    rows: Sequence[SeasonStatistics],
    today: datetime.date,
    layout: Layout = WIDE,
) -> Timeline:
    rows_by_lane: dict[LaneKey, list[SeasonStatistics]] = {}
    for row in rows:
        rows_by_lane.setdefault((row.club_id, row.on_loan), []).append(row)
    periods = _spell_periods(spells, rows_by_lane, _year_fraction(today))
    spell_lanes = {period.lane for period in periods}
    periods += _periods_without_spell(
        {key: lane_rows for key, lane_rows in rows_by_lane.items() if key not in spell_lanes}
    )
    if not periods:
        return Timeline(
            layout.width, 0, layout.label_w, layout.label_w + layout.plot_w, [], [], [], 0, 0, ""
        )

    first = math.floor(min(p.start for p in periods))
    last = max(math.ceil(max(p.end for p in periods)), first + 1)
    scale = layout.plot_w / (last - first)

    def x_of(year: float) -> float:
        return round(layout.label_w + (year - first) * scale, 1)

    lanes = _lanes(periods, x_of, layout.label_chars)
    lanes_bottom = AXIS_H + len(lanes) * (LANE_H + LANE_GAP)
    chart_top = lanes_bottom + CHART_GAP
    chart_base = chart_top + CHART_H
    seasons = _season_bars(rows, x_of, chart_base)
    height = int(chart_base + CHART_FOOT_H) if seasons else int(lanes_bottom + LANES_FOOT_H)
    return Timeline(
        width=layout.width,
        height=height,
        label_w=layout.label_w,
        plot_right=layout.label_w + layout.plot_w,
        lanes=lanes,
        ticks=_ticks(first, last, x_of, min_gap=layout.min_tick_gap / scale),
        seasons=seasons,
        chart_top=chart_top,
        chart_base=chart_base,
        description=_description(lanes, seasons),
    )


def _spell_periods(
    spells: Sequence[Spell], rows_by_lane: dict[LaneKey, list[SeasonStatistics]], now: float
) -> list[Period]:
    """One period per spell; a missing start or end is taken from the seasons or the next spell."""
    periods = []

    def lane_rows_of(spell: Spell) -> list[SeasonStatistics]:
        return rows_by_lane.get((spell.club_id, spell.is_loan), [])

    starts = sorted(
        _start_of(s.start, s.start_precision, lane_rows_of(s)) for s in spells if s.start
    )
    for spell in spells:
        lane = (spell.club_id, spell.is_loan)
        lane_rows = lane_rows_of(spell)
        start = _start_of(spell.start, spell.start_precision, lane_rows) if spell.start else None
        if start is None and lane_rows:
            start = min(_season_span(r)[0] for r in lane_rows)
        if start is None:
            continue
        if spell.end:
            end = _end_of(spell.end, spell.end_precision, lane_rows)
            if end <= start and spell.start:
                # A year that is all the source gives meets the other end ('2023–2023',
                # '2023 – March 2023'): the whole year it can mean, not a sliver.
                if spell.start_precision == DatePrecision.YEAR:
                    start = float(spell.start.year)
                if spell.end_precision == DatePrecision.YEAR:
                    end = float(spell.end.year + 1)
        elif spell.is_loan and lane_rows:
            end = max(_season_span(r)[1] for r in lane_rows)
        elif spell.kind == Spell.Kind.YOUTH:
            # An open youth spell ends where the next spell begins.
            end = next((s for s in starts if s > start), now)
        else:
            end = now
        running = end == now
        end = max(end, start + MIN_PERIOD_YEARS)
        years_only = tuple(
            float(date.year)
            for date, precision in (
                (spell.start, spell.start_precision),
                (spell.end, spell.end_precision),
            )
            if date and precision == DatePrecision.YEAR
        )
        periods.append(
            Period(
                lane, spell.club.name, spell.is_loan, start, end, spell.kind, running, years_only
            )
        )
    return periods


def _periods_without_spell(rows_by_lane: dict[LaneKey, list[SeasonStatistics]]) -> list[Period]:
    """Seasons at a club with no recorded spell (a reserve side, say) still show: one period
    per run of consecutive seasons."""
    periods = []
    for lane, lane_rows in rows_by_lane.items():
        merged: list[list[float]] = []
        for a, b in sorted(_season_span(r) for r in lane_rows):
            if merged and a <= merged[-1][1] + SEASON_JOIN_YEARS:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        is_loan = lane[1]
        kind = Spell.Kind.LOAN if is_loan else Spell.Kind.SENIOR
        club_name = lane_rows[0].club.name
        periods += [Period(lane, club_name, is_loan, a, b, kind, False) for a, b in merged]
    return periods


def _lanes(
    periods: list[Period], x_of: Callable[[float], float], label_chars: int = 24
) -> list[Lane]:
    """A lane per club (loans apart), in the order the player first got there."""
    kind_labels: dict[str, str] = {
        Spell.Kind.YOUTH: _("youth"),
        Spell.Kind.SENIOR: _("senior"),
        Spell.Kind.LOAN: _("loan"),
    }
    lanes: dict[LaneKey, Lane] = {}
    for period in sorted(periods, key=lambda p: p.start):
        if period.lane not in lanes:
            name = period.club_name
            full = f"{name} ({_('loan')})" if period.is_loan else name
            y = AXIS_H + len(lanes) * (LANE_H + LANE_GAP)
            lanes[period.lane] = Lane(
                label=_short(full, label_chars), full_label=full, y=y, is_loan=period.is_loan
            )
        lane = lanes[period.lane]
        years = _years(period.start, None if period.running else period.end)
        lane.bars.append(
            Bar(
                x=x_of(period.start),
                width=round(max(x_of(period.end) - x_of(period.start), MIN_BAR_W), 1),
                kind=period.kind,
                label=f"{lane.full_label}: {kind_labels[period.kind]} {years}",
                years_only=[(x_of(year), x_of(year + 1)) for year in period.years_only],
            )
        )
    return list(lanes.values())


def _ticks(first: int, last: int, x_of: Callable[[float], float], min_gap: float = 0) -> list[Tick]:
    """A year label every year on a short career, every 2 or 5 years on longer ones, and
    never closer than min_gap years (a narrow drawing has less room per year)."""
    span = last - first
    step = 1 if span <= YEARLY_TICKS_UP_TO else 2 if span <= TWO_YEAR_TICKS_UP_TO else 5
    while step < min_gap:
        step = {1: 2, 2: 5}.get(step, step + 5)
    return [Tick(x=x_of(year), label=str(year)) for year in range(first, last + 1, step)]


def _season_bars(
    rows: Sequence[SeasonStatistics], x_of: Callable[[float], float], chart_base: float
) -> list[SeasonBar]:
    """Appearances per season (all clubs together), scaled to the busiest season."""
    by_season: dict[tuple[int, int], list[SeasonStatistics]] = {}
    for row in rows:
        by_season.setdefault((row.season.start_year, row.season.end_year), []).append(row)
    season_apps = {key: line_of(group).apps for key, group in by_season.items()}
    most = max([apps for apps in season_apps.values() if apps], default=1)
    seasons = []
    for key in sorted(by_season):
        group = by_season[key]
        a, b = _season_span(group[0])
        apps = season_apps[key]
        height = round(CHART_H * (apps or 0) / most, 1)
        seasons.append(
            SeasonBar(
                x=round(x_of(a) + SEASON_BAR_GAP / 2, 1),
                width=round(max(x_of(b) - x_of(a) - SEASON_BAR_GAP, MIN_SEASON_BAR_W), 1),
                y=round(chart_base - height, 1),
                height=height,
                label=group[0].season.label,
                apps=apps,
                on_loan=all(r.on_loan for r in group),
            )
        )
    return seasons


def _description(lanes: list[Lane], seasons: list[SeasonBar]) -> str:
    """The chart in words, for screen readers."""
    parts = [". ".join(bar.label for lane in lanes for bar in lane.bars)]
    if seasons:
        apps_text = ", ".join(
            f"{s.label}: {s.apps if s.apps is not None else '—'}" for s in seasons
        )
        parts.append(_("Appearances per season: %(list)s") % {"list": apps_text})
    return ". ".join(parts) + "."
