"""Template helpers of the public site: dates as precise as the source, — for None, JSON-LD."""

import datetime
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from core.publishing import DatePrecision
from core.web import json_ld as render_json_ld

register = template.Library()


@register.filter
def dash(value: object) -> object:
    """'Did not take part' (None) is shown as an em dash; 0 stays 0."""
    return "—" if value is None or value == "" else value


@register.filter
def partial_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """A date only as precise as the source knows it, in the reader's language."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


@register.filter
def spell_period(spell: Any) -> str:
    start = partial_date(spell.start, spell.start_precision)
    end = partial_date(spell.end, spell.end_precision)
    if not start and not end:
        return ""
    return f"{start or '?'} – {end}" if end else _("since %(start)s") % {"start": start}


@register.filter
def published_date(interview: Any) -> str:
    """'14 December 2025, 13:31', '14 December 2025' or 'date unknown'."""
    value = interview.published_at
    if value is None:
        return _("date unknown")
    local = timezone.localtime(value)
    if interview.published_precision == "minute":
        return formats.date_format(local, "DATETIME_FORMAT")
    return formats.date_format(local, "DATE_FORMAT")


@register.simple_tag
def json_ld(data: dict[str, Any] | None) -> SafeString:
    return render_json_ld(data) if data else SafeString("")


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, number: int) -> str:
    """?page=n keeping the list's filters."""
    query = str(context.get("filter_query", ""))
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.filter
def language_label(code: str) -> str:
    """'de' -> 'Deutsch'; an unknown code is shown as it is."""
    try:
        return str(get_language_info(code)["name_local"])
    except KeyError:
        return code
