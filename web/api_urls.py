"""Everything under /api/: each app's records and its own addresses, composed here with the
API's root, the whole record as one download, and the schema."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from events.api import urls as event_api
from events.freshness import in_plain_text, read
from regiondev.api.views import ApiRootView, NotFoundView
from regiondev.downloads import WholeRecordView, write_archive
from sites.api import urls as place_api

app_name = "api"

# Every record's list, in the order the root and the download list them.
resources = [*place_api.router.registry, *event_api.router.registry]


def write_record_archive(request, today, archive) -> None:
    """The whole-record archive of the lists above; a module-level function, so that a worker
    can build it by name."""
    write_archive(request, today, archive, resources=resources, as_of=in_plain_text(read()))


urlpatterns = [
    path(
        "",
        ApiRootView.as_view(
            api_root_dict={prefix: f"{basename}-list" for prefix, _, basename in resources}
        ),
        name="api-root",
    ),
    path(
        "downloads/records.zip",
        WholeRecordView.as_view(builder=write_record_archive),
        name="download-records",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(place_api)),
    path("", include(event_api)),
    # Only addresses ending in a slash, so that Django still adds a forgotten one first.
    re_path(r"^[\s\S]*/$", NotFoundView.as_view()),
]
