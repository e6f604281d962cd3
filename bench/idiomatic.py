"""Each measured view written the plain way, for the benchmark's idiomatic column.

Plain means what a Django engineer writes first: `select_related` / `prefetch_related`, the
serializer or the template as they are, `reverse()` for every address, no packing. A fast
path in the app stays only where it beats its plain version by at least 1.5× in the same
run (README, "Performance"); the views that have none are their own plain version.
"""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins

from sites.api.views import FactoryViewSet


class PlainFactoryViewSet(FactoryViewSet):
    """The factory list by FactorySerializer and django-filter's own backend: no lean rows
    (sites/lean.py), no FilterSet skipped (regiondev/api/filtering.py)."""

    filter_backends = [DjangoFilterBackend]
    list = mixins.ListModelMixin.list
