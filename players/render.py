"""The profile's biggest parts drawn in Python: the career tables and the timeline SVG.

They were template loops with a filter or a tag per cell; built here with f-strings over
escaped values, the same markup costs a fraction of the template engine's time (issue 13:
a cold profile render). Every value from the database goes through `escape`; numbers are
written with `str`, never localised (a German comma would break SVG coordinates).
"""

from collections.abc import Iterable
from html import escape
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import i18n
from core.templatetags.kader import partial_date, published_date, spell_period
from players.stats import CareerTable, CompetitionTotal, Line
from players.timeline import Timeline


def _e(value: object) -> str:
    """Text for HTML: escaped as Django's autoescape does (quotes included)."""
    return escape(str(value), quote=True)


def _safe(parts: Iterable[str]) -> SafeString:
    return mark_safe("".join(parts))  # noqa: S308 - every value in parts went through _e


# --- the career-statistics table ---------------------------------------------------------


class _Cells:
    """The cells of one table, with the translated titles looked up once."""

    def __init__(self, columns: list[str]):
        self.columns = columns
        self.not_known = _e(_("not known"))
        self.incomplete = _e(_("includes values the source does not give"))
        self.at_least = _e(_("at least: includes seasons the source does not give"))

    def cell(self, line: Line, name: str, css: str = "num") -> str:
        value, unknown = line.cell(name, self.columns)
        if value is None and unknown:
            return f'<td class="{css} unknown" title="{self.not_known}"></td>'
        if value is None:
            return f'<td class="{css}">—</td>'
        if unknown:
            return (
                f'<td class="{css}">{_e(value)}'
                f'<abbr class="incomplete" title="{self.incomplete}">*</abbr></td>'
            )
        return f'<td class="{css}">{_e(value)}</td>'

    def line(self, line: Line, testid: str = "") -> str:
        """Apps and goals of each shown competition, then the line's total (testid marks
        the total apps cell for tests: '<testid>-apps')."""
        cells = [
            self.cell(line, f"{column}_{kind}")
            for column in self.columns
            for kind in ("apps", "goals")
        ]
        total_css = f'num total" data-testid="{_e(testid)}-apps' if testid else "num total"
        cells.append(self.cell(line, "total_apps", total_css))
        cells.append(self.cell(line, "total_goals", "num total"))
        return "".join(cells)

    def bound(self, value: int | None, partial: bool, testid: str = "") -> str:
        """A career total that is exact, a lower bound ('≥ 71': it sums over a season whose
        value is unknown), — (never took part) or blank (nothing known)."""
        test = f' data-testid="{_e(testid)}"' if testid else ""
        if value is None and partial:
            return f'<td class="num unknown"{test} title="{self.not_known}"></td>'
        if value is None:
            return f'<td class="num"{test}>—</td>'
        if partial:
            return (
                f'<td class="num lower-bound"{test}><abbr title="{self.at_least}">≥</abbr> '
                f"{_e(value)}</td>"
            )
        return f'<td class="num"{test}>{_e(value)}</td>'


def competition_label(column: str) -> str:
    """The heading of a competition column in the reader's language."""
    labels = {
        "league": _("League"),
        "cup": _("Cup"),
        "league_cup": _("League cup"),
        "continental": _("Continental"),
        "other": _("Other"),
        "total": _("All competitions"),
    }
    return labels.get(column, column)


