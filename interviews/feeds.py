"""Atom feed of the newest published interviews."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.web import absolute
from interviews.models import Interview


class InterviewFeed(Feed):
    feed_type = Atom1Feed
    title = _("Kader: interviews")
    subtitle = _("Interviews with our players, newest first.")

    def link(self) -> str:
        return absolute("/interviews/")

    def feed_url(self) -> str:
        return absolute("/feeds/interviews/")

    def items(self):
        return (
            Interview.objects.published()
            .select_related("outlet")
            .order_by(F("published_at").desc(nulls_last=True), "-updated_at")[:30]
        )

    def item_title(self, item: Interview) -> str:
        return item.title

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
        return item.updated_at
