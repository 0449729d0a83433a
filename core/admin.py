"""Admin pieces every app shares."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from core.publishing import filter_by_search


class NormalizedSearchMixin:
    """Admin search through the model's search_text: accent- and case-insensitive."""

    search_fields = ("search_text",)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        if not search_term.strip():
            return queryset, False
        return filter_by_search(queryset, search_term), False
