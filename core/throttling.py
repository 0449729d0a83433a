"""API throttling that holds across workers and under concurrent requests."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle


class SharedAnonRateThrottle(AnonRateThrottle):
    """Anonymous requests per client in fixed windows, counted with the cache's atomic
    increment, so concurrent requests cannot all read the same count and pass (DRF's own
    throttle reads a history, then writes it back). With Redis (REDIS_URL) every worker
    shares one count; without it each worker counts in its own memory (the rate holds per
    worker). The client is REMOTE_ADDR, or the address NUM_PROXIES trusted
    proxies put in X-Forwarded-For: a client cannot pick its own bucket."""

    window_end: float = 0.0
    num_requests: int | None
    duration: int | None

    @property
    def cache(self) -> Any:  # type: ignore[override]
        """The "throttle" cache when the settings name one (memory per worker where the
        shared cache is the database: a count written to the database on every read would
        make each API read a write), else the default cache."""
        return caches["throttle"] if "throttle" in settings.CACHES else caches["default"]

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None or self.num_requests is None or self.duration is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        window = int(self.timer() // self.duration)
        key = f"{self.key}:{window}"
        self.cache.add(key, 0, timeout=self.duration + 1)
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window expired between add and incr
            self.cache.add(key, 1, timeout=self.duration + 1)
            count = 1
        self.window_end = (window + 1) * self.duration
        return bool(count <= self.num_requests)

    def wait(self) -> float | None:
        return max(0.0, self.window_end - self.timer())
