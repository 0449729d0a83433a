"""The seeded interviews' schema.org Article, as rich-result checkers read it: the date is the
document's own or absent. A web interview that prints no date gets no datePublished (which
rich results only recommend) rather than its import time: a wrong fact is worse than a
missing one."""

import json
import re
from datetime import datetime

from django.test import Client
from django.utils import translation

from interviews.models import Interview

# A JSON-LD block, e.g. <script type="application/ld+json">{"@type": "Article", …}</script>
JSON_LD = re.compile(r'<script type="application/ld\+json">(?P<data>.*?)</script>', re.S)


def article(client: Client, url: str) -> dict:
    [data] = JSON_LD.findall(client.get(url).content.decode())
    found: dict = json.loads(data)
    assert found["@type"] == "Article", url
    return found


def test_an_article_is_dated_by_its_document_or_not_at_all(seeds):
    client = Client()
    interviews = list(Interview.objects.published())
    # The seeds hold both kinds, so both rules below are exercised.
    assert {i.published_at is None for i in interviews} == {True, False}
    for interview in interviews:
        for language in ("en", "de"):
            with translation.override(language):
                url = interview.get_absolute_url()
            found = article(client, url)
            assert all(found.get(key) for key in ("headline", "author", "image")), url
            if interview.published_at is None:
                assert "datePublished" not in found, url
                assert "dateModified" not in found, url
            else:
                published = datetime.fromisoformat(found["datePublished"])
                assert published == interview.published_at, url
                assert datetime.fromisoformat(found["dateModified"]) == published, url