def career_tables(table: CareerTable, blocks: list) -> SafeString:
    """The career table (club blocks of season rows with subtotals, the career total) and
    the totals by competition under it. blocks are players.selectors.StatBlock."""
    columns = table.columns
    cells = _Cells(columns)
    # Translated outside the f-strings below: xgettext does not look inside them.
    caption = _e(_("Appearances and goals by club, season and competition"))
    not_taken, blank = _e(_("— did not take part")), _e(_("blank: not known"))
    club_head, season_head, league_head = _e(_("Club")), _e(_("Season")), _e(_("League"))
    total_head, division_head = _e(_("Total")), _e(_("Division"))
    career_total = _e(_("Career total"))
    apps, goals = _e(_("Apps")), _e(_("Goals"))
    number_head = '<th scope="col" class="num" data-sort="number">{}</th>'
    out = [
        '<div class="table-scroll career-box" role="region" '
        'aria-labelledby="statistics-caption" tabindex="0">\n'
        '<table class="data stats" data-sortable="club season">\n'
        f'  <caption id="statistics-caption">'
        f"{caption} "
        f'<span class="muted">({not_taken}; {blank})'
        "</span></caption>\n  <thead>\n    <tr>\n"
        f'      <th scope="col" rowspan="2">{club_head}</th>\n'
        f'      <th scope="col" rowspan="2">{season_head}</th>\n'
        f'      <th scope="colgroup" colspan="3">{league_head}</th>\n      ',
        *(
            f'<th scope="colgroup" colspan="2">{_e(competition_label(column))}</th>'
            for column in columns[1:]
        ),
        f'\n      <th scope="colgroup" colspan="2">{total_head}</th>\n    </tr>\n    <tr>\n'
        f'      <th scope="col">{division_head}</th>\n      ',
        *(number_head.format(apps) + number_head.format(goals) for _column in columns),
        "\n      " + number_head.format(apps) + number_head.format(goals) + "\n    </tr>\n",
        "  </thead>\n",
    ]
    loan, total = _e(_("loan")), _e(_("Total"))
    for order, b in enumerate(blocks):
        block = b.block
        club = block.club
        out.append(
            f'  <tbody class="club-block{" loan" if block.on_loan else ""}" '
            f'data-order="{order}" data-club="{_e(club.name)}">\n'
        )
        for index, r in enumerate(b.rows):
            out.append("    <tr>\n      ")
            if index == 0:
                name = (
                    f'<a href="{_e(club.get_absolute_url())}">{_e(club.name)}</a>'
                    if club.is_published
                    else _e(club.name)
                )
                if block.on_loan:
                    name += f'<br><span class="badge badge-loan">{loan}</span>'
                    if b.owner:
                        owner = _e(_("from %(owner)s") % {"owner": b.owner.name})
                        name += f' <span class="muted owner">{owner}</span>'
                out.append(
                    f'<th scope="rowgroup" rowspan="{b.rowspan}" class="club-cell">{name}</th>'
                )
            out.append(
                f'\n      <th scope="row" class="season">{_e(r.row.season.label)}</th>\n      '
            )
            if r.division_span:
                division = ""
                if r.row.division:
                    division = _e(r.row.division.name)
                elif r.row.division_tier:
                    division = _e(_("Tier %(tier)s") % {"tier": r.row.division_tier})
                out.append(f'<td rowspan="{r.division_span}">{division}</td>')
            out.append(f"\n      {cells.line(r.values)}\n    </tr>\n")
        out.append(
            f'    <tr class="subtotal">\n      <th scope="row" colspan="2">{total}</th>\n'
            f"      {cells.line(block.total)}\n    </tr>\n  </tbody>\n"
        )
    out.append(
        '  <tfoot>\n    <tr class="career-total">\n'
        f'      <th scope="row" colspan="3">{career_total}</th>\n'
        f"      {cells.line(table.total, 'career-total')}\n    </tr>\n"
        "  </tfoot>\n</table>\n</div>\n"
    )
    out.append(_competition_totals(table.competition_totals, cells, apps, goals))
    if table.has_lower_bounds:
        note = _("≥ at least: a season whose value the source does not give is counted as nothing.")
        out.append(f'\n<p class="table-notes">{_e(note)}</p>')
    return _safe(out)


def _competition_totals(
    totals: list[CompetitionTotal], cells: _Cells, apps: str, goals: str
) -> str:
    totals_caption, competition = _e(_("Career totals by competition")), _e(_("Competition"))
    rows = []
    for t in totals:
        css = ' class="career-total"' if t.column == "total" else ""
        rows.append(
            f"    <tr{css}>\n"
            f'      <th scope="row">{_e(competition_label(t.column))}</th>\n'
            f"      {cells.bound(t.apps, t.apps_partial, f'competition-total-{t.column}')}\n"
            f"      {cells.bound(t.goals, t.goals_partial)}\n    </tr>\n"
        )
    return (
        '<div class="table-scroll competition-totals-box" role="region" '
        'aria-labelledby="competition-totals-caption" tabindex="0">\n'
        '<table class="data competition-totals">\n'
        f'  <caption id="competition-totals-caption">{totals_caption}'
        "</caption>\n"
        f'  <thead><tr><th scope="col">{competition}</th>'
        f'<th scope="col" class="num">{apps}</th><th scope="col" class="num">{goals}</th>'
        "</tr></thead>\n  <tbody>\n" + "".join(rows) + "  </tbody>\n</table>\n</div>"
    )


