"""What every public page shares: page metadata for SEO, conditional GET, sources per part."""

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Max
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import condition

from sources.models import Provenance


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

    Three indexed aggregates are cheaper than rendering, and a site-wide version is safe
    for pages that show several records (a club page lists players, a player interviews).
    """
    from clubs.models import Club
    from interviews.models import Interview
    from players.models import Player

    stamps = [
        model.objects.order_by().aggregate(m=Max("updated_at"))["m"]
        for model in (Player, Club, Interview)
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


# --- Sources per part ------------------------------------------------------------------


def sources_for(parts: dict[str, Iterable[models.Model]]) -> dict[str, list[str]]:
    """For each named part of a page, the file names of the documents its records came from.

    One query for all parts: (content type, id) pairs of every record, then grouped.
    """
    wanted: dict[tuple[int, int], set[str]] = defaultdict(set)
    records = {name: list(objs) for name, objs in parts.items()}
    models_used = {type(obj) for objs in records.values() for obj in objs}
    if not models_used:
        return {name: [] for name in parts}
    types = ContentType.objects.get_for_models(*models_used)
    for name, objs in records.items():
        for obj in objs:
            wanted[(types[type(obj)].pk, obj.pk)].add(name)
    condition_q = models.Q()
    by_type: dict[int, list[int]] = defaultdict(list)
    for ct_id, obj_id in wanted:
        by_type[ct_id].append(obj_id)
    for ct_id, ids in by_type.items():
        condition_q |= models.Q(content_type_id=ct_id, object_id__in=ids)
    found: dict[str, set[str]] = {name: set() for name in parts}
    rows = Provenance.objects.filter(condition_q).values_list(
        "content_type_id", "object_id", "document__file_name"
    )
    for ct_id, obj_id, file_name in rows:
        for name in wanted.get((ct_id, obj_id), ()):
            found[name].add(file_name)
    return {name: sorted(files) for name, files in found.items()}
