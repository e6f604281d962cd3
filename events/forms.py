from django import forms
from django.core.exceptions import ValidationError

from events.models import Ceremony


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
