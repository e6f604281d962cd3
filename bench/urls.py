"""The site's URLs and, under /bench/plain/, the plain versions of the views that have a
fast path (bench/idiomatic.py); the benchmark runs with this URLconf."""

from django.urls import path

from bench.idiomatic import PlainFactoryViewSet
from web.urls import handler500
from web.urls import urlpatterns as site_urls

urlpatterns = [
    path("bench/plain/api/factories/", PlainFactoryViewSet.as_view({"get": "list"})),
    *site_urls,
]

__all__ = ["handler500", "urlpatterns"]
