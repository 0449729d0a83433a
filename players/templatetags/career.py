"""The cells of a career-statistics line: a number, — (did not take part), blank (unknown)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from players.stats import Line

register = template.Library()


def stat_cell(
    line: Line, name: str, columns: list[str], css: str = "num", testid: str = ""
) -> SafeString:
    value, unknown = line.cell(name, columns)
    if testid:
        css = format_html('{}" data-testid="{}', css, testid)
    if value is None and unknown:
        return format_html('<td class="{} unknown" title="{}"></td>', css, _("not known"))
    if value is None:
        return format_html('<td class="{}">—</td>', css)
    if unknown:
        return format_html(
            '<td class="{}">{}<abbr class="incomplete" title="{}">*</abbr></td>',
            css,
            value,
            _("includes values the source does not give"),
        )
    return format_html('<td class="{}">{}</td>', css, value)


@register.simple_tag
def stat_cells(line: Line, columns: list[str], testid: str = "") -> SafeString:
    """Apps and goals of each shown competition, then the line's total (testid marks the
    total apps cell for tests: '<testid>-apps')."""
    cells = [
        stat_cell(line, f"{column}_{kind}", columns)
        for column in columns
        for kind in ("apps", "goals")
    ]
    cells += [
        stat_cell(line, "total_apps", columns, "num total", f"{testid}-apps" if testid else ""),
        stat_cell(line, "total_goals", columns, "num total"),
    ]
    return format_html_join("", "{}", ((cell,) for cell in cells))


@register.simple_tag
def bound_cell(value: int | None, partial: bool, testid: str = "") -> SafeString:
    """A career total that is exact, a lower bound ('≥ 71': it sums over a season whose
    value is unknown), — (never took part) or blank (nothing known)."""
    test = format_html(' data-testid="{}"', testid) if testid else ""
    if value is None and partial:
        return format_html('<td class="num unknown"{} title="{}"></td>', test, _("not known"))
    if value is None:
        return format_html('<td class="num"{}>—</td>', test)
    if partial:
        return format_html(
            '<td class="num lower-bound"{}><abbr title="{}">≥</abbr> {}</td>',
            test,
            _("at least: includes seasons the source does not give"),
            value,
        )
    return format_html('<td class="num"{}>{}</td>', test, value)


@register.filter
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