# --- the timeline ------------------------------------------------------------------------


def _n(value: float) -> str:
    """A coordinate as the SVG wants it: Python's own digits, never a localised comma."""
    return str(value)


def timeline_svg(t: Timeline, id: str, name: str) -> SafeString:
    """The timeline as an inline SVG in a figure. Drawn twice on a page: id is "timeline"
    (wide) or "timeline-narrow" (a phone's), so the ids inside stay unique."""
    i = _e(id)
    title = _e(_("Career timeline of %(name)s") % {"name": name})
    apps_per_season, year_known = _e(_("Apps per season")), _e(_("only the year known"))
    youth, senior, loan = _e(_("youth")), _e(_("senior")), _e(_("loan"))
    bars_below = _e(_("bars below: appearances per season"))
    out = [
        f'<figure class="timeline {i}">\n'
        f'<svg viewBox="0 0 {t.width} {t.height}" width="100%" role="img" '
        f'aria-labelledby="{i}-svg-title {i}-svg-desc" xmlns="http://www.w3.org/2000/svg" '
        'class="timeline-svg" preserveAspectRatio="xMinYMin meet">\n'
        f'  <title id="{i}-svg-title">'
        f"{title}</title>\n"
        f'  <desc id="{i}-svg-desc">{_e(t.description)}</desc>\n'
        "  <defs>\n"
        f'    <pattern id="{i}-loan-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">\n'
        '      <rect width="6" height="6" class="tl-loan-bg"/>\n'
        '      <line x1="0" y1="0" x2="0" y2="6" class="tl-loan-line" stroke-width="3"/>\n'
        "    </pattern>\n  </defs>\n"
    ]
    bottom = int(t.height) - 4
    for tick in t.ticks:
        x = _n(tick.x)
        out.append(
            f'  <line x1="{x}" x2="{x}" y1="16" y2="{bottom}" class="tl-grid"/>\n'
            f'  <text x="{x}" y="12" class="tl-tick" text-anchor="middle">{_e(tick.label)}</text>\n'
        )
    label_x = int(t.label_w) - 8
    hatch = f' fill="url(#{i}-loan-hatch)"'
    for lane in t.lanes:
        y = int(lane.y)  # the template's |add: worked on whole numbers
        loan_css = " tl-label-loan" if lane.is_loan else ""
        out.append(
            f'  <g class="tl-lane">\n    <text x="{label_x}" y="{y + 16}" text-anchor="end" '
            f'class="tl-label{loan_css}"><title>{_e(lane.full_label)}</title>'
            f"{_e(lane.label)}</text>\n"
        )
        for bar in lane.bars:
            for x1, x2 in bar.years_only:
                out.append(
                    f'    <line x1="{_n(x1)}" x2="{_n(x2)}" y1="{y + 12}" y2="{y + 12}" '
                    'class="tl-year-only"/>\n'
                )
        for bar in lane.bars:
            kind = _e(bar.kind)
            out.append(
                f'    <rect x="{_n(bar.x)}" y="{y + 2}" width="{_n(bar.width)}" height="20" '
                f'rx="3" class="tl-bar tl-{kind}"{hatch if bar.kind == "loan" else ""}>'
                f"<title>{_e(bar.label)}</title></rect>\n"
            )
        out.append("  </g>\n")
    if t.seasons:
        base = _n(t.chart_base)
        out.append(
            f'  <text x="{label_x}" y="{base}" text-anchor="end" class="tl-label '
            f'tl-chart-label">{apps_per_season}</text>\n'
            f'  <line x1="{t.label_w}" x2="{t.plot_right}" y1="{base}" y2="{base}" '
            'class="tl-axis"/>\n'
        )
        for s in t.seasons:
            apps = "—" if s.apps is None else _e(s.apps)
            loan_css = " tl-apps-loan" if s.on_loan else ""
            out.append(
                f'  <g class="tl-season">\n    <rect x="{_n(s.x)}" y="{_n(s.y)}" '
                f'width="{_n(s.width)}" height="{_n(s.height)}" class="tl-apps{loan_css}"'
                f"{hatch if s.on_loan else ''}><title>{_e(s.label)}: {apps}</title></rect>\n"
                f'    <text x="{_n(s.cx)}" y="{_n(s.y)}" dy="-3" class="tl-value" '
                f'text-anchor="middle">{apps}</text>\n  </g>\n'
            )
    years_only = (
        f' <span class="legend-item"><span class="key key-year-only"></span>{year_known}</span>'
        if t.has_years_only
        else ""
    )
    out.append(
        "</svg>\n"
        '<figcaption class="legend"><span class="legend-item"><span class="key key-youth">'
        f'</span>{youth}</span> <span class="legend-item"><span class="key '
        f'key-senior"></span>{senior}</span> <span class="legend-item"><span '
        f'class="key key-loan"></span>{loan}</span>{years_only} · '
        f"{bars_below}</figcaption>\n</figure>\n"
    )
    return _safe(out)


