"""Template helpers of the public site: dates as precise as the source, — for None, JSON-LD."""

import datetime
from html import escape
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext as _

from core import i18n
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
    """'de' -> 'German' on English pages, 'Deutsch' on German ones; unknown codes as they are."""
    try:
        return _(str(get_language_info(code)["name"]))
    except KeyError:
        return code


# --- Names and generated phrases in the reader's language (core.i18n) ----------------


@register.filter
def country(value: Any) -> str:
    """A Country in the reader's language (CLDR through Babel)."""
    return i18n.country_name(value.code, value.name) if value else ""


@register.filter
def flag(value: Any) -> str:
    """The flag emoji of a Country, or ''."""
    return i18n.flag(value.code) if value else ""


@register.filter
def team(value: Any) -> str:
    """A NationalTeam in the reader's language: 'Deutschland U15'."""
    if not value:
        return ""
    return i18n.team_name(value.country.code, value.country.name, value.level)


@register.filter
def opponent(value: str) -> str:
    """An opponent the source named in English ('Czechia U20'), in the reader's language."""
    return i18n.team_from_english(value)


@register.filter
def birthplace(player: Any) -> str:
    """Place of birth with its country in the reader's language."""
    country_of_birth = getattr(player, "country_of_birth", None)
    return i18n.place_with_country(
        player.place_of_birth or "",
        country_of_birth.code if country_of_birth else "",
        country_of_birth.name if country_of_birth else "",
    )


@register.filter
def match_note(value: str) -> str:
    return i18n.match_note(value)


@register.filter
def cap_note(value: str) -> str:
    return i18n.cap_note(value)


@register.filter
def interview_title(interview: Any) -> str:
    """The title; one the importer made up is written in the interview's own language."""
    return i18n.interview_title(interview.title, interview.language)


@register.filter
def position_detail(value: str, source_language: str = "en") -> SafeString:
    """A position detail in the reader's language; one we cannot translate keeps the
    language of its source, marked with lang."""
    text, translated = i18n.position_detail(value)
    if translated or (get_language() or "").split("-")[0] == source_language:
        return format_html("{}", text)
    return format_html('<span lang="{}">{}</span>', source_language, text)


@register.filter
def age(player: Any) -> int | None:
    """Completed years today, when the day of birth is known."""
    born: datetime.date | None = getattr(player, "date_of_birth", None)
    if born is None or getattr(player, "date_of_birth_precision", "day") != DatePrecision.DAY:
        return None
    today = timezone.localdate()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@register.simple_tag
def sources(files: list[Any] | None) -> SafeString:
    """The "Sources:" line under a part of a page (sources.selectors.Source): an interview
    by its title, kind and outlet, linked to its page; another document by its kind,
    language and import date. Built in Python: it is on every part of every page."""
    if not files:
        return mark_safe("")
    cited = []
    for source in files:
        page = source.page
        if page is not None:
            outlet = f", {escape(page.outlet.name)}" if page.outlet else ""
            cited.append(
                f'<span class="source"><a href="{escape(page.get_absolute_url())}" '
                f'lang="{escape(page.language)}">{escape(interview_title(page))}</a> '
                f"({escape(source.kind_label)}{outlet})</span>"
            )
            continue
        language = f" ({escape(language_label(source.language))})" if source.language else ""
        date = formats.date_format(source.imported, "DATE_FORMAT")
        imported = escape(_("imported %(date)s") % {"date": date})
        cited.append(
            f'<span class="source">{escape(source.kind_label)}{language}, {imported}</span>'
        )
    label = escape(ngettext("Source", "Sources", len(files)))
    return mark_safe(  # noqa: S308 - every value above went through escape
        f'<p class="sources"><span class="sources-label">{label}:</span> {"; ".join(cited)}</p>'
    )
