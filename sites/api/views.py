"""The API of places: provinces, counties and factories (by slug), and a factory's timeline."""

from decimal import ROUND_HALF_EVEN

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from events.models import Ceremony, GuidanceVisit, chronological_key
from regiondev.api.serializers import (
    BriefCountySerializer,
    BriefFactorySerializer,
    BriefProvinceSerializer,
    BriefRelatedField,
    BriefSourceSerializer,
    DateRange,
    PageURLField,
    RecordURLField,
    ServiceSerializer,
    ValidatedModelSerializer,
    source_field,
    strict,
)
from regiondev.api.views import MAP_RENDERERS, READ_RENDERERS, RecordViewSet
from regiondev.caching import cached_response
from sites import lean, services
from sites.filters import CountyFilterSet, FactoryFilterSet, ProvinceFilterSet
from sites.models import County, Factory, Province
from sites.search import split_aliases

PLACE_FIELDS = [
    "id",
    "url",
    "page_url",
    "slug",
    "name",
    "name_ko",
    "name_mr",
    "name_rr",
    "name_dprk",
    "aliases",
    "kind",
    "description",
]
# Numbers in JSON; more than six decimals (a tenth of a metre) are rounded, not refused.
COORDINATES = {
    "latitude": {"coerce_to_string": False, "rounding": ROUND_HALF_EVEN},
    "longitude": {"coerce_to_string": False, "rounding": ROUND_HALF_EVEN},
}


class AliasesField(serializers.ListField):
    """Stored one per line; a list in the API."""

    child = strict(serializers.CharField, str)(max_length=100)

    def to_representation(self, data):
        return split_aliases(data)

    def to_internal_value(self, data):
        return "\n".join(super().to_internal_value(data))


class ProvinceSerializer(ValidatedModelSerializer):
    """A province or special city, with every spelling of its name."""

    url = RecordURLField(view_name="api:province-detail", lookup_field="slug")
    page_url = PageURLField()
    aliases = AliasesField(required=False, help_text="Other spellings.")

    class Meta:
        model = Province
        fields = [*PLACE_FIELDS, "iso_code", "iso_name", "updated_at"]


class CountySerializer(ValidatedModelSerializer):
    """A county or city: every spelling, its province, its programme year and where it is."""

    url = RecordURLField(view_name="api:county-detail", lookup_field="slug")
    page_url = PageURLField()
    aliases = AliasesField(required=False, help_text="Other spellings.")
    province = BriefRelatedField(BriefProvinceSerializer, queryset=Province.objects.all())
    sources = source_field()

    class Meta:
        model = County
        fields = [
            *PLACE_FIELDS,
            "province",
            "programme_year",
            "latitude",
            "longitude",
            "sources",
            "updated_at",
        ]
        extra_kwargs = COORDINATES


class FactorySerializer(ServiceSerializer):
    """A factory with its county and province; its status and dates come from its ceremonies.

    Written through sites/services.py: without a slug, one is made from the name."""

    record_argument = "factory"
    service_fields = (*services.FACTORY_FIELDS, "sources")
    check = staticmethod(services.check_factory)
    save_service = staticmethod(services.save_factory)

    url = RecordURLField(view_name="api:factory-detail", lookup_field="slug")
    page_url = PageURLField()
    timeline_url = RecordURLField(view_name="api:factory-timeline", lookup_field="slug")
    county = BriefRelatedField(BriefCountySerializer, queryset=County.objects.all())
    province = BriefProvinceSerializer(source="county.province", read_only=True)
    groundbreaking_in_words = serializers.CharField(
        source="groundbreaking.words", read_only=True, allow_null=True
    )
    inauguration_in_words = serializers.CharField(
        source="inauguration.words", read_only=True, allow_null=True
    )
    construction_time = DateRange(
        read_only=True,
        allow_null=True,
        help_text="Groundbreaking to inauguration, as a range where either date is vague.",
    )
    sources = source_field()

    class Meta:
        model = Factory
        fields = [
            "id",
            "url",
            "page_url",
            "timeline_url",
            "slug",
            "name",
            "county",
            "province",
            "sector",
            "products",
            "description",
            "latitude",
            "longitude",
            "status",
            "groundbreaking_date",
            "groundbreaking_lower",
            "groundbreaking_upper",
            "groundbreaking_in_words",
            "inauguration_date",
            "inauguration_lower",
            "inauguration_upper",
            "inauguration_in_words",
            "construction_time",
            "sources",
            "updated_at",
        ]
        extra_kwargs = {
            **COORDINATES,
            "slug": {
                "required": False,
                "allow_blank": True,
                "help_text": "The factory's address in URLs; made from the name when not given.",
            },
        }


