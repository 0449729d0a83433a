"""Helpers every test may use: a page's HTML, the queries a request runs, and an admin
change page turned into the POST data a browser would send back."""

from typing import Any

from django.db import connection
from django.forms import BaseForm
from django.test.utils import CaptureQueriesContext, override_settings


def html(response) -> str:
    """The body of a page that must have answered 200."""
    assert response.status_code == 200
    return response.content.decode()


def get_counting_queries(client, url: str, **extra: Any) -> tuple[list[dict], str]:
    """GET url (which must answer 200): the SQL queries it ran, and the page.

    For the query-count tests: warm the caches with one request, count, grow the data,
    count again and assert the two counts are equal. The page cache is off while it
    counts (core.cache): the count is the render's, not the cache hit's zero.
    """
    with (
        override_settings(KADER_PAGE_CACHE_SECONDS=0),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return queries.captured_queries, response.content.decode()


# --- Admin forms -------------------------------------------------------------------------


def _field_value(form: BaseForm, name: str):
    field = form.fields[name]
    value = form[name].value()
    if value is None:
        return ""
    widget_value = field.widget.format_value(value) if not isinstance(value, list) else value
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return "on" if value else ""
    return "" if widget_value is None else widget_value


def form_data(response) -> dict:
    """The main form and every inline formset of an admin add/change page, as shown."""
    data: dict = {}
    adminform = response.context["adminform"].form
    for name in adminform.fields:
        value = _field_value(adminform, name)
        if value != "":
            data[name] = value
    inlines = response.context.get("inline_admin_formsets") or []
    for inline in inlines:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        data[management.add_prefix("TOTAL_FORMS")] = len(formset.initial_forms)
        for form in formset.initial_forms:
            for name in form.fields:
                value = _field_value(form, name)
                if value != "":
                    data[form.add_prefix(name)] = value
    return data


def inline_prefix(response, model_name: str, nth: int = 0) -> str:
    prefixes = [
        inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model._meta.model_name == model_name
    ]
    return prefixes[nth]


def add_inline_rows(data: dict, prefix: str, rows: list[dict]) -> None:
    """Append new rows to the inline formset with this prefix."""
    start = int(data[f"{prefix}-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{start + offset}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = start + len(rows)


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_sections(client) -> list[bytes]:
    """Every file /sitemap.xml's index names, fetched through the client, as bytes."""
    import xml.etree.ElementTree as ET
    from urllib.parse import urlsplit

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    root = ET.fromstring(index.content)  # noqa: S314 (our own response)
    assert root.tag == f"{SITEMAP_NS}sitemapindex"
    sections = []
    for location in root.findall(f"{SITEMAP_NS}sitemap/{SITEMAP_NS}loc"):
        url = urlsplit(location.text or "")
        response = client.get(url.path + (f"?{url.query}" if url.query else ""))
        assert response.status_code == 200, location.text
        sections.append(response.content)
    return sections


def sitemap_urls(client) -> list:
    """The <url> elements of every section the sitemap index names."""
    import xml.etree.ElementTree as ET

    return [
        url
        for content in sitemap_sections(client)
        for url in ET.fromstring(content).findall(f"{SITEMAP_NS}url")  # noqa: S314
    ]
