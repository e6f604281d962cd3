"""What every record's endpoint shares: its formats, and refusals as JSON."""

from django.db.models import ProtectedError
from rest_framework import exceptions, status, viewsets
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.views import APIView

from regiondev.api.parsers import JSONParser
from regiondev.api.renderers import CSVRenderer, GeoJSONRenderer, JSONRenderer
from regiondev.concurrency import VersionedViewSetMixin

READ_RENDERERS = [JSONRenderer, BrowsableAPIRenderer]
LIST_RENDERERS = [*READ_RENDERERS, CSVRenderer]
MAP_RENDERERS = [*LIST_RENDERERS, GeoJSONRenderer]


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class RecordViewSet(VersionedViewSetMixin, viewsets.ModelViewSet):
    """A model's list, detail and writes, in JSON and CSV (MAP_RENDERERS add GeoJSON)."""

    renderer_classes = LIST_RENDERERS
    # JSON bodies only: an HTML form's empty field would mean "leave as it is", not "empty".
    parser_classes = [JSONParser]
    lookup_value_regex = "[0-9]+"  # places override it with their slugs

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.requested_format() == "geojson":  # a map shows what has a place on it
            queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
        return queryset

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


class NotFoundView(APIView):
    """Any other address under /api/: a JSON 404, whatever the method."""

    permission_classes = []

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise exceptions.NotFound("There is nothing at this address; see /api/docs/.")