class DatedSerializer(serializers.Serializer):
    date = serializers.CharField(source="text", help_text="As EDTF text.")
    date_lower = serializers.DateField(source="lower", help_text="The earliest day it can mean.")
    date_upper = serializers.DateField(source="upper", help_text="The latest day it can mean.")
    date_in_words = serializers.CharField(source="words")


class TimelineEventSerializer(serializers.Serializer):
    """A ceremony or guidance visit on the timeline."""

    type = serializers.SerializerMethodField()
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    page_url = PageURLField()
    kind = serializers.CharField()
    date = serializers.CharField(help_text="As EDTF text.")
    date_lower = serializers.DateField()
    date_upper = serializers.DateField()
    date_in_words = serializers.CharField()
    place = serializers.CharField(help_text="Where, in words.")
    leader_present = serializers.BooleanField()
    summary = serializers.CharField()
    sources = BriefSourceSerializer(many=True)

    @extend_schema_field(serializers.ChoiceField(choices=["ceremony", "guidance visit"]))
    def get_type(self, event):
        return "ceremony" if isinstance(event, Ceremony) else "guidance visit"

    @extend_schema_field(serializers.URLField())
    def get_url(self, event):
        name = "api:ceremony-detail" if isinstance(event, Ceremony) else "api:guidance-visit-detail"
        return self.context["request"].build_absolute_uri(reverse(name, args=[event.pk]))


class TimelineSerializer(serializers.Serializer):
    """A factory's path from groundbreaking to inauguration."""

    factory = BriefFactorySerializer(source="*")
    status = serializers.ChoiceField(choices=Factory._meta.get_field("status").choices)
    groundbreaking = DatedSerializer(allow_null=True)
    inauguration = DatedSerializer(allow_null=True)
    construction_time = DateRange(
        allow_null=True,
        help_text="Groundbreaking to inauguration, as a range where either date is vague.",
    )
    events = TimelineEventSerializer(
        many=True, source="timeline_events", help_text="Ceremonies and guidance visits in order."
    )


class ProvinceViewSet(RecordViewSet):
    """Provinces and special cities, by slug."""

    queryset = Province.objects.all()
    serializer_class = ProvinceSerializer
    filterset_class = ProvinceFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"


class CountyViewSet(RecordViewSet):
    """Counties and cities, by slug; GeoJSON for those with coordinates."""

    queryset = (
        County.objects.select_related("province").prefetch_related("sources").order_by("slug")
    )
    serializer_class = CountySerializer
    filterset_class = CountyFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    renderer_classes = MAP_RENDERERS


class FactoryViewSet(RecordViewSet):
    """Factories, by slug; GeoJSON for those with coordinates."""

    queryset = (
        Factory.objects.select_related("county__province")
        .prefetch_related("sources")
        .order_by("slug")
    )
    serializer_class = FactorySerializer
    filterset_class = FactoryFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    renderer_classes = MAP_RENDERERS
    cached_actions = ("list",)  # regiondev.caching.CachedAnswerMiddleware

    def list(self, request, *args, **kwargs):
        """FactorySerializer's payload built as plain dicts (sites/lean.py), and
        kept in the shared cache until the data changes (regiondev/caching.py)."""
        if self.whole_list_asked():
            return self.whole_list_csv()

        def render():
            page = self.paginate_queryset(
                lean.factory_rows(self.filter_queryset(self.get_queryset()))
            )
            return self.finalize_response(
                request, self.get_paginated_response(lean.factories(page, request))
            )

        return cached_response(request, render)

    @extend_schema(responses=TimelineSerializer, filters=False)
    @action(detail=True, renderer_classes=READ_RENDERERS, filter_backends=[])
    def timeline(self, request, slug=None):
        """The factory's ceremonies and guidance visits in date order, with their sources."""
        factory = get_object_or_404(Factory, slug=slug)
        events = []
        for model in (Ceremony, GuidanceVisit):
            events.extend(
                model.objects.filter(factories=factory)
                .select_related("county__province", "province")
                .prefetch_related("sources")
            )
        factory.timeline_events = sorted(events, key=chronological_key)
        return Response(TimelineSerializer(factory, context={"request": request}).data)
