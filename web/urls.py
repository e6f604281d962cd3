"""The root URLconf (ROOT_URLCONF): every address of the site, composed from the apps."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from regiondev.views import MethodView, healthz, media_file
from staff.views import job_file, job_progress

urlpatterns = [
    # Before the admin's own URLs, whose catch-all would answer 404 for it.
    path("admin/intake/", include("staff.urls")),
    path("admin/jobs/<uuid:pk>/", admin.site.admin_view(job_progress), name="staff-job"),
    path("admin/jobs/<uuid:pk>/file/", admin.site.admin_view(job_file), name="staff-job-file"),
    path("admin/", admin.site.urls),
    path("api/", include("web.api_urls")),
    path("healthz", healthz, name="healthz"),
]
# The public pages: English at their own addresses, Korean under /ko/.
urlpatterns += i18n_patterns(
    path("method/", MethodView.as_view(), name="method"),
    path("", include("web.place_urls")),
    path("", include("events.urls")),
    path("", include("web.people_urls")),
    prefix_default_language=False,
)
# Uploaded photos, where they are kept on this machine's disk (on S3 they have URLs there).
if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media_file, name="media")
    )

# A lost database connection answers 503 with Retry-After; other errors a plain 500.
handler500 = "regiondev.errors.server_error"
