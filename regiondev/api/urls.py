"""Everything under /api/: the records, a factory's timeline, the numbers, the schema."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from events.api import CeremonyViewSet, GuidanceVisitViewSet, PhotoViewSet, SourceViewSet
from regiondev.api.views import ApiRootView, NotFoundView
from regiondev.downloads import WholeRecordView
from sites.api import CountyViewSet, FactoryViewSet, ProvinceViewSet
from sites.stats import StatsView

app_name = "api"

router = DefaultRouter()
router.APIRootView = ApiRootView
# One way to ask for a format, `?format=`, as the schema says: no `.csv` suffixes.
router.include_format_suffixes = False
router.register("provinces", ProvinceViewSet, basename="province")
router.register("counties", CountyViewSet, basename="county")
router.register("factories", FactoryViewSet, basename="factory")
router.register("ceremonies", CeremonyViewSet, basename="ceremony")
router.register("guidance-visits", GuidanceVisitViewSet, basename="guidance-visit")
router.register("sources", SourceViewSet, basename="source")
router.register("photos", PhotoViewSet, basename="photo")

urlpatterns = [
    path("stats/", StatsView.as_view(), name="stats"),
    path("downloads/records.zip", WholeRecordView.as_view(), name="download-records"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
    # Only addresses ending in a slash, so that Django still adds a forgotten one first.
    re_path(r"^[\s\S]*/$", NotFoundView.as_view()),
]
