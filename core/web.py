"""What every public page shares: page metadata for SEO and conditional GET."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.http import HttpRequest, HttpResponseBase
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import condition


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


# --- Conditional GET -------------------------------------------------------------------


def content_version() -> datetime | None:
    """The newest change to any public record: a page is stale once this moves.

    One MAX(updated_at) per publishable model, each answered from the index on updated_at
    that every publishable model declares, is cheaper than rendering; a site-wide version
    is safe for pages that show several records (a club page lists players, a player
    interviews). The models are found through the app registry, so the kernel names none.
    """
    from core.publishing import Publishable

    stamps = [
        model._default_manager.order_by().aggregate(m=Max("updated_at"))["m"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    stamps = [s for s in stamps if s is not None]
    return max(stamps) if stamps else None


def _request_version(request: HttpRequest) -> datetime | None:
    """content_version() once per request, shared by the ETag and Last-Modified."""
    if not hasattr(request, "_kader_content_version"):
        request._kader_content_version = content_version()  # type: ignore[attr-defined]
    version: datetime | None = request._kader_content_version  # type: ignore[attr-defined]
    return version


def _page_last_modified(request: HttpRequest, *args: object, **kwargs: object) -> datetime | None:
    return _request_version(request)


def _page_etag(request: HttpRequest, *args: object, **kwargs: object) -> str:
    version = _request_version(request)
    user = getattr(request, "user", None)
    staff = bool(user and user.is_authenticated and user.is_staff)
    key = "|".join(
        [
            version.isoformat() if version else "-",
            get_language() or "",
            "staff" if staff else "public",
            request.get_full_path(),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def conditional_page[V: Callable[..., HttpResponseBase]](view: V) -> V:
    """ETag and Last-Modified for a public HTML page; a repeat request with If-None-Match
    (or, from a client that keeps only dates, If-Modified-Since) gets a 304."""
    return condition(etag_func=_page_etag, last_modified_func=_page_last_modified)(view)
