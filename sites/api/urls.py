"""The places' addresses under /api/ (composed with the other apps' in web/api_urls.py)."""

from rest_framework.routers import SimpleRouter

from sites.api.views import CountyViewSet, FactoryViewSet, ProvinceViewSet

router = SimpleRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("counties", CountyViewSet, basename="county")
router.register("factories", FactoryViewSet, basename="factory")

urlpatterns = router.urls
