"""The profile's career tables and timeline, drawn in Python (players.render)."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from players.render import career_tables as render_career_tables
from players.render import internationals_table, interview_cards, notable_matches, spell_items
from players.render import timeline_svg as render_timeline_svg
from players.timeline import Timeline

register = template.Library()


@register.simple_tag
def career_tables(page: Any) -> SafeString:
    """The career table and the totals by competition of a players.selectors.PlayerPage."""
    return render_career_tables(page.table, page.blocks)


@register.simple_tag
def timeline_svg(timeline: Timeline, id: str, name: str) -> SafeString:
    return render_timeline_svg(timeline, id, name)


@register.simple_tag
def spells(*lists: list[Any]) -> SafeString:
    """The club history's <li>s of one or more lists of spells, in order."""
    return spell_items(spell for spells in lists for spell in spells)


@register.simple_tag
def internationals(page: Any) -> SafeString:
    """The caps table of a players.selectors.PlayerPage, with its notes."""
    return internationals_table(page.internationals, page.international_notes)


@register.simple_tag
def other_matches(page: Any) -> SafeString:
    return notable_matches(page.other_matches)


@register.simple_tag
def interviews(page: Any) -> SafeString:
    """The interview cards of a players.selectors.PlayerPage."""
    return interview_cards(page.player, page.interviews)
