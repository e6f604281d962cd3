import re

from django.contrib import admin

from regiondev.forms import ServiceForm
from sites import services
from sites.models import FACTORY_FIELDS, County, Factory, Province
from staff.admin import (
    ChangeMessageForm,
    DraftMarkAdmin,
    HistoryAdmin,
    ImportExportHistoryAdmin,
    ServiceAdmin,
    SourceCountAdmin,
)
from staff.event_admin import PhotoInline, citation_inline
from staff.place_resources import CountyResource, FactoryResource
from staff.search import SearchRuleAdmin

# Beside the search rule, which reads every spelling: the text a spelling's key does not hold.
SPELLING_SEARCH = ["name", "description"]
SPELLING_READONLY = ["name_rr", "name_dprk", "updated_at"]

# The ending a McCune–Reischauer name may carry for its kind: the gazetteer writes it after a
# hyphen ("Chung-guyŏk") or a space ("Unsan kun"), or leaves it out ("Anak"). 군 gun/kun,
# 시 si/shi, 구역 guyŏk/kuyŏk, 구 gu/ku, 지구 jigu/chigu, 노동자구 rodongjagu.
MR_KIND_ENDING = re.compile(
    r"[- ](?:[gk]un|shi|si|[gk]uy[oŏ]k|[gk]u|(?:j|ch)igu|[rn]odongjagu)$", re.IGNORECASE
)


@admin.display(description="McCune–Reischauer", ordering="name_mr")
def mr_name(county):
    """A county's McCune–Reischauer name in one style, as the name column writes the DPRK's:
    the name alone, its kind (county, city, district) in a column of its own."""
    return MR_KIND_ENDING.sub("", county.name_mr) or None


class CountyInline(admin.TabularInline):
    model = County
    fields = ["name", "name_ko", "kind", "programme_year", "slug"]
    show_change_link = True
    extra = 0


class FactoryInline(admin.TabularInline):
    """The county's factories, each linked to its own form: a factory is written through its
    service (sites/services.py), which the inline would pass by."""

    model = Factory
    fields = ["name", "sector", "status", "groundbreaking_date", "inauguration_date", "slug"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(SearchRuleAdmin, HistoryAdmin):
    list_display = ["name", "name_ko", "name_mr", "name_rr", "iso_code", "kind"]
    list_filter = ["kind"]
    search_fields = [*SPELLING_SEARCH, "iso_code", "iso_name"]
    readonly_fields = [*SPELLING_READONLY, "iso_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CountyInline]


@admin.register(County)
class CountyAdmin(SourceCountAdmin, SearchRuleAdmin, ImportExportHistoryAdmin):
    resource_classes = [CountyResource]
    list_display = [
        "name",
        "name_ko",
        mr_name,
        "name_rr",
        "province",
        "kind",
        "programme_year",
        "source_count",
    ]
    list_filter = ["programme_year", "kind", "province"]
    list_select_related = ["province"]
    search_fields = SPELLING_SEARCH
    readonly_fields = SPELLING_READONLY
    autocomplete_fields = ["province", "sources"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FactoryInline]


class FactoryAdminForm(ChangeMessageForm, ServiceForm):
    """Validated once, by the service its save goes through (sites/services.py). The slug
    may be left empty: the service makes it from the name."""

    service_fields = (*FACTORY_FIELDS, "sources")
    needed_for_check = ("county", "name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = "The factory's address in URLs. Left empty, it is made from the name."

    def check(self, values):
        return services.check_factory(factory=self.instance, **values)


@admin.register(Factory)
class FactoryAdmin(
    ServiceAdmin, DraftMarkAdmin, SourceCountAdmin, SearchRuleAdmin, ImportExportHistoryAdmin
):
    """Saved through sites/services.py."""

    form = FactoryAdminForm
    save_checked = staticmethod(services.save_checked)
    resource_classes = [FactoryResource]
    inlines = [citation_inline("factory"), PhotoInline]
    # The milestone dates are on the form and the timeline: the status says how far it has come.
    list_display = ["name", "county", "sector", "status", "source_count"]
    list_filter = ["status", "sector", "in_programme", "county__province", "county__programme_year"]
    list_select_related = ["county__province"]
    search_fields = ["name", "products"]
    autocomplete_fields = ["county"]
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
