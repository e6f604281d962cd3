from django.contrib import admin

from events.admin import PhotoInline, citation_inline
from sites.models import County, Factory, Province
from sites.resources import CountyResource, FactoryResource
from staff.admin import HistoryAdmin, ImportExportHistoryAdmin

SPELLING_SEARCH = ["name", "name_ko", "name_mr", "name_rr", "name_dprk", "aliases", "search_keys"]
SPELLING_READONLY = ["name_rr", "name_dprk", "updated_at"]


class CountyInline(admin.TabularInline):
    model = County
    fields = ["name", "name_ko", "kind", "programme_year", "slug"]
    show_change_link = True
    extra = 0


class FactoryInline(admin.TabularInline):
    model = Factory
    fields = ["name", "sector", "status", "groundbreaking_date", "inauguration_date", "slug"]
    readonly_fields = ["status", "groundbreaking_date", "inauguration_date"]
    show_change_link = True
    extra = 0


@admin.register(Province)
class ProvinceAdmin(HistoryAdmin):
    list_display = ["name", "name_ko", "name_mr", "name_rr", "iso_code", "kind"]
    list_filter = ["kind"]
    search_fields = [*SPELLING_SEARCH, "iso_code", "iso_name"]
    readonly_fields = [*SPELLING_READONLY, "iso_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CountyInline]


@admin.register(County)
class CountyAdmin(ImportExportHistoryAdmin):
    resource_classes = [CountyResource]
    list_display = ["name", "name_ko", "name_mr", "name_rr", "province", "kind", "programme_year"]
    list_filter = ["programme_year", "kind", "province"]
    list_select_related = ["province"]
    search_fields = SPELLING_SEARCH
    readonly_fields = SPELLING_READONLY
    autocomplete_fields = ["province", "sources"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FactoryInline]


@admin.register(Factory)
class FactoryAdmin(ImportExportHistoryAdmin):
    resource_classes = [FactoryResource]
    inlines = [citation_inline("factory"), PhotoInline]
    list_display = [
        "name",
        "county",
        "sector",
        "status",
        "groundbreaking_date",
        "inauguration_date",
    ]
    list_filter = ["status", "sector", "county__province", "county__programme_year"]
    list_select_related = ["county__province"]
    search_fields = ["name", "products", *(f"county__{field}" for field in SPELLING_SEARCH)]
    autocomplete_fields = ["county"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = [
        "status",
        "groundbreaking_date",
        "inauguration_date",
        "construction_time",
        "updated_at",
    ]

    @admin.display(description="groundbreaking to inauguration")
    def construction_time(self, factory):
        return str(factory.construction_time or "—")
