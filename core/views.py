"""Site-wide responses that need no domain app."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language, get_language_from_path, override
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST, require_safe

from core.web import absolute


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, translating `next` from the language of its own path.

    Django resolves `next` in the language of the /i18n/ request (the default, English),
    where a /de/… path does not resolve, so from German it sent readers back to German.
    """
    next_url = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(next_url)
    if language and check_for_language(language):
        with override(get_language_from_path(next_url) or settings.LANGUAGE_CODE):
            response = HttpResponseRedirect(translate_url(next_url, language))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> FileResponse:
    """/favicon.ico, where browsers and feed readers look for it without asking the page."""
    found = finders.find("img/favicon.ico")
    if not isinstance(found, str):
        raise Http404("No favicon.")
    return FileResponse(open(found, "rb"), content_type="image/x-icon")


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /search/",
        "Disallow: /de/search/",
        "",
        f"Sitemap: {absolute('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
