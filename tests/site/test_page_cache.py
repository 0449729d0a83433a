"""Public pages and API reads as a cache sees them: public headers and no cookie for the
anonymous reader, a warm page and a 304 without a query, an edit in the admin or an import
visible on the next request, and a signed-in reader's answer never shared."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.cache import get_max_age
from django.utils.http import parse_http_date

from players.models import Player
from tests.helpers import form_data, html

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAGES = ["/players/mio-backhaus/", "/de/players/mio-backhaus/", "/clubs/werder-bremen/"]
API = ["/api/v1/players/mio-backhaus/", "/api/v1/players/", "/api/v1/countries/"]


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("url", PAGES + API)
def test_an_anonymous_answer_may_be_kept_by_any_cache(client, backhaus, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers
    directives = cache_control(response)
    assert "public" in directives
    assert get_max_age(response) > 0
    assert any(d.startswith("stale-while-revalidate=") for d in directives)
    assert response["ETag"]
    assert parse_http_date(response["Last-Modified"]) > 0


@pytest.mark.parametrize("url", ["/players/mio-backhaus/", "/clubs/werder-bremen/"])
def test_an_english_page_does_not_vary_on_the_browsers_language(client, backhaus, url):
    # The language is in the URL (/de/… for German), so Accept-Language changes nothing.
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert '<html lang="en">' in html(english)
    assert "accept-language" not in vary(english)
    # A signed-in editor sees an edit link on the same URL: caches must tell them apart.
    assert "cookie" in vary(english)


@pytest.mark.parametrize("url", PAGES + API)
def test_a_warm_page_and_a_304_run_no_query(client, backhaus, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    with django_assert_num_queries(0):
        unchanged = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert "public" in cache_control(unchanged)


def test_a_304_for_a_client_that_keeps_only_the_date(client, backhaus):
    first = client.get("/players/mio-backhaus/")
    again = client.get("/players/mio-backhaus/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_a_signed_in_editor_is_never_served_or_stored_for_the_public(
    client, staff_client, backhaus
):
    url = "/players/mio-backhaus/"
    public = html(client.get(url))
    assert "Edit in admin" not in public
    response = staff_client.get(url)
    assert "Edit in admin" in html(response)
    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)
    # The editor's page was not kept for the next anonymous reader, nor the reverse.
    assert "Edit in admin" not in html(client.get(url))
    assert "Edit in admin" in html(staff_client.get(url))


def test_a_signed_in_api_answer_is_private(staff_client, backhaus):
    response = staff_client.get("/api/v1/players/mio-backhaus/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_a_draft_an_editor_sees_is_not_cached_for_the_public(client, staff_client, backhaus):
    Player.objects.create(full_name="Hidden Draft", status="draft")
    assert staff_client.get("/api/v1/players/hidden-draft/").status_code == 200
    assert client.get("/api/v1/players/hidden-draft/").status_code == 404
    assert "Hidden Draft" not in client.get("/api/v1/players/").content.decode()


def test_each_page_is_kept_under_its_own_url_and_query(client, backhaus):
    found = html(client.get("/search/?q=backhaus"))
    nothing = html(client.get("/search/?q=zzzz-nobody"))
    assert "Mio Backhaus" in found
    assert "Mio Backhaus" not in nothing.split("<main", 1)[1]


@pytest.mark.django_db(transaction=True)
def test_an_admin_edit_is_on_the_next_request(client, staff_client, backhaus):
    """Real commits (transaction=True): the version moves when the admin's save commits."""
    page_url = "/players/mio-backhaus/"
    api_url = "/api/v1/players/mio-backhaus/"
    old_page, old_api = client.get(page_url), client.get(api_url)
    assert client.get(page_url)["ETag"] == old_page["ETag"]  # cached until the edit
    admin_url = f"/admin/players/player/{backhaus.pk}/change/"
    data = form_data(staff_client.get(admin_url))
    data["full_name"] = "Mio Backhaus-Nagata"
    assert staff_client.post(admin_url, data).status_code == 302
    page = client.get(page_url, HTTP_IF_NONE_MATCH=old_page["ETag"])
    assert page.status_code == 200
    assert "Mio Backhaus-Nagata" in html(page)
    api = client.get(api_url, HTTP_IF_NONE_MATCH=old_api["ETag"])
    assert api.status_code == 200
    assert api.json()["name"] == "Mio Backhaus-Nagata"


@pytest.mark.django_db(transaction=True)
def test_an_import_is_on_the_next_request(client, tmp_path):
    documents = tmp_path / "seeds"
    shutil.copytree(SEEDS, documents)
    call_command("import_seeds", str(documents), verbosity=0)
    player = Player.objects.filter(status="published").order_by("pk").first()
    assert player is not None
    page_url, api_url = player.get_absolute_url(), f"/api/v1/players/{player.slug}/"
    before, before_api = html(client.get(page_url)), client.get(api_url).json()
    assert client.get(page_url)["ETag"]  # warm
    # The same document, its text changed: a new checksum, imported again.
    source = next(
        path for path in documents.iterdir() if player.full_name in path.read_text("utf-8")
    )
    text = source.read_text("utf-8")
    place = player.place_of_birth
    assert place
    assert place in text
    source.write_text(text.replace(place, "Wuppertal"), "utf-8")
    call_command("import_seeds", str(documents), verbosity=0)
    assert place in before
    after = html(client.get(page_url))
    assert "Wuppertal" in after
    assert client.get(api_url).json() != before_api


