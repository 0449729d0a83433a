"""Errors an operator can cause, answered as a clear page instead of a 500; the Vary
header of pages whose URL names their language."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import split_header_value
from django.utils.translation import gettext as _

from core.cache import LANGUAGE_IN_URL
from core.storage import FileNotStored

logger = logging.getLogger(__name__)


class FileNotStoredMiddleware:
    """A file that could not be written (full disk) is a 507 page saying nothing was saved.

    The admin saves inside a transaction, so the record rolls back with the file."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, FileNotStored):
            return None
        logger.error("upload not stored: %s", exception)
        return render(
            request,
            "file_not_stored.html",
            {
                "title": _("The file could not be stored"),
                "message": _(
                    "The server could not write the file (its disk may be full). Nothing "
                    "was saved: the record is as it was. Please try again later or tell "
                    "the site's operator."
                ),
            },
            status=507,
        )


class LanguageInUrlMiddleware:
    """LocaleMiddleware says Vary: Accept-Language on every page without a language prefix,
    but the English pages (i18n_patterns without a prefix for the default language) are
    English whatever the browser asks for. A shared cache would keep one copy per
    Accept-Language string; a page marked by core.cache.serve_public loses that Vary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(response, LANGUAGE_IN_URL, False) and response.has_header("Vary"):
            kept = [
                header
                for header in split_header_value(response["Vary"])
                if header.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
