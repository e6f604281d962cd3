from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from events.images import process_photo
from events.models import Ceremony, Photo


class CeremonyForm(forms.ModelForm):
    """Adds the one rule that spans records: a factory's inauguration follows its groundbreaking."""

    class Meta:
        model = Ceremony
        fields = [
            "kind",
            "date",
            "county",
            "province",
            "place_name",
            "factories",
            "leader_present",
            "speakers",
            "summary",
            "sources",
        ]

    def _post_clean(self):
        super()._post_clean()
        if self.errors or "factories" not in self.cleaned_data:
            return
        try:
            self.instance.check_milestone_order(self.cleaned_data["factories"])
        except ValidationError as error:
            self._update_errors(error)


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
