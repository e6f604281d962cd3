"""The API's filter backend: the FilterSets of sites/filters.py and events/filters.py."""

from django_filters.rest_framework import DjangoFilterBackend


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if not self.asked(view, request):
            # No filter asked for: building and validating the FilterSet's form would cost a
            # list request more than its query does, and change nothing.
            return queryset
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def asked(view, request) -> bool:
        """Whether the request names any of the view's filters (ordering and `q` included);
        other parameters change nothing in the list."""
        filterset_class = getattr(view, "filterset_class", None)
        return filterset_class is not None and not filterset_class.base_filters.keys().isdisjoint(
            request.query_params.keys()
        )
