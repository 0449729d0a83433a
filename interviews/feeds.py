"""Atom feed of the newest published interviews, in English at /feeds/interviews/ and in
German at /de/feeds/interviews/; each entry carries the language of its interview."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.i18n import interview_title
from core.web import absolute
from interviews.models import Interview


class EntryLanguageAtomFeed(Atom1Feed):
    """Atom with xml:lang on each entry, so a German interview in the English feed (and
    an English one in the German feed) is not read as the feed's language."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class InterviewFeed(Feed):
    feed_type = EntryLanguageAtomFeed
    title = _("Kader: interviews")
    subtitle = _("Interviews with our players, newest first.")

    def link(self) -> str:
        return absolute(reverse("interviews:list"))

    def feed_url(self) -> str:
        return absolute(reverse("interview_feed"))

    def item_extra_kwargs(self, item: Interview) -> dict[str, Any]:
        return {"language": item.language}

    def items(self):
        return (
            Interview.objects.published()
            .select_related("outlet")
            .order_by(F("published_at").desc(nulls_last=True), "-updated_at")[:30]
        )

    def item_title(self, item: Interview) -> str:
        return interview_title(item.title, item.language)

    def item_description(self, item: Interview) -> str:
        # Atom readers treat the summary as HTML: escape it so it stays text.
        return escape(item.standfirst)

    def item_link(self, item: Interview) -> str:
        return absolute(item.get_absolute_url())

    def item_author_name(self, item: Interview) -> str:
        return item.author or (item.outlet.name if item.outlet else "")

    def item_pubdate(self, item: Interview):
        return item.published_at

    def item_updateddate(self, item: Interview):
        # The interview's own date; the record's last change only when the document
        # states none (Atom needs an <updated> on every entry).
        return item.published_at or item.updated_at
