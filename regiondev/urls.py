from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from regiondev.views import MethodView, healthz

urlpatterns = [
    # Before the admin's own URLs, whose catch-all would answer 404 for it.
    path("admin/intake/", include("staff.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("regiondev.api_urls")),
    path("healthz", healthz, name="healthz"),
    path("method/", MethodView.as_view(), name="method"),
    path("", include("sites.urls")),
    path("", include("events.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A lost database connection answers 503 with Retry-After; other errors a plain 500.
handler500 = "regiondev.errors.server_error"
