"""The serializers of places: provinces, counties and factories, each with its brief form
for nesting, and the brief form of the sources they cite."""

from decimal import ROUND_HALF_EVEN

from rest_framework import serializers

from regiondev.api.serializers import (
    BriefRelatedField,
    DateRange,
    LinkField,
    PageURLField,
    RecordURLField,
    ServiceSerializer,
    ValidatedModelSerializer,
    strict,
)
from sites import services
from sites.models import FACTORY_FIELDS, County, Factory, Province
from sites.search import split_aliases

# Places cite sources through their `sources` relation ("events.Source"); the model is reached
# through that relation, so places do not import the events app above them.
Source = County._meta.get_field("sources").related_model
DISPLAY_TITLE_HELP = (
    "How to name the source: the headline as published, or, where it is not known, the "
    "description in square brackets (a supplied title, never the headline)."
)


class BriefProvinceSerializer(serializers.ModelSerializer):
    url = RecordURLField(view_name="api:province-detail", lookup_field="slug")

    class Meta:
        model = Province
        fields = ["id", "url", "slug", "name"]


class BriefCountySerializer(serializers.ModelSerializer):
    url = RecordURLField(view_name="api:county-detail", lookup_field="slug")

    class Meta:
        model = County
        fields = ["id", "url", "slug", "name"]


class BriefFactorySerializer(serializers.ModelSerializer):
    url = RecordURLField(view_name="api:factory-detail", lookup_field="slug")

    class Meta:
        model = Factory
        fields = ["id", "url", "slug", "name"]


class BriefSourceSerializer(serializers.ModelSerializer):
    url = RecordURLField(view_name="api:source-detail")
    link = LinkField(read_only=True, help_text="Where to read it.")
    display_title = serializers.CharField(read_only=True, help_text=DISPLAY_TITLE_HELP)

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "title",
            "description",
            "display_title",
            "publisher",
            "published",
            "link",
        ]


def source_field(many_class=serializers.ManyRelatedField):
    """A record's sources: brief sources to read, ids to write; `many_class` may order them."""
    return many_class(
        child_relation=BriefRelatedField(
            BriefSourceSerializer, slug_field="pk", queryset=Source.objects.all()
        ),
        required=False,
        help_text="The sources that say so: ids to write.",
    )


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
    service_fields = (*FACTORY_FIELDS, "sources")
    check = staticmethod(services.check_factory)
    save_checked = staticmethod(services.save_checked)

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
