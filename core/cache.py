"""Public pages and API answers served from the shared cache.

A content version in the cache moves on every write to a record the site shows (signals,
see core.apps); the ETag, Last-Modified and the key of every cached body derive from it, so
a 304 costs one cache read and a warm page two, with no query. Only anonymous GETs are
cached or marked public: a signed-in reader (staff see drafts and "edit" links) is always
rendered afresh and told no cache may keep the answer.
"""

import hashlib
import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Max, Model
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "kader:content-version"
PAGE_KEY_PREFIX = "kader:page:"
# Set on a response whose language comes from its URL (i18n_patterns without a prefix for
# the default language): core.middleware drops LocaleMiddleware's Vary: Accept-Language.
LANGUAGE_IN_URL = "_kader_language_in_url"


# --- The content version ---------------------------------------------------------------


def latest_update() -> datetime | None:
    """The newest updated_at of any publishable record (seeds a cold content version).

    The models are found through the app registry, so the kernel names none."""
    from core.publishing import Publishable

    stamps = [
        model._default_manager.order_by().aggregate(m=Max("updated_at"))["m"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    found = [s for s in stamps if s is not None]
    return max(found) if found else None


def _new_version(at: datetime | None) -> str:
    """'<microseconds since 1970>.<random>': the time gives Last-Modified, the random part
    keeps two versions made in the same microsecond (or two seeds) apart."""
    micros = int(at.timestamp() * 1_000_000) if at else 0
    return f"{micros}.{secrets.token_hex(4)}"


# The version serve_public read for the page it is rendering: what the render reads
# (VersionMemo, counts kept per version) is keyed on the same version, without reading the
# cache again.
_RENDERING_VERSION: ContextVar[str | None] = ContextVar("kader_rendering_version", default=None)


def content_version() -> str:
    """The current content version: one cache read, or a seed when the cache is cold
    (inside serve_public's render, the version it read).

    A seed is new each time (random part), so bodies cached under a version that was
    evicted are never served again."""
    pinned = _RENDERING_VERSION.get()
    if pinned is not None:
        return pinned
    version = cache.get(VERSION_KEY)
    if isinstance(version, str):
        return version
    seed = _new_version(latest_update())
    cache.add(VERSION_KEY, seed, timeout=None)  # a concurrent bump or seed wins
    found = cache.get(VERSION_KEY)
    return found if isinstance(found, str) else seed


def version_time(version: str) -> datetime:
    micros = int(version.partition(".")[0] or 0)
    return datetime.fromtimestamp(micros / 1_000_000, tz=UTC)


def bump_content_version() -> None:
    """A new version: every ETag and cached body made before is out of date.

    A set of a fresh value, not incr: it is atomic on every backend (the database cache's
    incr reads then writes, so two writers could land on the same number)."""
    cache.set(VERSION_KEY, _new_version(timezone.now()), timeout=None)


def _bump_quietly() -> None:
    try:
        bump_content_version()
    except Exception:  # the write is committed: a cache outage must not turn it into a 500
        logger.exception("the content version could not be moved: pages may be stale")


def content_changed(using: str | None = None) -> None:
    """Move the content version once the current transaction commits (at once outside one).

    Bumping before the commit would let a request read the old rows and cache them under
    the new version. One bump per transaction, however many rows it writes: an import of a
    document saves hundreds. Inside a test case's transaction (which never commits, so no
    on_commit callback runs) every write bumps at once.
    """
    connection = connections[using or "default"]
    blocks = connection.atomic_blocks
    if not connection.in_atomic_block or (blocks and getattr(blocks[0], "_from_testcase", False)):
        _bump_quietly()
        return
    if any(entry[1] is _bump_quietly for entry in connection.run_on_commit):
        return
    connection.on_commit(_bump_quietly)


def _is_content(model: type[Model]) -> bool:
    return model._meta.app_label in settings.KADER_CONTENT_APPS


def on_save_or_delete(sender: type[Model], using: str | None = None, **kwargs: Any) -> None:
    """post_save / post_delete receiver for every model; acts on the content apps' only."""
    if _is_content(sender):
        content_changed(using)


def on_m2m_changed(
    sender: type[Model], instance: Model, action: str, using: str | None = None, **kwargs: Any
) -> None:
    if action.startswith("post_") and (_is_content(type(instance)) or _is_content(sender)):
        content_changed(using)


# --- Records read once per content version ----------------------------------------------


class VersionMemo[T]:
    """Values read from the database, kept in this process's memory for as long as the
    content version stays the same (at most `size` of them, least recently used out).

    For what several pages and answers build from the same records: a page's language
    twin, the same page under another query string (a link with tracking parameters),
    or a page again after its cached body expired, skip the reads. Nothing is kept while
    PAGE_CACHE_SECONDS is 0 ("render every request"). A value must not be changed by its
    readers: they share it."""

    def __init__(self, size: int = 256):
        self.size = size
        self._values: OrderedDict[Hashable, tuple[str, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        if settings.KADER_PAGE_CACHE_SECONDS <= 0:
            return build()
        try:
            version = content_version()
        except Exception:  # serve_public logs the outage; build as if nothing were kept
            return build()
        with self._lock:
            found = self._values.get(key)
            if found is not None and found[0] == version:
                self._values.move_to_end(key)
                return found[1]
        value = build()
        with self._lock:
            self._values[key] = (version, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


# --- Serving ---------------------------------------------------------------------------


def is_anonymous(request: Any) -> bool:
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _key(request: HttpRequest, version: str) -> str:
    """What a cached answer depends on: the content version, the language, the absolute URL
    with its query (API links carry the host) and the day (loans running today, ages)."""
    parts = [
        version,
        get_language() or "",
        "anonymous",
        request.build_absolute_uri(),
        timezone.localdate().isoformat(),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _last_modified(version: str) -> float:
    """The version's time, but not before today's midnight: a page can change with the day."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return max(version_time(version), midnight).timestamp()


def mark_public(response: HttpResponseBase) -> None:
    """Any cache (browser, proxy, CDN) may keep it for a short while and serve it stale
    while it fetches a fresh copy."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.KADER_PAGE_MAX_AGE,
        stale_while_revalidate=settings.KADER_PAGE_STALE_WHILE_REVALIDATE,
    )


def mark_private(response: HttpResponseBase) -> None:
    """A signed-in reader's answer (drafts, edit links): no cache may store it."""
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))


def _cacheable(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.streaming
        and not response.cookies
        # A body with the response's CSP nonce would not match a later response's header.
        and not getattr(request, "_csp_nonce", None)
    )


def _validators(request: HttpRequest, version: str) -> tuple[str, str, float]:
    """The cache key of the request's answer at this content version, its ETag and its
    Last-Modified time."""
    key = _key(request, version)
    return key, quote_etag(key), _last_modified(version)


def _public_headers(response: HttpResponseBase, etag: str, last_modified: float) -> None:
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    mark_public(response)


def not_modified(request: HttpRequest) -> HttpResponseBase | None:
    """The 304 serve_public would answer an anonymous conditional GET, from one cache read,
    or None (no validator sent, or it is out of date, or the cache does not answer).

    For a caller that would otherwise do costly work before serve_public (the API's
    authentication, permissions and throttle), and that has made sure the request is one
    serve_public would answer: anonymous, and the representation whose ETag it handed out.
    """
    if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
        return None
    try:
        version = content_version()
    except Exception:
        return None  # serve_public logs it
    _, etag, last_modified = _validators(request, version)
    response = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
    if response is None or response.status_code != 304:
        return None
    _public_headers(response, etag, last_modified)
    patch_vary_headers(response, ("Cookie",))
    return response


def serve_public(
    request: HttpRequest,
    render: Callable[[], HttpResponseBase],
    *,
    language_in_url: bool = False,
) -> HttpResponseBase:
    """An anonymous GET or HEAD: a 304 when the client has the current version, else the
    cached body, else render() once and keep its body for the next reader. Without a
    working cache the page is rendered as if nothing were cached (and logged)."""
    try:
        version = content_version()
    except Exception:
        logger.exception("the shared cache does not answer: page served without it")
        uncached = render()
        mark_private(uncached)
        return uncached
    key, etag, last_modified = _validators(request, version)
    response: HttpResponseBase | None = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified)
    )
    if response is None:
        keep = settings.KADER_PAGE_CACHE_SECONDS > 0
        cached = cache.get(PAGE_KEY_PREFIX + key) if keep else None
        if isinstance(cached, tuple):
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
        else:
            pinned = _RENDERING_VERSION.set(version)
            try:
                response = render()
            finally:
                _RENDERING_VERSION.reset(pinned)
            if keep and _cacheable(request, response):
                assert isinstance(response, HttpResponse)
                cache.set(
                    PAGE_KEY_PREFIX + key,
                    (response.content, response["Content-Type"]),
                    timeout=settings.KADER_PAGE_CACHE_SECONDS,
                )
    if response.status_code in {200, 304}:
        _public_headers(response, etag, last_modified)
    # The same URL answers a signed-in reader differently (edit links, drafts).
    patch_vary_headers(response, ("Cookie",))
    if language_in_url:
        setattr(response, LANGUAGE_IN_URL, True)
    return response
