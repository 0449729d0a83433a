"""Admin pieces every app shares."""

from core.publishing import filter_by_search


class NormalizedSearchMixin:
    """Admin search through the model's search_text: accent- and case-insensitive."""

    search_fields = ("search_text",)

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return filter_by_search(queryset, search_term), False
