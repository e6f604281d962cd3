"""The API of places: provinces, counties and factories, by slug."""

from regiondev.api.views import MAP_RENDERERS, RecordViewSet
from regiondev.caching import cached_response
from sites import lean
from sites.api.serializers import CountySerializer, FactorySerializer, ProvinceSerializer
from sites.filters import CountyFilterSet, FactoryFilterSet, ProvinceFilterSet
from sites.models import County, Factory, Province


class ProvinceViewSet(RecordViewSet):
    """Provinces and special cities, by slug."""

    queryset = Province.objects.all()
    serializer_class = ProvinceSerializer
    filterset_class = ProvinceFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"


class CountyViewSet(RecordViewSet):
    """Counties and cities, by slug; GeoJSON for those with coordinates."""

    queryset = (
        County.objects.select_related("province").prefetch_related("sources").order_by("slug")
    )
    serializer_class = CountySerializer
    filterset_class = CountyFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    renderer_classes = MAP_RENDERERS


class FactoryViewSet(RecordViewSet):
    """Factories, by slug; GeoJSON for those with coordinates."""

    queryset = (
        Factory.objects.select_related("county__province")
        .prefetch_related("sources")
        .order_by("slug")
    )
    serializer_class = FactorySerializer
    filterset_class = FactoryFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    renderer_classes = MAP_RENDERERS
    cached_actions = ("list",)  # regiondev.caching.CachedAnswerMiddleware

    def list(self, request, *args, **kwargs):
        """FactorySerializer's payload built as plain dicts (sites/lean.py), and
        kept in the shared cache until the data changes (regiondev/caching.py)."""
        if self.whole_list_asked():
            return self.whole_list_csv()

        def render():
            page = self.paginate_queryset(
                lean.factory_rows(self.filter_queryset(self.get_queryset()))
            )
            return self.finalize_response(
                request, self.get_paginated_response(lean.factories(page, request))
            )

        return cached_response(request, render)
