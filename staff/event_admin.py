from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html

from events import services
from events.forms import (
    CeremonyForm,
    DatePreviewInput,
    GuidanceVisitForm,
    PhotoForm,
)
from events.forms import date_preview_text as preview
from events.models import Appearance, Ceremony, Citation, GuidanceVisit, Photo, Source
from regiondev import dates
from staff.admin import (
    ChangeMessageForm,
    DraftMarkAdmin,
    HistoryAdmin,
    ImportExportHistoryAdmin,
    ServiceAdmin,
    SourceCountAdmin,
)
from staff.event_resources import CeremonyResource, GuidanceVisitResource, SourceResource
from staff.people_admin import appearance_inline, save_appearances
from staff.search import SearchRuleAdmin

# Beside the search rule, which finds an event by any spelling of its place or factories.
PLACE_SEARCH = ["place_name", "summary"]


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


class DatePreviewAdmin:
    """A date box with its EDTF and words shown as staff type (events/forms.py), and the
    small endpoint that reads the text for it: `<model>/date-preview/?text=…`."""

    date_fields: tuple[str, ...] = ("date",)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "date-preview/",
                self.admin_site.admin_view(self.date_preview),
                name=f"{opts.app_label}_{opts.model_name}_date_preview",
            ),
            *super().get_urls(),
        ]

    def date_preview(self, request):
        text = request.GET.get("text", "")
        try:
            parsed = dates.read(text)
        except ValidationError as error:
            return JsonResponse({"text": text, "error": error.messages[0]})
        return JsonResponse(
            {"text": text, "edtf": parsed.text, "words": parsed.words, "preview": preview(text)}
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.date_fields:
            opts = self.model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_date_preview")
            kwargs["widget"] = DatePreviewInput(preview_url=url)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class EventAdmin(
    ServiceAdmin,
    DraftMarkAdmin,
    SourceCountAdmin,
    SearchRuleAdmin,
    DatePreviewAdmin,
    ImportExportHistoryAdmin,
):
    """Saved and deleted through events/services.py, which connects the event to its
    factories' places and keeps the factories' dates."""

    save_checked = staticmethod(services.save_checked)

    # The date leads and links to the event: kind and place have their own columns.
    list_display = [
        "event_date",
        "kind",
        "county",
        "province",
        "leader_present",
        "source_count",
    ]
    list_filter = ["kind", "leader_present", "province", "date_lower"]
    list_select_related = ["county__province", "province"]
    search_fields = PLACE_SEARCH
    autocomplete_fields = ["county", "province", "factories"]
    readonly_fields = ["date_in_words", "updated_at"]
    date_hierarchy = "date_lower"

    @admin.display(description="date", ordering="date_lower")
    def event_date(self, event):
        return event.date

    @admin.display(description="date in words")
    def date_in_words(self, event):
        return event.date_in_words if event.date_lower else "—"

    def save_related(self, request, form, formsets, change):
        # The service has set the factories and sources; only the inlines are left.
        for formset in formsets:
            if formset.model is Appearance:
                save_appearances(form.instance, formset)
            else:
                self.save_formset(request, form, formset, change=change)
        services.citations_changed(event=form.instance)


class CeremonyAdminForm(ChangeMessageForm, CeremonyForm):
    pass


class GuidanceVisitAdminForm(ChangeMessageForm, GuidanceVisitForm):
    pass


@admin.register(Ceremony)
class CeremonyAdmin(EventAdmin):
    form = CeremonyAdminForm
    resource_classes = [CeremonyResource]
    inlines = [citation_inline("ceremony"), appearance_inline("ceremony"), PhotoInline]

    def delete_model(self, request, obj):
        services.delete_ceremony(ceremony=obj)

    def delete_queryset(self, request, queryset):
        for ceremony in queryset:
            services.delete_ceremony(ceremony=ceremony)


@admin.register(GuidanceVisit)
class GuidanceVisitAdmin(EventAdmin):
    form = GuidanceVisitAdminForm
    resource_classes = [GuidanceVisitResource]
    inlines = [citation_inline("visit"), appearance_inline("visit"), PhotoInline]


@admin.register(Source)
class SourceAdmin(DatePreviewAdmin, ImportExportHistoryAdmin):
    date_fields = ("published",)
    resource_classes = [SourceResource]
    list_display = ["shown_as", "publisher", "published", "language", "state_media"]
    list_filter = ["state_media", "language"]
    search_fields = ["title", "description", "publisher", "url", "excerpt", "key"]
    readonly_fields = ["published_in_words", "shown_as", "updated_at"]

    @admin.display(description="shown as", ordering="title")
    def shown_as(self, source):
        """As every page names it: a description stands in square brackets."""
        return source.display_title


class PhotoAdminForm(ChangeMessageForm, PhotoForm):
    pass


@admin.register(Photo)
class PhotoAdmin(HistoryAdmin):
    form = PhotoAdminForm
    list_display = ["caption", "credit", "source", "factory", "ceremony", "visit"]
    list_select_related = ["source", "factory", "ceremony", "visit"]
    search_fields = ["caption", "credit", "source__title", "source__description"]
    autocomplete_fields = ["source", "factory", "ceremony", "visit"]
    readonly_fields = [thumbnail_preview, "width", "height", "updated_at"]
