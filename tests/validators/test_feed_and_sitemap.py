"""The Atom feeds through feedparser, the sitemap against the pages it lists: what feed
readers and search engines read must agree with the pages."""

import re
from urllib.parse import urlsplit

import feedparser
from django.test import Client

from interviews.models import Interview
from tests.helpers import sitemap_urls

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_both_feeds_are_well_formed_atom_with_each_entry_in_its_language(seeds):
    for url, language in (("/feeds/interviews/", "en"), ("/de/feeds/interviews/", "de")):
        feed = feedparser.parse(Client().get(url).content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert feed.feed.language == language
        entries = {e.link.rsplit("/", 2)[-2]: e for e in feed.entries}
        for interview in Interview.objects.published():
            assert entries[interview.slug].title_detail.language == interview.language


def test_an_entry_is_updated_as_of_its_interview_not_its_import(seeds):
    feed = feedparser.parse(Client().get("/feeds/interviews/").content)
    dated = Interview.objects.published().exclude(published_at=None)
    assert dated
    for interview in dated:
        [entry] = [e for e in feed.entries if interview.slug in e.link]
        assert entry.updated == entry.published
        assert entry.updated.startswith(interview.published_at.date().isoformat())


def declared_alternates(client: Client, url: str) -> set[tuple[str, str]]:
    path = urlsplit(url).path
    page = client.get(path).content.decode()
    return set(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))


def test_the_sitemap_lists_exactly_the_alternates_each_page_declares(seeds):
    client = Client()
    urls = sitemap_urls(client)
    assert len(urls) >= 8
    for url in urls:
        loc = url.findtext(f"{SITEMAP}loc")
        assert loc
        listed = {(a.get("hreflang"), a.get("href")) for a in url.findall(f"{XHTML}link")}
        assert listed == declared_alternates(client, loc), loc


def test_robots_favicon_sitemap_and_feeds_answer_head_like_get(seeds):
    client = Client()
    for url in ("/robots.txt", "/favicon.ico", "/sitemap.xml", "/feeds/interviews/", "/"):
        head, get = client.head(url), client.get(url)
        assert head.status_code == get.status_code == 200, url
        assert head["Content-Type"] == get["Content-Type"], url
        # Read to the end as a WSGI server does: the test client then closes the favicon's
        # FileResponse without closing the test's database connection (an explicit close()
        # would, on PostgreSQL, inside the test's transaction).
        head.getvalue()
        get.getvalue()
