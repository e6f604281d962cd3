"""The API of what happened and who says so: ceremonies, guidance visits, sources, photos,
and a factory's timeline."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.generics import get_object_or_404
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from events import services
from events.api.serializers import (
    CeremonySerializer,
    GuidanceVisitSerializer,
    PersonSerializer,
    PhotoSerializer,
    SourceSerializer,
    TimelineSerializer,
)
from events.filters import (
    CeremonyFilterSet,
    GuidanceVisitFilterSet,
    PersonFilterSet,
    PhotoFilterSet,
    SourceFilterSet,
)
from events.models import (
    Appearance,
    Ceremony,
    Citation,
    GuidanceVisit,
    Person,
    Photo,
    Source,
    chronological_key,
)
from regiondev.api.parsers import JSONParser
from regiondev.api.views import READ_RENDERERS, MethodFirstMixin, RecordViewSet, visible_to
from sites.models import Factory

EVENT_RELATIONS = ("county__province", "province")
EVENT_PREFETCH = (
    "sources",
    Prefetch("citations", queryset=Citation.objects.in_order()),
)


class EventViewSetMixin:
    """An event's factories as the client may see them: a draft factory (one that cites no
    source) is named to staff only."""

    def get_queryset(self):
        queryset = super().get_queryset()
        factories = visible_to(Factory.objects.all(), self.request)
        return queryset.prefetch_related(Prefetch("factories", factories))


class CeremonyViewSet(EventViewSetMixin, RecordViewSet):
    """Ceremonies, by id, in date order unless `ordering` says otherwise."""

    queryset = Ceremony.objects.select_related(*EVENT_RELATIONS).prefetch_related(*EVENT_PREFETCH)
    serializer_class = CeremonySerializer
    filterset_class = CeremonyFilterSet

    def perform_destroy(self, instance):
        services.delete_ceremony(ceremony=instance)


class GuidanceVisitViewSet(EventViewSetMixin, RecordViewSet):
    """Guidance visits and consultative meetings, by id, in date order."""

    queryset = GuidanceVisit.objects.select_related(*EVENT_RELATIONS).prefetch_related(
        *EVENT_PREFETCH
    )
    serializer_class = GuidanceVisitSerializer
    filterset_class = GuidanceVisitFilterSet


class SourceViewSet(RecordViewSet):
    """Sources, by id, the latest published first."""

    queryset = Source.objects.order_by("-published_lower", "-id")
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet


class PersonViewSet(RecordViewSet):
    """People the sources name at events, by slug, in name order; read only here (staff
    write them in the admin)."""

    queryset = Person.objects.prefetch_related(
        Prefetch("appearances", queryset=Appearance.objects.order_by("pk"))
    ).order_by("name", "pk")
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    http_method_names = ["get", "head", "options"]


class PhotoViewSet(RecordViewSet):
    """Photos, by id. Upload a new one as multipart/form-data."""

    queryset = Photo.objects.select_related("source", "factory", "ceremony", "visit")
    serializer_class = PhotoSerializer
    filterset_class = PhotoFilterSet
    # A photo is uploaded as a file in multipart/form-data; anything else is JSON.
    parser_classes = [JSONParser, MultiPartParser]


class FactoryTimelineView(MethodFirstMixin, APIView):
    """The factory's ceremonies and guidance visits in date order, with their sources."""

    queryset = Factory.objects.all()
    renderer_classes = READ_RENDERERS

    @extend_schema(responses=TimelineSerializer, filters=False)
    def get(self, request, slug):
        factory = get_object_or_404(visible_to(self.queryset, request), slug=slug)
        events = []
        for model in (Ceremony, GuidanceVisit):
            events.extend(
                visible_to(model.objects.filter(factories=factory), request)
                .select_related("county__province", "province")
                .prefetch_related("sources")
            )
        factory.timeline_events = sorted(events, key=chronological_key)
        return Response(TimelineSerializer(factory, context={"request": request}).data)
