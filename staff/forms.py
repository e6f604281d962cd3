"""The article intake's two steps: the report itself, then the proposals staff review."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator

from events.choices import LeaderPresence
from events.models import GuidanceVisit, Source
from regiondev.dates import EDTF_HELP
from sites.choices import PROGRAMME_YEARS
from sites.models import County, Factory, Province
from sites.search import search_key
from staff import intake
from staff.intake.frame import looks_like_html, read_frame

# One report at a time, up to the longest compilations (a 2 MB report reads as a background
# job). No longer than the request body may be (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB, a 413
# naming it beyond): a character takes at least one byte, so this limit is the one staff meet.
INTAKE_MAX_CHARACTERS = 2_500_000
# A proposal's summary is its sentences; a record's summary is no place for whole pages.
SUMMARY_MAX_CHARACTERS = 1_000


class ArticleForm(forms.ModelForm):
    """The report as it will be stored, checked by the Source model itself."""

    class Meta:
        model = Source
        fields = ["title", "description", "publisher", "published", "url", "full_text"]
        labels = {"full_text": "report text"}
        help_texts = {
            "published": (
                "Relative dates (“on the 5th”, “last year”) are read against it; a dateline "
                "(“Pyongyang, March 5 (KCNA)”) sharpens it to the day. Leave it empty when the "
                "text carries an archive's line “Date: 17/01/2025 | Source: …”. " + EDTF_HELP
            ),
            "full_text": (
                f"Paste the report's text as the page shows it, captions included (at most "
                f"{INTAKE_MAX_CHARACTERS:,} characters)."
            ),
        }
        error_messages = {"full_text": {"required": "Paste the report's text."}}

    def __init__(self, *args, kept_text: str = "", **kwargs):
        """`kept_text`: the text of a report read by a background job, kept with its reading
        and left out of the page; a text pasted in the field replaces it."""
        super().__init__(*args, **kwargs)
        self.kept_text = kept_text
        self.fields["published"].required = False
        self.fields["full_text"].required = not kept_text
        self.fields["title"].required = False
        if kept_text:
            self.fields["full_text"].help_text = (
                f"The report's text ({len(kept_text):,} characters) is kept with its reading "
                f"and not shown here; paste a text only to read another instead."
            )

    def clean_full_text(self):
        text = self.cleaned_data["full_text"] or self.kept_text
        if len(text) > INTAKE_MAX_CHARACTERS:
            raise ValidationError(
                f"The text is {len(text):,} characters long; the intake reads at most "
                f"{INTAKE_MAX_CHARACTERS:,}. Paste one report at a time."
            )
        if looks_like_html(text):
            raise ValidationError(
                "This is a web page's HTML, not its text. Copy the report's words from the "
                "page as it shows, not from its source."
            )
        return text

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("full_text")
        if not text:
            return cleaned
        frame = read_frame(text)
        if not cleaned.get("title") and frame.title:
            cleaned["title"] = self.instance.title = frame.title[:300]
        if not cleaned.get("title") and not cleaned.get("description"):
            self.add_error(
                "title",
                "Give the report's headline, or where it is not known a description of the "
                "report: the text carries no headline.",
            )
        if not cleaned.get("published"):
            if frame.published:
                cleaned["published"] = self.instance.published = frame.published.isoformat()
            else:
                self.add_error(
                    "published",
                    "Give the publication date: the text carries no archive date line, and "
                    "its dates are read against it.",
                )
        if not cleaned.get("publisher") and frame.publisher:
            cleaned["publisher"] = self.instance.publisher = frame.publisher[:100]
        return cleaned


class PlaceChoices:
    """The counties and provinces to pick from, read once and listed once for the whole page.

    Each proposal names its places in a text box backed by the page's datalists, by slug or by
    any spelling the search rule takes ("Hoeyang", "Kangwon-do", "회양군"), so the page stays
    light with one form per proposal and two hundred counties.
    """

    def __init__(self):
        self.counties = {
            county.slug: county for county in County.objects.select_related("province")
        }
        self.provinces = {province.slug: province for province in Province.objects.all()}

    def find(self, places: dict, text: str, noun: str, *, within=None):
        """The place `text` names; `within`, a province, settles a name two counties share."""
        text = (text or "").strip()
        if not text:
            return None
        if text in places:
            return places[text]
        key = search_key(text)
        found = [place for place in places.values() if key and key in place.search_keys.split()]
        found = found or [
            place for place in places.values() if key and f" {key}" in place.search_keys
        ]
        if within is not None and len(found) > 1:
            found = [place for place in found if place.province_id == within.pk] or found
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{place} ({place.province}, {place.slug})" for place in found[:8])
            raise ValidationError(f"“{text}” could be {listed}: give the province or the slug.")
        raise ValidationError(f"There is no {noun} named “{text}” or with that slug.")


def place_input(datalist: str) -> forms.TextInput:
    return forms.TextInput(attrs={"list": datalist, "size": 24, "autocomplete": "off"})


class ProposalForm(forms.Form):
    include = forms.BooleanField(
        label="store", required=False, widget=forms.CheckboxInput(attrs={"aria-label": "store"})
    )
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in intake.EVENT_KINDS])
    date = forms.CharField(label="Date (EDTF)", max_length=50, required=False)
    county = forms.CharField(max_length=200, required=False, widget=place_input("intake-counties"))
    province = forms.CharField(
        max_length=200, required=False, widget=place_input("intake-provinces")
    )
    place_name = forms.CharField(label="Place in words", max_length=200, required=False)
    leader_present = forms.BooleanField(required=False)
    speakers = forms.CharField(
        label="Speakers or led by",
        max_length=2000,
        required=False,
        widget=forms.TextInput(attrs={"size": 40}),
    )
    factories = forms.CharField(
        label="Factories",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 30}),
        help_text="One a line: a stored factory's slug, or a new factory's name.",
    )
    date_as_written = forms.CharField(label="Date as written", max_length=200, required=False)
    programme_year = forms.IntegerField(
        label="County's programme year",
        required=False,
        min_value=PROGRAMME_YEARS[0],
        max_value=PROGRAMME_YEARS[-1],
        help_text="Its first programme groundbreaking: the county has no programme year yet.",
    )
    update = forms.IntegerField(required=False, widget=forms.HiddenInput)
    quote = forms.CharField(required=False, widget=forms.HiddenInput)
    leader_presence = forms.ChoiceField(
        choices=LeaderPresence.choices, required=False, widget=forms.HiddenInput
    )
    place_as_written = forms.CharField(required=False, widget=forms.HiddenInput)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, places: PlaceChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places
        # "“Hoeyang” is Hoeyang (Kangwon)": how a place typed in any spelling was read.
        self.matches = []

    def clean_province(self):
        return self.places.find(self.places.provinces, self.cleaned_data["province"], "province")

    def clean(self):
        cleaned = super().clean()
        written = cleaned.get("county", "")
        try:
            cleaned["county"] = self.places.find(
                self.places.counties, written, "county", within=cleaned.get("province")
            )
        except ValidationError as error:
            self.add_error("county", error)
            return cleaned
        for name in ("county", "province"):
            place = cleaned.get(name)
            typed = written if name == "county" else self.data.get(self.add_prefix(name), "")
            if place is not None and typed.strip() != place.slug:
                self.matches.append(
                    f"“{typed.strip()}” is {place}"
                    + (f" ({place.province})" if name == "county" else "")
                )
        return self._choice(cleaned)

    def _choice(self, cleaned):
        if not cleaned.get("include") or self.errors:
            return cleaned
        if not cleaned.get("date"):
            self.add_error("date", "Give a date to store this record.")
            return cleaned
        county = cleaned.get("county")
        province = cleaned.get("province") or (county.province if county else None)
        stored, new = self._factories(county, cleaned.get("factories", ""))
        self.choice = intake.Choice(
            kind=cleaned["kind"],
            date=cleaned["date"],
            county=county,
            province=province,
            place_name=cleaned.get("place_name", ""),
            leader_present=cleaned.get("leader_present", False),
            summary=cleaned.get("summary", ""),
            speakers=cleaned.get("speakers", ""),
            factories=stored,
            new_factories=new,
            update=self._record(cleaned["kind"], cleaned.get("update")),
            date_as_written=cleaned.get("date_as_written", ""),
            quote=cleaned.get("quote", ""),
            leader_presence=cleaned.get("leader_presence") or LeaderPresence.UNSTATED,
            place_as_written=cleaned.get("place_as_written", ""),
            programme_year=cleaned.get("programme_year"),
        )
        try:
            intake.build_event(self.choice)
        except ValidationError as error:
            known = set(self.fields)
            for name, messages in error.message_dict.items():
                self.add_error(name if name in known else None, messages)
        return cleaned

    def _factories(self, county, text: str):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and county is None:
            self.add_error("factories", "Factories need a county.")
            return [], []
        stored = {factory.slug: factory for factory in Factory.objects.filter(slug__in=lines)}
        wrong = (
            [factory for factory in stored.values() if factory.county_id != county.pk]
            if lines
            else []
        )
        if wrong:
            self.add_error("factories", f"{wrong[0]} is not in {county}.")
        return list(stored.values()), [line for line in lines if line not in stored]

    def _record(self, kind: str, pk: int | None):
        if not pk:
            return None
        model = intake.EVENT_KINDS[kind][0]
        record = model.objects.filter(pk=pk).first()
        if record is None:
            self.add_error(None, "The stored record to update is gone; read the report again.")
        return record


ProposalFormSet = forms.formset_factory(ProposalForm, extra=1)


def proposal_initial(event: intake.ProposedEvent) -> dict:
    factories = [
        facility.factory.slug if facility.factory else facility.new_name
        for facility in event.facilities
    ]
    return {
        "include": event.ticked,
        "kind": event.kind,
        "date": event.date,
        "county": event.county.slug if event.county else "",
        "province": event.province.slug if event.province else "",
        "leader_present": event.leader_present,
        "speakers": event.speakers_text
        or ("Kim Jong Un" if event.leader_present and event.model is GuidanceVisit else ""),
        "factories": "\n".join(dict.fromkeys(factories)),
        "update": event.existing.pk if event.update and event.existing else None,
        "date_as_written": event.date_found.text if event.date_found else "",
        "quote": event.sentence,
        "leader_presence": event.leader_presence,
        "place_as_written": event.place_found.text if event.place_found else "",
        "programme_year": programme_year_proposed(event),
        "summary": Truncator(event.summary).chars(SUMMARY_MAX_CHARACTERS),
    }


def programme_year_proposed(event: intake.ProposedEvent) -> int | None:
    """A groundbreaking in a county without a programme year: the year it would start."""
    county = event.county
    if (
        county is None
        or county.programme_year is not None
        or event.kind != "groundbreaking"
        or event.lower is None
        or event.lower.year != event.upper.year
        or event.lower.year not in PROGRAMME_YEARS
    ):
        return None
    return event.lower.year
