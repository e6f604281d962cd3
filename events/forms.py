from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html

from events import services
from events.images import process_photo
from events.models import Ceremony, GuidanceVisit, Photo
from regiondev import dates
from regiondev.forms import ServiceForm


class DatePreviewInput(forms.TextInput):
    """A date box that shows the EDTF it will store and the words it means.

    The preview under the box is drawn on the server for the value the form holds (so it is
    there without JavaScript when a form comes back with errors) and redrawn as staff type by
    staff/date-preview.js, which asks `preview_url` to read the text with the same parser.
    """

    def __init__(self, preview_url: str = "", attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.preview_url = preview_url

    class Media:
        js = ["staff/date-preview.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-date-preview"] = self.preview_url
        return context

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        element_id = (attrs or {}).get("id", f"id_{name}")
        return format_html(
            '{}<output class="date-preview" for="{}" id="{}_preview" aria-live="polite">'
            "{}</output>",
            box,
            element_id,
            element_id,
            date_preview_text(value),
        )


def date_preview_text(text) -> str:
    """What a typed date means: its EDTF and its words, or what the parser expected."""
    if not text:
        return ""
    try:
        parsed = dates.read(str(text))
    except ValidationError as error:
        return error.messages[0]
    return f"EDTF {parsed.text} · {parsed.words}"


class EventForm(ServiceForm):
    """An event's form, validated once by the service its save goes through
    (events/services.py), so every reason to refuse it shows at once."""

    needed_for_check = ("kind", "date")


EVENT_FORM_FIELDS = list(services.EVENT_FIELDS)


class CeremonyForm(EventForm):
    service_fields = (*EVENT_FORM_FIELDS, "speakers", "repeat")

    class Meta:
        model = Ceremony
        fields = [*EVENT_FORM_FIELDS[:3], "repeat", *EVENT_FORM_FIELDS[3:], "speakers"]

    def check(self, values):
        return services.check_ceremony(ceremony=self.instance, **values)


class GuidanceVisitForm(EventForm):
    service_fields = (*EVENT_FORM_FIELDS, "led_by")

    class Meta:
        model = GuidanceVisit
        fields = [*EVENT_FORM_FIELDS, "led_by"]

    def check(self, values):
        return services.check_guidance_visit(visit=self.instance, **values)


class PhotoForm(forms.ModelForm):
    """A photo upload is checked and re-encoded (events/images.py) before anything is saved.

    The field is a plain file field so that our checks, with their messages, are the first
    to look at the upload.
    """

    image = forms.FileField(
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text="JPEG, PNG or WebP. Location and camera data are removed on upload.",
    )

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "source", "factory", "ceremony", "visit"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            self.processed = process_photo(image)
        return image

    def save(self, commit=True):
        processed = getattr(self, "processed", None)
        if processed:
            processed.assign_to(self.instance)
        return super().save(commit=commit)