# --- club history ------------------------------------------------------------------------


def spell_items(spells: Iterable[Any]) -> SafeString:
    """The <li> of each spell in the club history: club (linked when published), a loan's
    badge and owner, the period as precise as the source knows it, the note."""
    loan = _e(_("loan"))
    items = []
    for spell in spells:
        club = spell.club
        name = (
            f'<a href="{_e(club.get_absolute_url())}">{_e(club.name)}</a>'
            if club.is_published
            else _e(club.name)
        )
        parts = [f'<li class="spell{" spell-loan" if spell.is_loan else ""}">\n  {name}\n  ']
        if spell.is_loan:
            owner = spell.owner_club.name if spell.owner_club else ""
            from_owner = _e(_("from %(owner)s") % {"owner": owner})
            parts.append(
                f'<span class="badge badge-loan">{loan}</span> '
                f'<span class="muted">{from_owner}</span>'
            )
        period = spell_period(spell)
        parts.append(f'\n  <span class="period">{_e(period)}</span>' if period else "\n  ")
        if spell.note:
            parts.append(f'\n  <span class="muted">{_e(spell.note)}</span>')
        parts.append("\n</li>")
        items.append("".join(parts))
    return _safe(items)


# --- international career ----------------------------------------------------------------


def match_line(match: Any) -> str:
    """A notable match: its date as precise as known, the opponent in the reader's
    language, the score and the note."""
    parts = ['<span class="match-line">']
    if match.date:
        date = partial_date(match.date, match.date_precision)
        parts.append(f'<span class="period">{_e(date)}</span> ')
    parts.append(_e(_("v %(opponent)s") % {"opponent": i18n.team_from_english(match.opponent)}))
    if match.score:
        parts.append(f" <strong>{_e(match.score)}</strong>")
    if match.note:
        parts.append(f" — {_e(i18n.match_note(match.note))}")
    parts.append("</span>")
    return "".join(parts)


def _team(team: Any) -> str:
    return i18n.team_name(team.country.code, team.country.name, team.level)


