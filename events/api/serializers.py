"""The serializers of what happened and who says so: ceremonies, guidance visits, sources,
photos, and a factory's timeline."""

from django.core.exceptions import ValidationError
from django.db.models.manager import BaseManager
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events import services
from events.images import process_photo
from events.models import (
    Appearance,
    Ceremony,
    Citation,
    GuidanceVisit,
    Person,
    Photo,
    Source,
    by_directness,
)
from regiondev.api.serializers import (
    BriefRelatedField,
    DateRange,
    LinkField,
    PageURLField,
    RecordURLField,
    ServiceSerializer,
    ValidatedModelSerializer,
)
from sites.api.serializers import (
    DISPLAY_TITLE_HELP,
    BriefCountySerializer,
    BriefFactorySerializer,
    BriefProvinceSerializer,
    BriefSourceSerializer,
    source_field,
)
from sites.models import County, Factory, Province

EVENT_FIELDS = [
    "id",
    "url",
    "page_url",
    "kind",
    "date",
    "date_lower",
    "date_upper",
    "date_in_words",
    "county",
    "province",
    "place_name",
    "place",
    "factories",
    "leader_present",
    "summary",
    "summary_ko",
    "sources",
    "citations",
    "updated_at",
]
# What the services are given; the rest is read-only.
EVENT_SERVICE_FIELDS = services.EVENT_FIELDS


class ByDirectness:
    """An event's sources (or what each states) in their order under the event: its own
    report in DPRK state media first, then by days from the event (events/models/ordering.py)."""

    def get_attribute(self, instance):
        items = super().get_attribute(instance)
        # A related manager reads its prefetched rows with all(); a queryset is read as it is
        # (all() on it would be a new query).
        items = items.all() if isinstance(items, BaseManager) else items
        return by_directness(items, instance, source=self.source_of)

    @staticmethod
    def source_of(item):
        return item


class SourcesByDirectness(ByDirectness, serializers.ManyRelatedField):
    pass


class SourceBriefsByDirectness(ByDirectness, serializers.ListSerializer):
    pass


class CitationsByDirectness(ByDirectness, serializers.ListSerializer):
    @staticmethod
    def source_of(item):
        return item.source


class CitationSerializer(serializers.ModelSerializer):
    """What one source states about the record, and whether the record follows it."""

    source = BriefSourceSerializer(read_only=True)
    state_media = serializers.BooleanField(source="source.state_media", read_only=True)
    date_in_words = serializers.CharField(read_only=True)
    differs_on = serializers.SerializerMethodField(
        help_text="What this claim says that the record does not: date, leader present."
    )

    class Meta:
        model = Citation
        fields = [
            "source",
            "state_media",
            "date_as_written",
            "date",
            "date_lower",
            "date_upper",
            "date_in_words",
            "leader_present",
            "place_as_written",
            "facilities_as_written",
            "quote",
            "note",
            "follows",
            "differs_on",
        ]
        read_only_fields = fields

    def get_differs_on(self, citation) -> list[str]:
        return citation.disagrees_with(citation.record)


class EventSerializer(ServiceSerializer):
    """Written through events/services.py: the county and province come from the factories
    when not given, and a date may be written in words; it is answered as EDTF."""

    page_url = PageURLField()
    date_in_words = serializers.CharField(read_only=True)
    place = serializers.CharField(read_only=True, help_text="Where, in words.")
    county = BriefRelatedField(
        BriefCountySerializer,
        queryset=County.objects.all(),
        required=False,
        allow_null=True,
        help_text="Empty when the source does not name the place.",
    )
    province = BriefRelatedField(
        BriefProvinceSerializer,
        queryset=Province.objects.all(),
        required=False,
        allow_null=True,
        help_text="Filled from the county; give it alone when the source names only the province.",
    )
    factories = BriefRelatedField(
        BriefFactorySerializer,
        queryset=Factory.objects.all(),
        many=True,
        required=False,
        help_text="The factories it concerns: slugs to write.",
    )
    sources = source_field(many_class=SourcesByDirectness)
    citations = CitationsByDirectness(
        child=CitationSerializer(),
        read_only=True,
        help_text="What each source states, in the order of its source; where they disagree, "
        "every claim is here.",
    )


