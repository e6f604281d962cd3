"""Counties and factories in and out of CSV and XLSX, matched by slug (see staff/resources.py)."""

from events.models import Source
from sites import services
from sites.models import FACTORY_FIELDS, County, Factory, Province
from staff.resources import (
    RecordResource,
    ServiceResource,
    derived_field,
    key_field,
    keys_field,
)


class CountyResource(RecordResource):
    select_related = ("province",)
    prefetch_related = ("sources",)
    province = key_field("province", Province)
    sources = keys_field("sources", Source)
    name_rr = derived_field("name_rr")
    name_dprk = derived_field("name_dprk")
    search_keys = derived_field("search_keys")

    class Meta(RecordResource.Meta):
        model = County
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "province",
            "kind",
            "name_ko",
            "name_mr",
            "aliases",
            "description",
            "latitude",
            "longitude",
            "programme_year",
            "sources",
            "name_rr",
            "name_dprk",
            "search_keys",
        ]
        export_order = fields


class FactoryResource(ServiceResource):
    """Found by slug; a row without one is a new factory whose slug is made from its name."""

    record_argument = "factory"
    relations = ("sources",)
    # The file's counties are read by their widget and its records by RecordsOfTheFile, once
    # per file; a slug given twice is refused (RecordResource.repeated_key), and a slug given
    # or made from a name that an earlier row took, by the service.
    check = staticmethod(services.check_factory)
    save = staticmethod(services.save_factory)
    select_related = ("county",)
    prefetch_related = ("sources",)
    county = key_field("county", County)
    sources = keys_field("sources", Source)
    status = derived_field("status")
    groundbreaking_date = derived_field("groundbreaking_date")
    inauguration_date = derived_field("inauguration_date")
    search_keys = derived_field("search_keys")

    def prepare(self, dataset) -> None:
        rows = dataset.dict if {"slug", "name"} <= set(dataset.headers or ()) else []
        services.read_factory_slugs(
            self.batch,
            slugs=[str(row["slug"] or "").strip() for row in rows],
            names=[str(row["name"] or "") for row in rows if not str(row["slug"] or "").strip()],
        )

    class Meta(RecordResource.Meta):
        model = Factory
        import_id_fields = ["slug"]
        fields = [
            *FACTORY_FIELDS,
            "sources",
            "status",
            "groundbreaking_date",
            "inauguration_date",
            "search_keys",
        ]
        export_order = fields
