from django.contrib import admin
from django.utils.html import format_html

from events.forms import CeremonyForm, PhotoForm
from events.models import Ceremony, Citation, GuidanceVisit, Photo, Source
from events.resources import CeremonyResource, GuidanceVisitResource, SourceResource
from staff.admin import ChangeMessageForm, HistoryAdmin, ImportExportHistoryAdmin

PLACE_SEARCH = [
    "county__name",
    "county__name_ko",
    "county__search_keys",
    "province__name",
    "province__search_keys",
    "place_name",
    "summary",
]


@admin.display(description="thumbnail")
def thumbnail_preview(photo):
    if not photo.thumbnail:
        return "—"
    return format_html('<img src="{}" alt="" width="200">', photo.thumbnail.url)


class PhotoInline(admin.StackedInline):
    model = Photo
    form = PhotoForm
    fields = ["image", thumbnail_preview, "caption", "credit", "source"]
    readonly_fields = [thumbnail_preview]
    autocomplete_fields = ["source"]
    extra = 0


class CitationInline(admin.StackedInline):
    """What each source states about the record, and which claim the record follows."""

    model = Citation
    fields = [
        "source",
        ("date_as_written", "date"),
        ("leader_present", "follows"),
        "place_as_written",
        "facilities_as_written",
        "quote",
        "note",
    ]
    autocomplete_fields = ["source"]
    extra = 0


def citation_inline(record_field: str):
    return type(
        f"{record_field.capitalize()}CitationInline", (CitationInline,), {"fk_name": record_field}
    )


class EventAdmin(ImportExportHistoryAdmin):
    list_display = ["__str__", "kind", "date", "county", "province", "leader_present"]
    list_filter = ["kind", "leader_present", "province", "date_lower"]
    list_select_related = ["county__province", "province"]
    search_fields = PLACE_SEARCH
    autocomplete_fields = ["county", "province", "factories"]
    readonly_fields = ["date_in_words", "updated_at"]
    date_hierarchy = "date_lower"

    @admin.display(description="date in words")
    def date_in_words(self, event):
        return event.date_in_words if event.date_lower else "—"


class CeremonyAdminForm(ChangeMessageForm, CeremonyForm):
    pass


@admin.register(Ceremony)
class CeremonyAdmin(EventAdmin):
    form = CeremonyAdminForm
    resource_classes = [CeremonyResource]
    inlines = [citation_inline("ceremony"), PhotoInline]


@admin.register(GuidanceVisit)
class GuidanceVisitAdmin(EventAdmin):
    resource_classes = [GuidanceVisitResource]
    inlines = [citation_inline("visit"), PhotoInline]


@admin.register(Source)
class SourceAdmin(ImportExportHistoryAdmin):
    resource_classes = [SourceResource]
    list_display = ["title", "publisher", "published", "language", "state_media"]
    list_filter = ["state_media", "language"]
    search_fields = ["title", "publisher", "url", "excerpt", "key"]
    readonly_fields = ["published_in_words", "updated_at"]


class PhotoAdminForm(ChangeMessageForm, PhotoForm):
    pass


@admin.register(Photo)
class PhotoAdmin(HistoryAdmin):
    form = PhotoAdminForm
    list_display = ["caption", "credit", "source", "factory", "ceremony", "visit"]
    list_select_related = ["source", "factory", "ceremony", "visit"]
    search_fields = ["caption", "credit", "source__title"]
    autocomplete_fields = ["source", "factory", "ceremony", "visit"]
    readonly_fields = [thumbnail_preview, "width", "height", "updated_at"]
