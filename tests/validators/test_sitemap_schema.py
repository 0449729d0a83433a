"""The sitemap through the sitemaps.org XSD (protocol 0.9), as search engines' validators read
it. The schema processes foreign elements in `<url>` strictly, so the `xhtml:link` alternates
are checked against the W3C XHTML 1.0 Strict schema; both are read from disk, never fetched
(see schemas/README.md). The site serves one `urlset` and no sitemap index."""

import io
from pathlib import Path

import pytest
import xmlschema
from django.test import Client
from xmlschema.locations import FALLBACK_LOCATIONS
from xmlschema.names import XHTML_NAMESPACE

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
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    assert schema_errors(sitemap_schema, response.content) == []
    root = xmlschema.XMLResource(io.BytesIO(response.content)).root
    assert root.tag == f"{SITEMAP}urlset"
    urls = root.findall(f"{SITEMAP}url")
    assert len(urls) >= 8
    # Every page is listed with its alternates: the XHTML check above saw real links.
    assert all(url.findall(f"{XHTML}link") for url in urls)


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
