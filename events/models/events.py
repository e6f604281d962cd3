"""Ceremonies and guidance visits: what happened, when, where and to which factories."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from events.choices import CeremonyKind, VisitKind
from events.models.ordering import event_ordering
from events.models.querysets import EventQuerySet
from regiondev import dates
from regiondev.changes import History
from regiondev.constraints import CheckConstraint


class DatedModel(models.Model):
    """An EDTF date kept as typed, with the earliest and latest day it can mean."""

    date = models.CharField(max_length=50, help_text=dates.EDTF_HELP)
    date_lower = models.DateField(editable=False)
    date_upper = models.DateField(editable=False, db_index=True)

    class Meta:
        abstract = True
        constraints = [
            CheckConstraint(
                condition=Q(date_lower__lte=F("date_upper")),
                name="%(app_label)s_%(class)s_date_bounds_ordered",
                violation_error_message="A date cannot end before it starts.",
            ),
        ]

    def save(self, *args, **kwargs):
        self.derive_date_bounds()
        super().save(*args, **kwargs)

    @property
    def fuzzy_date(self) -> dates.FuzzyDate:
        return dates.FuzzyDate(self.date, self.date_lower, self.date_upper)

    @property
    def date_in_words(self) -> str:
        return self.fuzzy_date.words

    def derive_date_bounds(self) -> None:
        """Parse `date` into its bounds, or raise a ValidationError on the `date` field."""
        try:
            parsed = dates.read(self.date)
        except ValidationError as error:
            raise ValidationError({"date": error.messages}) from error
        self.date, self.date_lower, self.date_upper = parsed.text, parsed.lower, parsed.upper

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude={*(exclude or ()), "date_lower", "date_upper"})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "date" not in errors and not (exclude and "date" in exclude):
            try:
                self.derive_date_bounds()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


# Which Citation field points at the record, by the related name its sources go under.
CITING_FIELD = {"ceremonies": "ceremony", "guidance_visits": "visit", "factories": "factory"}


def event_relations(related_name: str):
    """The place, factories and sources of an event, reachable from them as `related_name`."""
    return (
        models.ForeignKey(
            "sites.County",
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name=related_name,
            help_text=(
                "Filled from the factories when they are all in one; empty when the source "
                "does not name the place."
            ),
            db_index=False,  # the Meta's "in_county" index starts with it
        ),
        models.ForeignKey(
            "sites.Province",
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name=related_name,
            help_text=(
                "Filled from the county or the factories; set alone when the source names "
                "only the province."
            ),
        ),
        models.ManyToManyField("sites.Factory", blank=True, related_name=related_name),
        models.ManyToManyField(
            "events.Source",
            blank=True,
            related_name=related_name,
            through="events.Citation",
            through_fields=(CITING_FIELD[related_name], "source"),
        ),
    )


class Event(DatedModel):
    """Something that happened at a place on an (often uncertain) date."""

    place_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where, in the source's words, e.g. the shore in Sinpho.",
    )
    leader_present = models.BooleanField(
        default=False, db_index=True, help_text="Whether the source says the leader attended."
    )
    summary = models.TextField(blank=True)
    summary_ko = models.TextField(
        blank=True, help_text="The summary in Korean, for the Korean pages."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta(DatedModel.Meta):
        abstract = True
        ordering = event_ordering()
        # The default order, the kind order of keyset pages (kind, then id), and a county's
        # latest events (its page reads them backwards along this index).
        indexes = [
            models.Index(
                fields=["date_lower", "date_upper", "id"], name="%(app_label)s_%(class)s_date_idx"
            ),
            models.Index(fields=["kind", "id"], name="%(app_label)s_%(class)s_kind_idx"),
            models.Index(
                fields=["county", "date_lower", "date_upper", "id"],
                name="%(app_label)s_%(class)s_in_county",
            ),
        ]

    @property
    def place(self) -> str:
        """The most precise place the record knows, in words."""
        if self.county_id:
            return f"{self.county}, {self.province or self.county.province}"
        parts = [part for part in (self.place_name, str(self.province or "")) if part]
        return ", ".join(parts) or "place not named"


class Ceremony(Event):
    """A groundbreaking, an inauguration or another ceremony for regional-industry factories."""

    kind = models.CharField(max_length=20, choices=CeremonyKind)
    county, province, factories, sources = event_relations("ceremonies")
    speakers = models.TextField(blank=True, help_text="Who spoke, as the source says.")
    repeat = models.CharField(
        "what this repeat is",
        max_length=100,
        blank=True,
        default="",
        # Rows written by raw SQL (the synthetic benchmark data) are first milestones too.
        db_default="",
        help_text=(
            "Only for a factory's second groundbreaking or inauguration: what it is, "
            "e.g. re-inauguration, second phase."
        ),
    )
    PEOPLE_FIELDS = ("speakers",)  # searched by name

    history = History()

    class Meta(Event.Meta):
        verbose_name_plural = "ceremonies"

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display().capitalize()} ceremony, {self.place}, {self.date_in_words}"
        )

    def get_absolute_url(self) -> str:
        return reverse("events:ceremony-detail", args=[self.pk])


class GuidanceVisit(Event):
    """Field guidance at a site, or an on-site consultative meeting."""

    kind = models.CharField(max_length=30, choices=VisitKind)
    county, province, factories, sources = event_relations("guidance_visits")
    led_by = models.CharField(
        max_length=200, blank=True, help_text="Who led it, as the source says."
    )
    PEOPLE_FIELDS = ("led_by",)  # searched by name

    history = History()

    class Meta(Event.Meta):
        verbose_name = "guidance visit"

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()}, {self.place}, {self.date_in_words}"

    def get_absolute_url(self) -> str:
        return reverse("events:visit-detail", args=[self.pk])