def test_the_switchers_links_go_both_ways_on_every_page_type(client, backhaus):
    for path in ["/", *PAGES[:1], "/clubs/werder-bremen/", "/players/", "/search/?q=mio"]:
        english = html(client.get(path))
        german_path = f"/de{path}"
        assert f'<a href="{german_path}" lang="de" hreflang="de">Deutsch</a>' in english, path
        german = html(client.get(german_path))
        assert '<html lang="de">' in german
        assert f'<a href="{path}" lang="en" hreflang="en">English</a>' in german, path
        assert 'aria-current="true">Deutsch</a>' in german


# --- The API's 304 before DRF runs -------------------------------------------------------


def test_an_up_to_date_api_client_gets_its_304_without_being_counted(client, backhaus, settings):
    """A conditional GET whose ETag is current is answered before DRF's throttle (it costs
    less than the count): a polling client is not locked out by its 304s."""
    from rest_framework.throttling import AnonRateThrottle

    url = "/api/v1/players/mio-backhaus/"
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {"anon": "2/minute"}
    try:
        first = client.get(url)
        assert first.status_code == 200
        answers = [client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]) for _ in range(5)]
        assert [a.status_code for a in answers] == [304] * 5
        assert answers[0]["ETag"] == first["ETag"]
        assert "public" in cache_control(answers[0])
        assert {"cookie", "accept"} <= vary(answers[0])
        assert answers[0]["Allow"] == first["Allow"]
        # A request that has to be answered in full is still counted.
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 429
    finally:
        AnonRateThrottle.THROTTLE_RATES = original


def test_the_api_304_is_only_for_the_anonymous_json_it_was_given_for(
    client, staff_client, backhaus
):
    url = "/api/v1/players/mio-backhaus/"
    etag = client.get(url)["ETag"]
    # The browsable API's HTML is another representation, with ETags of its own.
    assert client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT="text/html").status_code == 200
    assert client.get(url + "?format=api", HTTP_IF_NONE_MATCH=etag).status_code == 200
    # A signed-in editor sending the public ETag gets their own private answer.
    editor = staff_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert editor.status_code == 200
    assert {"private", "no-store"} <= cache_control(editor)
    # Credentials that are wrong are refused, not answered from the anonymous ETag.
    wrong = client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_AUTHORIZATION="Basic eDp5")
    assert wrong.status_code in {401, 403}


def test_the_api_304_ends_with_a_change(client, backhaus):
    url = "/api/v1/players/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    backhaus.height_cm = 181
    backhaus.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


# --- A profile's records, read once per content version ---------------------------------


def test_a_profiles_language_twin_and_link_variants_read_nothing_again(
    client, backhaus, django_assert_num_queries
):
    """The records of a profile are read once per content version (in the worker's
    memory): the German page and the page behind a link with tracking parameters are
    rendered again, but from what the English page read."""
    english = client.get("/players/mio-backhaus/")
    with django_assert_num_queries(0):
        german = client.get("/de/players/mio-backhaus/")
        tracked = client.get("/players/mio-backhaus/?utm_source=newsletter")
    assert '<html lang="de">' in html(german)
    assert html(tracked).replace("?utm_source=newsletter", "") == html(english)


def test_a_change_is_read_again_for_every_language(client, backhaus):
    client.get("/players/mio-backhaus/")
    client.get("/de/players/mio-backhaus/")
    backhaus.place_of_birth = "Wuppertal"
    backhaus.save()
    assert "Wuppertal" in html(client.get("/de/players/mio-backhaus/?utm_source=x"))
    assert "Wuppertal" in html(client.get("/players/mio-backhaus/"))


def test_with_the_page_cache_off_every_render_reads(client, backhaus, settings):
    settings.KADER_PAGE_CACHE_SECONDS = 0
    client.get("/players/mio-backhaus/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/de/players/mio-backhaus/")
    assert len(queries) > 5


def test_a_render_reads_the_content_version_once(client, backhaus, monkeypatch):
    """What a render keeps per content version (a profile's records, a list's count) is
    keyed on the version serve_public read for the page: with the database cache each
    read of it is a query."""
    from core import cache as page_cache

    reads: list[str] = []
    shared = page_cache.cache

    class Counting:
        def __getattr__(self, name):
            return getattr(shared, name)

        def get(self, key, *args, **kwargs):
            if key == page_cache.VERSION_KEY:
                reads.append(key)
            return shared.get(key, *args, **kwargs)

    client.get("/players/mio-backhaus/")
    monkeypatch.setattr(page_cache, "cache", Counting())
    for url in ["/de/players/mio-backhaus/", "/players/?utm_source=x", "/api/v1/players/"]:
        reads.clear()
        assert client.get(url).status_code == 200
        assert len(reads) == 1, url
