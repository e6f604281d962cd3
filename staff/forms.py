"""The article intake's two steps: the article itself, then the proposals staff review."""

from django import forms
from django.core.exceptions import ValidationError

from events.dates import EDTF_HELP
from events.models import Source
from sites.models import County, Province
from staff import intake


class ArticleForm(forms.ModelForm):
    """The article as it will be stored, checked by the Source model itself."""

    class Meta:
        model = Source
        fields = ["title", "publisher", "published", "url", "full_text"]
        labels = {"full_text": "article text"}
        help_texts = {
            "published": (
                "Relative dates (“last year”, “in July”) are read against it. " + EDTF_HELP
            ),
            "full_text": "Paste the article's text, captions included.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published"].required = True
        self.fields["full_text"].required = True


class PlaceChoices:
    """The counties and provinces to pick from, read once and listed once for the whole page.

    Each proposal names its places by slug in a text box backed by the page's datalists, so
    the page stays light with one form per proposal and two hundred counties.
    """

    def __init__(self):
        self.counties = {
            county.slug: county for county in County.objects.select_related("province")
        }
        self.provinces = {province.slug: province for province in Province.objects.all()}

    def find(self, places: dict, slug: str, noun: str):
        if not slug:
            return None
        if slug not in places:
            raise ValidationError(f"There is no {noun} with the slug “{slug}”.")
        return places[slug]


def place_input(datalist: str) -> forms.TextInput:
    return forms.TextInput(attrs={"list": datalist, "size": 24, "autocomplete": "off"})


class ProposalForm(forms.Form):
    include = forms.BooleanField(
        label="store", required=False, widget=forms.CheckboxInput(attrs={"aria-label": "store"})
    )
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in intake.EVENT_KINDS])
    date = forms.CharField(label="Date (EDTF)", max_length=50, required=False)
    county = forms.SlugField(required=False, widget=place_input("intake-counties"))
    province = forms.SlugField(required=False, widget=place_input("intake-provinces"))
    place_name = forms.CharField(label="Place in words", max_length=200, required=False)
    leader_present = forms.BooleanField(required=False)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, places: PlaceChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places

    def clean_county(self):
        return self.places.find(self.places.counties, self.cleaned_data["county"], "county")

    def clean_province(self):
        return self.places.find(self.places.provinces, self.cleaned_data["province"], "province")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("include") or self.errors:
            return cleaned
        if not cleaned.get("date"):
            self.add_error("date", "Give a date to store this record.")
            return cleaned
        self.choice = intake.Choice(
            kind=cleaned["kind"],
            date=cleaned["date"],
            county=cleaned.get("county"),
            province=cleaned.get("province"),
            place_name=cleaned.get("place_name", ""),
            leader_present=cleaned.get("leader_present", False),
            summary=cleaned.get("summary", ""),
        )
        try:
            intake.build_event(self.choice)
        except ValidationError as error:
            known = set(self.fields)
            for name, messages in error.message_dict.items():
                self.add_error(name if name in known else None, messages)
        return cleaned


ProposalFormSet = forms.formset_factory(ProposalForm, extra=0)


def proposal_initial(event: intake.ProposedEvent) -> dict:
    return {
        "include": event.is_new,
        "kind": event.kind,
        "date": event.date,
        "county": event.county.slug if event.county else "",
        "province": event.province.slug if event.province else "",
        "leader_present": event.leader_present,
        "summary": event.sentence,
    }
