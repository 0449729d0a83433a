"""Geometry of the career timeline: clubs over time, loans apart, appearances per season.

Plain arithmetic on already-loaded spells and season rows; the template draws the SVG.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from players.models import SeasonStatistics, Spell
from players.stats import line_of

LABEL_W = 170
PLOT_W = 610
WIDTH = LABEL_W + PLOT_W + 20
AXIS_H = 24
LANE_H = 24
LANE_GAP = 8
CHART_H = 70
CHART_GAP = 34


@dataclass
class Bar:
    x: float
    width: float
    kind: str  # youth, senior, loan
    label: str


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

    def __bool__(self) -> bool:
        return bool(self.lanes)


def _year_fraction(value: datetime.date) -> float:
    start = datetime.date(value.year, 1, 1)
    days = (datetime.date(value.year + 1, 1, 1) - start).days
    return value.year + (value - start).days / days


def _season_span(row: SeasonStatistics) -> tuple[float, float]:
    season = row.season
    if season.start_year == season.end_year:
        return float(season.start_year), float(season.start_year + 1)
    return season.start_year + 0.5, season.end_year + 0.5


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _years(start: float, end: float | None) -> str:
    """'2018–2021', '2023' or, for a spell still running, 'since 2021'."""
    first = math.floor(start)
    if end is None:
        return _("since %(year)s") % {"year": first}
    last = math.floor(end - 1e-6) if end == int(end) else math.floor(end)
    return f"{first}–{last}" if last > first else str(first)


def build_timeline(
    spells: Sequence[Spell], rows: Sequence[SeasonStatistics], today: datetime.date
) -> Timeline:
    now = _year_fraction(today)
    # lane key, club name, loan?, start, end, kind, still running?
    periods: list[tuple[str, str, bool, float, float, str, bool]] = []
    rows_by_lane: dict[tuple[int, bool], list[SeasonStatistics]] = {}
    for row in rows:
        rows_by_lane.setdefault((row.club_id, row.on_loan), []).append(row)

    spell_lanes: set[tuple[int, bool]] = set()
    starts = sorted(_year_fraction(s.start) for s in spells if s.start)
    for spell in spells:
        lane_key = (spell.club_id, spell.is_loan)
        lane_rows = rows_by_lane.get(lane_key, [])
        start = _year_fraction(spell.start) if spell.start else None
        if start is None and lane_rows:
            start = min(_season_span(r)[0] for r in lane_rows)
        if start is None:
            continue
        if spell.end:
            end = _year_fraction(spell.end)
        elif spell.is_loan and lane_rows:
            end = max(_season_span(r)[1] for r in lane_rows)
        elif spell.kind == Spell.Kind.YOUTH:
            # An open youth spell ends where the next spell begins.
            end = next((s for s in starts if s > start), now)
        else:
            end = now
        running = end == now
        end = max(end, start + 0.08)
        spell_lanes.add(lane_key)
        periods.append(
            (f"{lane_key}", spell.club.name, spell.is_loan, start, end, spell.kind, running)
        )

    # Seasons at a club with no recorded spell (a reserve side, say) still show.
    for lane_key, lane_rows in rows_by_lane.items():
        if lane_key in spell_lanes:
            continue
        spans = sorted(_season_span(r) for r in lane_rows)
        merged: list[list[float]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1] + 0.01:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        kind = Spell.Kind.LOAN if lane_key[1] else Spell.Kind.SENIOR
        for a, b in merged:
            periods.append((f"{lane_key}", lane_rows[0].club.name, lane_key[1], a, b, kind, False))

    if not periods:
        return Timeline(WIDTH, 0, LABEL_W, LABEL_W + PLOT_W, [], [], [], 0, 0, "")

    first = math.floor(min(p[3] for p in periods))
    last = math.ceil(max(p[4] for p in periods))
    last = max(last, first + 1)
    scale = PLOT_W / (last - first)

    def x_of(year: float) -> float:
        return round(LABEL_W + (year - first) * scale, 1)

    lanes: dict[str, Lane] = {}
    for key, name, is_loan, start, end, kind, running in sorted(periods, key=lambda p: p[3]):
        if key not in lanes:
            full = f"{name} ({_('loan')})" if is_loan else name
            y = AXIS_H + len(lanes) * (LANE_H + LANE_GAP)
            lanes[key] = Lane(label=_short(full), full_label=full, y=y, is_loan=is_loan)
        kind_label = {
            Spell.Kind.YOUTH: _("youth"),
            Spell.Kind.SENIOR: _("senior"),
            Spell.Kind.LOAN: _("loan"),
        }[kind]
        lanes[key].bars.append(
            Bar(
                x=x_of(start),
                width=round(max(x_of(end) - x_of(start), 3), 1),
                kind=kind,
                label=f"{lanes[key].full_label}: {kind_label} "
                + _years(start, None if running else end),
            )
        )

    step = 1 if last - first <= 12 else 2 if last - first <= 24 else 5
    ticks = [Tick(x=x_of(year), label=str(year)) for year in range(first, last + 1, step)]

    lanes_bottom = AXIS_H + len(lanes) * (LANE_H + LANE_GAP)
    chart_top = lanes_bottom + CHART_GAP
    chart_base = chart_top + CHART_H
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
                x=round(x_of(a) + 2, 1),
                width=round(max(x_of(b) - x_of(a) - 4, 2), 1),
                y=round(chart_base - height, 1),
                height=height,
                label=group[0].season.label,
                apps=apps,
                on_loan=all(r.on_loan for r in group),
            )
        )

    parts = [". ".join(bar.label for lane in lanes.values() for bar in lane.bars)]
    if seasons:
        apps_text = ", ".join(
            f"{s.label}: {s.apps if s.apps is not None else '—'}" for s in seasons
        )
        parts.append(_("Appearances per season: %(list)s") % {"list": apps_text})
    height = int(chart_base + 22) if seasons else int(lanes_bottom + 4)
    return Timeline(
        width=WIDTH,
        height=height,
        label_w=LABEL_W,
        plot_right=LABEL_W + PLOT_W,
        lanes=list(lanes.values()),
        ticks=ticks,
        seasons=seasons,
        chart_top=chart_top,
        chart_base=chart_base,
        description=". ".join(parts) + ".",
    )
