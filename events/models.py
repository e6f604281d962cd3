"""What happened and who says so: ceremonies, guidance visits, sources and photos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from events import dates
from events.choices import CeremonyKind, Publisher, VisitKind
from regiondev.changes import History
from regiondev.links import page_url
from sites.models import union_of_ids
from sites.search import search_key


class EventQuerySet(models.QuerySet):
    def search(self, text: str):
        """Events held in a place, or concerning a factory, that the search key finds."""
        key = search_key(text)
        if not key:
            return self.none()
        needle = f" {key}"
        # A UNION rather than an OR across three joins, so each is read through its own
        # (trigram) index instead of every event.
        return self.filter(
            pk__in=union_of_ids(
                self.model.objects.filter(county__search_keys__contains=needle),
                self.model.objects.filter(province__search_keys__contains=needle),
                self.model.objects.filter(factories__search_keys__contains=needle),
            )
        )

    def between(self, after=None, before=None):
        """Events that may have happened inside [after, before], judged by the date bounds."""
        queryset = self
        if after:
            queryset = queryset.filter(date_upper__gte=after)
        if before:
            queryset = queryset.filter(date_lower__lte=before)
        return queryset


class DatedModel(models.Model):
    """An EDTF date kept as typed, with the earliest and latest day it can mean."""

    date = models.CharField(max_length=50, help_text=dates.EDTF_HELP)
    date_lower = models.DateField(editable=False)
    date_upper = models.DateField(editable=False, db_index=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
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
        return dates.in_words(self.date_lower, self.date_upper)

    def derive_date_bounds(self) -> None:
        """Parse `date` into its bounds, or raise a ValidationError on the `date` field."""
        try:
            parsed = dates.parse(self.date)
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
        models.ManyToManyField("events.Source", blank=True, related_name=related_name),
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
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta(DatedModel.Meta):
        abstract = True
        ordering = ["date_lower", "date_upper", "pk"]
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

    history = History()

    class Meta(Event.Meta):
        verbose_name_plural = "ceremonies"

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display().capitalize()} ceremony, {self.place}, {self.date_in_words}"
        )

    def get_absolute_url(self) -> str:
        return page_url("events:ceremony-detail", self.pk)


class GuidanceVisit(Event):
    """Field guidance at a site, or an on-site consultative meeting."""

    kind = models.CharField(max_length=30, choices=VisitKind)
    county, province, factories, sources = event_relations("guidance_visits")
    led_by = models.CharField(
        max_length=200, blank=True, help_text="Who led it, as the source says."
    )

    history = History()

    class Meta(Event.Meta):
        verbose_name = "guidance visit"

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()}, {self.place}, {self.date_in_words}"

    def get_absolute_url(self) -> str:
        return page_url("events:visit-detail", self.pk)


class Source(models.Model):
    """An article or broadcast that states what a record says."""

    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=40, choices=Publisher, default=Publisher.UNKNOWN)
    url = models.URLField("URL", max_length=500, blank=True)
    published = models.CharField(
        "publication date",
        max_length=50,
        blank=True,
        help_text="As exact as known. " + dates.EDTF_HELP,
    )
    published_lower = models.DateField(null=True, editable=False)
    published_upper = models.DateField(null=True, editable=False)
    language = models.CharField(max_length=10, default="en", help_text="e.g. en, ko.")
    excerpt = models.TextField(blank=True, help_text="The passage the records rest on.")
    full_text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = History()

    class Meta:
        ordering = ["-published_lower", "title", "pk"]
        # Behind every API filter and ordering; title and excerpt searches have trigram
        # indexes on PostgreSQL (migration 0003).
        indexes = [
            models.Index(fields=["published_lower", "id"], name="events_source_published_idx"),
            models.Index(fields=["published_upper"], name="events_source_pub_upper_idx"),
            models.Index(fields=["publisher", "id"], name="events_source_publisher_idx"),
            models.Index(fields=["language"], name="events_source_language_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_lower__isnull=True)
                | Q(published_lower__lte=F("published_upper")),
                name="events_source_published_bounds_ordered",
                violation_error_message="A publication date cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.derive_published_bounds()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return page_url("events:source-detail", self.pk)

    @property
    def published_in_words(self) -> str:
        if not self.published_lower:
            return "date not known"
        return dates.in_words(self.published_lower, self.published_upper)

    def derive_published_bounds(self) -> None:
        if not self.published:
            self.published_lower = self.published_upper = None
            return
        try:
            parsed = dates.parse(self.published)
        except ValidationError as error:
            raise ValidationError({"published": error.messages}) from error
        self.published, self.published_lower, self.published_upper = (
            parsed.text,
            parsed.lower,
            parsed.upper,
        )

    def clean(self):
        super().clean()
        self.derive_published_bounds()


class Photo(models.Model):
    """A photograph of a factory or an event, with its caption, credit and source."""

    image = models.ImageField(upload_to="photos/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    thumbnail = models.ImageField(
        upload_to="photos/thumbs/", blank=True, editable=False, help_text="Made on upload."
    )
    caption = models.CharField(max_length=300)
    credit = models.CharField(max_length=200)
    source = models.ForeignKey("events.Source", on_delete=models.PROTECT, related_name="photos")
    factory = models.ForeignKey(
        "sites.Factory", on_delete=models.CASCADE, null=True, blank=True, related_name="photos"
    )
    ceremony = models.ForeignKey(
        "events.Ceremony", on_delete=models.CASCADE, null=True, blank=True, related_name="photos"
    )
    visit = models.ForeignKey(
        "events.GuidanceVisit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = History()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(factory__isnull=False)
                | Q(ceremony__isnull=False)
                | Q(visit__isnull=False),
                name="events_photo_shows_something",
                violation_error_message=(
                    "Say what the photo shows: a factory, a ceremony or a visit."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.caption
