"""The sitemap through the sitemaps.org XSD (protocol 0.9), as search engines' validators read
it. The schema processes foreign elements in `<url>` strictly, so the `xhtml:link` alternates
are checked against the W3C XHTML 1.0 Strict schema; both are read from disk, never fetched
(see schemas/README.md). /sitemap.xml is an index; each section it names is checked."""

import io
import re
from pathlib import Path

import pytest
import xmlschema
from django.test import Client
from xmlschema.locations import FALLBACK_LOCATIONS
from xmlschema.names import XHTML_NAMESPACE

from tests.helpers import sitemap_sections

SITEMAP_XSD = Path(__file__).with_name("schemas") / "sitemap.xsd"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = f"{{{XHTML_NAMESPACE}}}"


@pytest.fixture(scope="module")
def sitemap_schema() -> xmlschema.XMLSchema:
    """sitemap.xsd with the XHTML namespace imported from xmlschema's bundled copy."""
    return xmlschema.XMLSchema(
        SITEMAP_XSD,
        locations={XHTML_NAMESPACE: FALLBACK_LOCATIONS[XHTML_NAMESPACE]},
        allow="local",
    )


def schema_errors(schema: xmlschema.XMLSchema, document: bytes) -> list[str]:
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(io.BytesIO(document))]


def test_the_sitemap_is_valid_against_the_sitemaps_org_schema(seeds, sitemap_schema):
    """Each section the index names is a valid urlset; together they list every page."""
    urls = []
    for content in sitemap_sections(Client()):
        assert schema_errors(sitemap_schema, content) == []
        root = xmlschema.XMLResource(io.BytesIO(content)).root
        assert root.tag == f"{SITEMAP}urlset"
        urls += root.findall(f"{SITEMAP}url")
    assert len(urls) >= 8
    # Every page is listed with its alternates: the XHTML check above saw real links.
    assert all(url.findall(f"{XHTML}link") for url in urls)


def test_a_big_section_is_split_into_pages_the_index_names(seeds, settings):
    """More records than one sitemap page holds: none is dropped, the index names each page."""
    from clubs.models import Club
    from interviews.sitemaps import KaderSitemap

    published = Club.objects.published().count()
    assert published >= 2
    original = KaderSitemap.limit
    KaderSitemap.limit = 1  # one record (two URLs, English and German) a page
    try:
        sections = sitemap_sections(Client())
    finally:
        KaderSitemap.limit = original
    club_urls = {
        url.findtext(f"{SITEMAP}loc")
        for content in sections
        for url in xmlschema.XMLResource(io.BytesIO(content)).root.findall(f"{SITEMAP}url")
        if re.search(r"/clubs/[^/]+/$", url.findtext(f"{SITEMAP}loc") or "")  # a club page
    }
    assert len(club_urls) == 2 * published


def test_the_schema_check_rejects_a_malformed_alternate_or_date(sitemap_schema):
    """The validator is strict where it matters: a wrong `xhtml:link` or `lastmod` fails."""
    entry = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        "<url><loc>https://example.org/players/</loc><lastmod>{lastmod}</lastmod>"
        '<xhtml:link rel="alternate" {attribute}="de" href="https://example.org/de/players/"/>'
        "</url></urlset>"
    )
    good = entry.format(lastmod="2024-05-01T12:00:00+00:00", attribute="hreflang")
    assert schema_errors(sitemap_schema, good.encode()) == []
    undeclared = entry.format(lastmod="2024-05-01", attribute="language")
    assert schema_errors(sitemap_schema, undeclared.encode())
    german_date = entry.format(lastmod="01.05.2024", attribute="hreflang")
    assert schema_errors(sitemap_schema, german_date.encode())
