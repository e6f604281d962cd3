"""The API's filter backend: the FilterSets of sites/filters.py and events/filters.py."""

from django_filters.rest_framework import DjangoFilterBackend


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or filterset_class.base_filters.keys().isdisjoint(
            request.query_params.keys()
        ):
            # No filter asked for: building and validating the FilterSet's form would cost a
            # list request more than its query does, and change nothing.
            return queryset
        return super().filter_queryset(request, queryset, view)
