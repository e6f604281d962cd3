"""Ceremonies, guidance visits and sources in and out of CSV and XLSX, matched by id.

Places are written as slugs or names, factories as ";"-joined slugs or names, sources as
";"-joined ids (see staff/resources.py); dates are exported as the EDTF they are stored as and
imported as EDTF or words. Rows are written through events/services.py.
"""

from events import services
from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province
from staff.resources import RecordResource, ServiceResource, key_field, keys_field

EVENT_FIELDS = ["id", *services.EVENT_FIELDS]


class EventResource(ServiceResource):
    relations = ("factories", "sources")
    # The file's places and factories are read by their widgets, once per file.
    county = key_field("county", County)
    province = key_field("province", Province)
    factories = keys_field("factories", Factory, "slug")
    sources = keys_field("sources", Source)
    select_related = ("county", "province")
    prefetch_related = ("factories", "sources")


class CeremonyResource(EventResource):
    record_argument = "ceremony"
    check = staticmethod(services.check_ceremony)
    save = staticmethod(services.save_ceremony)

    def prepare(self, dataset) -> None:
        """The milestones of every factory the file names, read at once."""
        if "factories" not in (dataset.headers or ()):
            return
        named = {}
        for row in dataset.dict:
            try:
                named.update(
                    (factory.pk, factory) for factory in self.fields["factories"].clean(row)
                )
            except ValueError:
                continue  # the row is refused, saying why
        services.read_milestones(self.batch, named.values())

    class Meta(RecordResource.Meta):
        model = Ceremony
        fields = [*EVENT_FIELDS, "speakers", "repeat"]
        export_order = fields


class GuidanceVisitResource(EventResource):
    record_argument = "visit"
    check = staticmethod(services.check_guidance_visit)
    save = staticmethod(services.save_guidance_visit)

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
            "description",
            "title_note",
            "publisher",
            "url",
            "published",
            "language",
            "excerpt",
            "full_text",
        ]
        export_order = fields
