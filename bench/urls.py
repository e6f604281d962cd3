"""The site's URLs and, under /bench/plain/, the plain versions of views with their own code
path (bench/idiomatic.py); the benchmark runs with this URLconf."""

from django.urls import path

from bench.idiomatic import PlainCountyDetailView, PlainFactoryViewSet
from regiondev.urls import handler500
from regiondev.urls import urlpatterns as site_urls

urlpatterns = [
    path("bench/plain/api/factories/", PlainFactoryViewSet.as_view({"get": "list"})),
    path("bench/plain/counties/<slug:slug>/", PlainCountyDetailView.as_view()),
    *site_urls,
]

__all__ = ["handler500", "urlpatterns"]
