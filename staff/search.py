"""The admin's search box and autocompletes use the one search rule (sites/search.py), so
`songchon-gun`, `Sŏngch'ŏn` and `성천` find Songchon here as they do on the pages and the API."""

from django.db.models import Q


class SearchRuleAdmin:
    """For a ModelAdmin whose model's QuerySet has `search()`: what the search rule finds,
    and what the admin's own `search_fields` find in the other text (summaries, products)."""

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not search_term.strip():
            return found, may_have_duplicates
        by_rule = self.model._default_manager.search(search_term).values("pk")
        by_fields = found.values("pk")
        return queryset.filter(Q(pk__in=by_rule) | Q(pk__in=by_fields)), False