def internationals_table(internationals: list[Any], notes: list[str]) -> SafeString:
    """Caps and goals per national team (players.selectors.International), each team's
    notable matches under it, and the notes the rows refer to by number."""
    caption = _e(_("Caps and goals per national team"))
    team, years, caps, goals = _e(_("Team")), _e(_("Years")), _e(_("Caps")), _e(_("Goals"))
    debut, notes_head = _e(_("Debut")), _e(_("Notes"))
    number_of = {note: number for number, note in enumerate(notes, start=1)}
    out = [
        '<div class="table-scroll" role="region" aria-labelledby="international-caption" '
        'tabindex="0">\n<table class="data internationals">\n'
        f'  <caption id="international-caption" class="visually-hidden">{caption}</caption>\n'
        f'  <thead><tr>\n    <th scope="col">{team}</th><th scope="col">{years}</th>\n'
        f'    <th scope="col" class="num">{caps}</th><th scope="col" class="num">{goals}</th>\n'
        f'    <th scope="col">{debut}</th><th scope="col">{notes_head}</th>\n'
        "  </tr></thead>\n  <tbody>\n"
    ]
    for item in internationals:
        cap = item.cap
        national_team = cap.national_team
        flag = _e(i18n.flag(national_team.country.code)) if national_team.country else ""
        # A cap record means the player took part: what the source does not say stays blank.
        span = ""
        if cap.first_year:
            span = str(cap.first_year)
            if cap.last_year and cap.last_year != cap.first_year:
                span += f"–{cap.last_year}"
        reference = ""
        if cap.note and cap.note in number_of:
            number = number_of[cap.note]
            label = _e(_("Note %(n)s") % {"n": number})
            reference = f'<a href="#international-note-{number}" aria-label="{label}">{number}</a>'
        out.append(
            "    <tr>\n"
            f'      <th scope="row"><span class="flag" aria-hidden="true">{flag}</span> '
            f"{_e(_team(national_team))}</th>\n"
            f"      <td>{span}</td>\n"
            f'      <td class="num">{"" if cap.caps is None else cap.caps}</td>\n'
            f'      <td class="num">{"" if cap.goals is None else cap.goals}</td>\n'
            f"      <td>{_e(partial_date(cap.debut, cap.debut_precision))}</td>\n"
            f'      <td class="note-ref">{reference}</td>\n    </tr>\n'
        )
        for match in item.matches:
            out.append(f'    <tr class="match"><td colspan="6">{match_line(match)}</td></tr>\n')
    out.append("  </tbody>\n</table>\n</div>\n")
    if notes:
        out.append('<ol class="table-notes">')
        for number, note in enumerate(notes, start=1):
            text = _e(i18n.cap_note(note))
            out.append(f'<li id="international-note-{number}">{text}</li>')
        out.append("</ol>")
    return _safe(out)


def notable_matches(matches: list[Any]) -> SafeString:
    """The notable matches of teams the player has no cap record for."""
    return _safe(
        f"<li><strong>{_e(_team(match.national_team))}</strong> — {match_line(match)}</li>"
        for match in matches
    )


# --- interviews --------------------------------------------------------------------------


def interview_cards(player: Any, interviews: list[Any]) -> SafeString:
    """The profile's interview cards: the player's photo or initial, the title (in the
    interview's language), outlet and date (in the page's), and the pull quote."""
    page_language = _e(get_language() or "")
    if player.photo_rendition:
        avatar = (
            f'<img class="avatar" src="{_e(player.photo_rendition.url)}" alt="" width="48" '
            'height="48" loading="lazy">'
        )
    else:
        initial = _e(player.name[:1].upper())
        avatar = f'<span class="avatar avatar-placeholder" aria-hidden="true">{initial}</span>'
    cards = []
    for interview in interviews:
        outlet = (
            f'<span class="outlet">{_e(interview.outlet.name)}</span> · '
            if interview.outlet
            else ""
        )
        date = _e(published_date(interview))
        if interview.published_at:
            stamp = _e(timezone.localtime(interview.published_at).isoformat())
            when = f'<time datetime="{stamp}">{date}</time>'
        else:
            when = f'<span class="date-unknown">{date}</span>'
        quote = (
            f'<blockquote class="pull-quote"><p>{_e(interview.quote)}</p></blockquote>'
            if interview.quote
            else ""
        )
        cards.append(
            f'<li lang="{_e(interview.language)}"><div class="card interview-card">\n'
            f"        {avatar}\n"
            '        <div class="card-body">\n'
            f'          <a class="card-title" href="{_e(interview.get_absolute_url())}">'
            f"{_e(i18n.interview_title(interview.title, interview.language))}</a>\n"
            f'          <span class="card-meta" lang="{page_language}">{outlet}{when}</span>\n'
            f"          {quote}\n        </div>\n      </div></li>\n"
        )
    return _safe(cards)
