"""The anonymous API throttle cannot be dodged with a forged header or outrun by
concurrent requests, and it counts in the cache every worker shares."""

import threading

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle

from core.throttling import SharedAnonRateThrottle


@pytest.fixture(autouse=True)
def five_a_minute(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "5/minute"})
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_rotating_x_forwarded_for_does_not_give_a_fresh_bucket(client):
    codes = [
        client.get("/api/v1/clubs/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(8)
    ]
    assert codes == [200] * 5 + [429] * 3


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    first = [
        client.get("/api/v1/clubs/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code
        for _ in range(6)
    ]
    other = client.get("/api/v1/clubs/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code
    assert first == [200] * 5 + [429]
    assert other == 200


def test_concurrent_requests_cannot_overshoot_the_rate():
    request = RequestFactory().get("/api/v1/clubs/", REMOTE_ADDR="192.0.2.9")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    allowed = []
    barrier = threading.Barrier(20)

    def client() -> None:
        throttle = SharedAnonRateThrottle()
        barrier.wait()
        for _ in range(10):
            allowed.append(throttle.allow_request(request, None))

    threads = [threading.Thread(target=client) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == 200
    assert sum(allowed) == 5
