"""System checks for what the settings cannot see: services that must answer."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.caches, deploy=False)
def check_cache_answers(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """A configured Redis cache must be importable and reachable, or every API call fails."""
    backend = settings.CACHES["default"]["BACKEND"]
    if not backend.endswith("RedisCache"):
        return []
    location = settings.CACHES["default"].get("LOCATION", "")
    try:
        from django.core.cache import caches

        cache = caches["default"]
        cache.set("kader:check", "ok", timeout=5)
        if cache.get("kader:check") != "ok":
            raise ConnectionError("the cache did not return what was stored")
    except Exception as error:  # the client raises many kinds; each means "not usable"
        return [
            Error(
                f"REDIS_URL={location!r}: the cache does not answer ({error.__class__.__name__}: "
                f"{error}).",
                hint="Start Redis or correct REDIS_URL; unset it to use the local memory cache.",
                id="kader.E001",
            )
        ]
    return []
