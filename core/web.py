"""What every public page shares: page metadata for SEO and conditional GET."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponseBase
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info

from core.cache import is_anonymous, mark_private, serve_public


def absolute(path: str) -> str:
    """SITE_URL + path: canonical links, feeds and sitemaps never trust the Host header."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


DEFAULT_IMAGE = "img/og-default.png"


@dataclass
class PageMeta:
    """Title, description, canonical URL, Open Graph and JSON-LD of one page."""

    title: str
    description: str = ""
    og_type: str = "website"
    image: str = ""
    json_ld: dict[str, Any] | None = None
    noindex: bool = False
    alternates: list[tuple[str, str]] = field(default_factory=list)
    canonical: str = ""

    def for_request(self, request: HttpRequest) -> "PageMeta":
        self.canonical = absolute(request.path)
        self.alternates = [
            (code, absolute(translate_url(request.path, code))) for code, _ in settings.LANGUAGES
        ]
        # The sitemap names the default language's page as x-default too: say the same.
        self.alternates.append(
            ("x-default", absolute(translate_url(request.path, settings.LANGUAGE_CODE)))
        )
        # Open Graph requires an image: the site's own card when the record has none.
        self.image = absolute(self.image or static(DEFAULT_IMAGE))
        return self


def language_links(request: HttpRequest) -> dict[str, Any]:
    """Context processor: this page in every language, for the switcher's links
    (templates/includes/language_switcher.html). Lazy: templates without a switcher
    (the admin) never resolve the URLs."""

    def links() -> list[dict[str, Any]]:
        current = get_language()
        path = request.get_full_path()
        return [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]

    return {"language_links": links}


# What django.utils.html.json_script escapes (its table is private).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> that text from the database cannot break out of.

    < > & are written as \\u003C… like json_script does, so "</script>" in a biography stays
    inside the JSON string.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


# --- Conditional GET and the page cache ------------------------------------------------


def conditional_page[V: Callable[..., HttpResponseBase]](view: V) -> V:
    """A public HTML page: for anonymous readers ETag and Last-Modified from the content
    version (a repeat request gets a 304), the rendered page kept in the shared cache and
    Cache-Control: public; a signed-in reader's page is rendered afresh and never stored."""

    @wraps(view)
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in {"GET", "HEAD"} or not is_anonymous(request):
            response = view(request, *args, **kwargs)
            mark_private(response)
            return response
        return serve_public(request, lambda: view(request, *args, **kwargs), language_in_url=True)

    return cast("V", page)
