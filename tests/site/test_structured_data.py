"""schema.org JSON-LD that rich-result checkers accept: a Person with the details the
page shows, an Article with author, image and the document's own dates."""

import datetime
import json
import re

from core.web import DEFAULT_IMAGE


def json_ld(client, url: str) -> dict:
    page = client.get(url).content.decode()
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(data)


def test_the_person_keeps_the_position_detail_and_the_country_of_birth(client, player, germany):
    player.position_detail = "centre-back"
    player.place_of_birth = "Hlučín"
    player.country_of_birth = germany
    player.save()
    person = json_ld(client, player.get_absolute_url())
    assert person["jobTitle"] == "Goalkeeper (centre-back)"
    assert person["birthPlace"]["name"] == "Hlučín, Germany"
    assert person["birthPlace"]["containedInPlace"] == {
        "@type": "Country",
        "name": "Germany",
        "identifier": "DE",
    }
    german = json_ld(client, "/de" + player.get_absolute_url())
    assert german["birthPlace"]["containedInPlace"]["name"] == "Deutschland"


def test_an_interview_without_a_byline_is_by_its_outlet_with_an_image(client, interview):
    interview.author = ""
    interview.published_at = None
    interview.save()
    article = json_ld(client, interview.get_absolute_url())
    assert article["author"] == {
        "@type": "Organization",
        "name": "Bundesliga.com",
        "url": "https://www.bundesliga.com",
    }
    assert article["image"].endswith(DEFAULT_IMAGE.rsplit("/", 1)[-1])
    # No date in the document: none invented from the import.
    assert "datePublished" not in article
    assert "dateModified" not in article


def test_an_interview_is_dated_by_its_document_not_its_import(client, interview):
    interview.published_at = datetime.datetime(2024, 2, 12, 9, 30, tzinfo=datetime.UTC)
    interview.save()
    article = json_ld(client, interview.get_absolute_url())
    assert article["datePublished"] == article["dateModified"] == "2024-02-12T09:30:00+00:00"


def test_a_german_interview_keeps_its_german_headline_on_the_english_site(client, interview):
    interview.title = "Jiří Pavlenka – SPORT1 interview"
    interview.language = "de"
    interview.save()
    article = json_ld(client, interview.get_absolute_url())
    assert article["headline"] == "Jiří Pavlenka im SPORT1-Interview"
    assert article["inLanguage"] == "de"
