"""What every public page shares: page metadata for SEO and conditional GET."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import condition


def absolute(path: str) -> str:
    """SITE_URL + path: canonical links, feeds and sitemaps never trust the Host header."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


@dataclass
class PageMeta:
    """Title, description, canonical URL, Open Graph and JSON-LD of one page."""

    title: str
    description: str = ""
    og_type: str = "website"
    image: str = ""
    json_ld: dict | None = None
    noindex: bool = False
    alternates: list[tuple[str, str]] = field(default_factory=list)
    canonical: str = ""

    def for_request(self, request: HttpRequest) -> "PageMeta":
        self.canonical = absolute(request.path)
        self.alternates = [
            (code, absolute(translate_url(request.path, code))) for code, _ in settings.LANGUAGES
        ]
        if self.image:
            self.image = absolute(self.image)
        return self


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> that text from the database cannot break out of.

    < > & are written as \\u003C… like json_script does, so "</script>" in a biography stays
    inside the JSON string.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _json_script_escapes
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def site_context(request: HttpRequest) -> dict:
    return {"SITE_URL": settings.SITE_URL}


# --- Conditional GET -------------------------------------------------------------------


def content_version() -> datetime | None:
    """The newest change to any public record: a page is stale once this moves.

    One aggregate per publishable model is cheaper than rendering, and a site-wide version
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


def _page_etag(request: HttpRequest, *args, **kwargs) -> str:
    if not hasattr(request, "_kader_etag"):
        version = content_version()
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
        request._kader_etag = hashlib.sha256(key.encode()).hexdigest()[:32]
    return request._kader_etag


def _page_last_modified(request: HttpRequest, *args, **kwargs) -> datetime | None:
    return content_version()


def conditional_page(view: Callable) -> Callable:
    """ETag for a public HTML page; a repeat request with If-None-Match gets a 304."""
    return condition(etag_func=_page_etag)(view)
