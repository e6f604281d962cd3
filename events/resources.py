"""Ceremonies, guidance visits and sources in and out of CSV and XLSX, matched by id.

Places are written as slugs, factories as ";"-joined slugs, sources as ";"-joined ids, dates
as the EDTF text they are stored as (see staff/resources.py).
"""

from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province
from staff.resources import RecordResource, key_field, keys_field

EVENT_FIELDS = [
    "id",
    "kind",
    "date",
    "county",
    "province",
    "place_name",
    "factories",
    "leader_present",
    "summary",
    "sources",
]


class EventResource(RecordResource):
    county = key_field("county", County)
    province = key_field("province", Province)
    factories = keys_field("factories", Factory, "slug")
    sources = keys_field("sources", Source)
    select_related = ("county", "province")
    prefetch_related = ("factories", "sources")


class CeremonyResource(EventResource):
    class Meta(RecordResource.Meta):
        model = Ceremony
        fields = [*EVENT_FIELDS, "speakers"]
        export_order = fields

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's checks, then the rule across records: no inauguration before the
        groundbreaking of the same factory, judged against the factories in the row."""
        super().validate_instance(instance, import_validation_errors, validate_unique)
        relations = getattr(instance, "_imported_relations", {})
        if "factories" in relations:
            instance.check_milestone_order(relations["factories"])


class GuidanceVisitResource(EventResource):
    class Meta(RecordResource.Meta):
        model = GuidanceVisit
        fields = [*EVENT_FIELDS, "led_by"]
        export_order = fields


class SourceResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Source
        fields = [
            "id",
            "title",
            "publisher",
            "url",
            "published",
            "language",
            "excerpt",
            "full_text",
        ]
        export_order = fields
