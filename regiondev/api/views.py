"""What every record's endpoint shares: its formats, and refusals as JSON."""

from collections.abc import Iterator
from itertools import islice

from django.conf import settings
from django.db.models import ProtectedError
from django.http import StreamingHttpResponse
from django.urls import resolve
from rest_framework import exceptions, routers, status, viewsets
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from regiondev import prebuilt
from regiondev.api.filtering import FilterBackend
from regiondev.api.parsers import JSONParser
from regiondev.api.renderers import (
    CSVRenderer,
    GeoJSONRenderer,
    JSONRenderer,
    csv_columns,
    csv_lines,
)
from regiondev.concurrency import VersionedViewSetMixin

READ_RENDERERS = [JSONRenderer, BrowsableAPIRenderer]
# Rows a whole-list CSV reads and serializes at a time (with their prefetched relations).
WHOLE_LIST_CHUNK = 500
LIST_RENDERERS = [*READ_RENDERERS, CSVRenderer]
MAP_RENDERERS = [*LIST_RENDERERS, GeoJSONRenderer]
CSV_TYPE = "text/csv; charset=utf-8"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class MethodFirstMixin:
    """A method the address does not have is a 405 for anyone, before asking who it is: the
    schema lists no security on reads, so a 401 would contradict it."""

    def initial(self, request, *args, **kwargs):
        if request.method not in self.allowed_methods:
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)


def visible_to(queryset, request):
    """The records `request`'s client may read: drafts (records that cite no source, the
    queryset's `public()` leaves them out) only for staff."""
    user = getattr(request, "user", None)
    if hasattr(queryset, "public") and not (user is not None and user.is_staff):
        return queryset.public()
    return queryset


class RecordViewSet(MethodFirstMixin, VersionedViewSetMixin, viewsets.ModelViewSet):
    """A model's list, detail and writes, in JSON and CSV (MAP_RENDERERS add GeoJSON)."""

    renderer_classes = LIST_RENDERERS
    # JSON bodies only: an HTML form's empty field would mean "leave as it is", not "empty".
    parser_classes = [JSONParser]
    lookup_value_regex = "[0-9]+"  # places override it with their slugs

    def get_queryset(self):
        queryset = visible_to(super().get_queryset(), self.request)
        if self.requested_format() == "geojson":  # a map shows what has a place on it
            queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
        return queryset

    def list(self, request, *args, **kwargs):
        if self.whole_list_asked():
            return self.whole_list_csv()
        return super().list(request, *args, **kwargs)

    def whole_list_asked(self) -> bool:
        """CSV without `page_size` or `cursor` is a download: every row the filters keep."""
        params = self.request.query_params
        return self.requested_format() == "csv" and not {"page_size", "cursor"} & params.keys()

    def whole_list_csv(self):
        """The filtered list in its order, streamed in chunks, so memory stays flat whatever
        its length; each chunk costs the queries one page costs. Unfiltered, the list is
        built once per change of the data and streamed from storage (regiondev/prebuilt.py)."""
        if not FilterBackend.asked(self, self.request):
            return prebuilt.serve(
                self.request,
                address=self.request.build_absolute_uri(self.request.path) + "?format=csv",
                builder=whole_list_file,
                filename=f"{self.basename}.csv",
                content_type=CSV_TYPE,
            )
        queryset = self.filter_queryset(self.get_queryset())
        lines = whole_list_lines(
            queryset, self.get_serializer_class(), self.get_serializer_context()
        )
        response = StreamingHttpResponse(lines, content_type=CSV_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.basename}.csv"'
        return response

    def requested_format(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        return getattr(renderer, "format", None)

    def finalize_response(self, request, response, *args, **kwargs):
        """Refusals are JSON whatever format was asked for: an error is not a CSV row."""
        if response.status_code >= 400 and self.requested_format() in {"csv", "geojson"}:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def perform_destroy(self, instance):
        try:
            super().perform_destroy(instance)
        except ProtectedError as error:
            blocking = sorted({str(record) for record in error.protected_objects})
            shown = "; ".join(blocking[:5]) + ("; …" if len(blocking) > 5 else "")
            raise Conflict(
                f"“{instance}” cannot be deleted while other records refer to it: {shown}"
            ) from error


def whole_list_lines(queryset, serializer_class, context) -> Iterator[str]:
    """The CSV of every row of `queryset` in its order, read and serialized a chunk at a time."""
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    records = queryset.order_by(*order, "pk").iterator(chunk_size=WHOLE_LIST_CHUNK)

    def rows():
        while chunk := list(islice(records, WHOLE_LIST_CHUNK)):
            yield from serializer_class(chunk, many=True, context=context).data

    return csv_lines(csv_columns(serializer_class(context=context)), rows())


def unfiltered_lines(viewset, request) -> Iterator[str]:
    """A viewset's whole list as its unfiltered CSV download gives it."""
    context = {"request": request, "format": None, "view": None}
    # The list as the viewset reads it for `request`'s client: no drafts for an anonymous one.
    view = viewset(request=request, args=(), kwargs={}, format_kwarg=None, action="list")
    return whole_list_lines(view.get_queryset(), viewset.serializer_class, context)


def whole_list_file(request, today, target) -> None:
    """The unfiltered CSV of the list at the request's address (a prebuilt.serve builder)."""
    viewset = resolve(request.path_info).func.cls
    for line in unfiltered_lines(viewset, request):
        target.write(line.encode())


class NotFoundView(APIView):
    """Any other address under /api/: a JSON 404, whatever the method."""

    permission_classes = []

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise exceptions.NotFound("There is nothing at this address; see /api/docs/.")


class ApiRootView(routers.APIRootView):
    """Regiondev's records of the Regional Development 20×10 Policy, readable by anyone.

    Every list takes the filters its schema lists, `ordering`, and `page_size` (50 by default,
    at most 500): follow `next`. Add `format=csv` for CSV (without `page_size`, the whole
    filtered list) or, for counties and factories, `format=geojson`. Writing needs a token.
    """

    def get(self, request, *args, **kwargs):
        def url(name: str) -> str:
            return reverse(name, request=request)

        resources = {key: url(f"api:{name}") for key, name in self.api_root_dict.items()}
        return Response(
            {
                "resources": resources,
                "factory_timeline": resources["factories"] + "{slug}/timeline/",
                "stats": url("api:stats"),
                "schema": url("api:schema"),
                "docs": url("api:docs"),
                "downloads": {
                    "whole_record": url("api:download-records"),
                    "csv": {key: f"{address}?format=csv" for key, address in resources.items()},
                },
                "formats": ["json", "csv", "geojson"],
                "method": url("method"),
                "licence": settings.REGIONDEV_DATA_LICENCE["spdx"],
                "citation": settings.REGIONDEV_CITATION,
            }
        )
