from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from events.forms import CeremonyForm
from events.models import Ceremony, GuidanceVisit, Photo, Source

PLACE_SEARCH = [
    "county__name",
    "county__name_ko",
    "county__search_keys",
    "province__name",
    "province__search_keys",
    "place_name",
    "summary",
]


class PhotoInline(admin.StackedInline):
    model = Photo
    fields = ["image", "caption", "credit", "source"]
    autocomplete_fields = ["source"]
    extra = 0


class EventAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "date", "county", "province", "leader_present"]
    list_filter = ["kind", "leader_present", "province", "date_lower"]
    list_select_related = ["county__province", "province"]
    search_fields = PLACE_SEARCH
    autocomplete_fields = ["county", "province", "factories", "sources"]
    readonly_fields = ["date_in_words", "updated_at"]
    date_hierarchy = "date_lower"
    inlines = [PhotoInline]

    @admin.display(description="date in words")
    def date_in_words(self, event):
        return event.date_in_words if event.date_lower else "—"


@admin.register(Ceremony)
class CeremonyAdmin(EventAdmin):
    form = CeremonyForm


@admin.register(GuidanceVisit)
class GuidanceVisitAdmin(EventAdmin):
    pass


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "published", "language"]
    list_filter = ["publisher", "language"]
    search_fields = ["title", "url", "excerpt"]
    readonly_fields = ["published_in_words", "updated_at"]


@admin.register(Photo)
class PhotoAdmin(SimpleHistoryAdmin):
    list_display = ["caption", "credit", "source", "factory", "ceremony", "visit"]
    list_select_related = ["source", "factory", "ceremony", "visit"]
    search_fields = ["caption", "credit", "source__title"]
    autocomplete_fields = ["source", "factory", "ceremony", "visit"]
    readonly_fields = ["width", "height", "thumbnail", "updated_at"]