class CeremonySerializer(EventSerializer):
    """A groundbreaking, inauguration or other ceremony: its date, place, factories, sources."""

    url = RecordURLField(view_name="api:ceremony-detail")
    record_argument = "ceremony"
    service_fields = (*EVENT_SERVICE_FIELDS, "speakers", "repeat")
    check = staticmethod(services.check_ceremony)
    save_checked = staticmethod(services.save_checked)

    class Meta:
        model = Ceremony
        fields = [*EVENT_FIELDS, "speakers", "repeat"]


class GuidanceVisitSerializer(EventSerializer):
    """Field guidance or an on-site consultative meeting: its date, place, factories, sources."""

    url = RecordURLField(view_name="api:guidance-visit-detail")
    record_argument = "visit"
    service_fields = (*EVENT_SERVICE_FIELDS, "led_by")
    check = staticmethod(services.check_guidance_visit)
    save_checked = staticmethod(services.save_checked)

    class Meta:
        model = GuidanceVisit
        fields = [*EVENT_FIELDS, "led_by"]


class SourceSerializer(ValidatedModelSerializer):
    """An article or broadcast that records rest on."""

    url = RecordURLField(view_name="api:source-detail")
    page_url = PageURLField()
    link = LinkField(required=False, help_text="Where to read it; null for none.")
    published_in_words = serializers.CharField(read_only=True)
    display_title = serializers.CharField(read_only=True, help_text=DISPLAY_TITLE_HELP)

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "page_url",
            "title",
            "description",
            "title_note",
            "display_title",
            "publisher",
            "publisher_detail",
            "state_media",
            "link",
            "published",
            "published_note",
            "published_lower",
            "published_upper",
            "published_in_words",
            "language",
            "completeness",
            "excerpt",
            "full_text",
            "updated_at",
        ]


@extend_schema_field(OpenApiTypes.URI)
class PhotoPageField(PageURLField):
    """A photo's page is the page of what it shows."""

    def to_representation(self, photo):
        return super().to_representation(photo.factory or photo.ceremony or photo.visit)


class PhotoSerializer(ValidatedModelSerializer):
    """A photograph of a factory, a ceremony or a visit, with its caption, credit and source."""

    url = RecordURLField(view_name="api:photo-detail")
    page_url = PhotoPageField()
    # A plain file field, so that our checks, with their messages, are the first to look.
    image = serializers.FileField(
        help_text="JPEG, PNG or WebP, sent as multipart/form-data. Stored re-encoded, "
        "without location or camera data."
    )
    source = BriefRelatedField(
        BriefSourceSerializer, slug_field="pk", queryset=Source.objects.all()
    )
    factory = BriefRelatedField(
        BriefFactorySerializer,
        queryset=Factory.objects.all(),
        required=False,
        allow_null=True,
        help_text="The factory it shows: a slug to write.",
    )

    class Meta:
        model = Photo
        fields = [
            "id",
            "url",
            "page_url",
            "image",
            "thumbnail",
            "width",
            "height",
            "caption",
            "credit",
            "source",
            "factory",
            "ceremony",
            "visit",
            "updated_at",
        ]

    def validate_image(self, upload):
        """Check and re-encode the upload as the admin does (events/images.py)."""
        try:
            self.processed = process_photo(upload)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return self.processed.image

    def validate(self, attrs):
        processed = getattr(self, "processed", None)
        if processed:
            attrs.update(
                thumbnail=processed.thumbnail, width=processed.width, height=processed.height
            )
        return super().validate(attrs)


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
    sources = SourceBriefsByDirectness(child=BriefSourceSerializer())

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


class AppearanceSerializer(serializers.ModelSerializer):
    """What one source says of a person at one event."""

    event = serializers.SerializerMethodField()

    class Meta:
        model = Appearance
        fields = ["event", "ceremony", "visit", "role", "title", "source", "quote"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_event(self, appearance) -> str:
        name, pk = (
            ("api:ceremony-detail", appearance.ceremony_id)
            if appearance.ceremony_id
            else ("api:guidance-visit-detail", appearance.visit_id)
        )
        request = self.context.get("request")
        path = reverse(name, args=[pk])
        return request.build_absolute_uri(path) if request else path


class PersonSerializer(serializers.ModelSerializer):
    """Someone the sources name at events, under every spelling, with their appearances."""

    url = RecordURLField(view_name="api:person-detail", lookup_field="slug")
    page_url = PageURLField()
    appearances = AppearanceSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "url",
            "page_url",
            "slug",
            "name",
            "name_ko",
            "name_mr",
            "name_rr",
            "aliases",
            "appearances",
            "updated_at",
        ]
        read_only_fields = fields
