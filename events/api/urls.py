"""The events' addresses under /api/ (composed with the other apps' in web/api_urls.py)."""

from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from events.api.stats import StatsView
from events.api.views import (
    CeremonyViewSet,
    FactoryTimelineView,
    GuidanceVisitViewSet,
    PersonViewSet,
    PhotoViewSet,
    SourceViewSet,
)

router = SimpleRouter()
router.register("ceremonies", CeremonyViewSet, basename="ceremony")
router.register("guidance-visits", GuidanceVisitViewSet, basename="guidance-visit")
router.register("sources", SourceViewSet, basename="source")
router.register("photos", PhotoViewSet, basename="photo")
router.register("people", PersonViewSet, basename="person")

urlpatterns = [
    # A regular expression, as the router writes the factory's own address, so that the
    # schema gives the slug's pattern.
    re_path(
        r"^factories/(?P<slug>[-a-zA-Z0-9_]+)/timeline/$",
        FactoryTimelineView.as_view(),
        name="factory-timeline",
    ),
    path("stats/", StatsView.as_view(), name="stats"),
    *router.urls,
]
