"""What happened and who says so: ceremonies, guidance visits, sources and photos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from simple_history.models import HistoricalRecords

from events import dates
from events.choices import CeremonyKind, Publisher, VisitKind
from sites.models import union_of_ids
from sites.search import search_key

# The one order of events, for pages, the API timeline, feeds and exports: oldest first by
# the date bounds; where two events share them, the groundbreaking first and the
# inauguration last, so a factory's path reads in the order it was taken; then the id.
SAME_DAY_RANK = {CeremonyKind.GROUNDBREAKING: 0, CeremonyKind.INAUGURATION: 2}
OTHER_RANK = 1
EVENT_ORDER = ("date_lower", "date_upper", "same_day_rank", "id")


def same_day_rank():
    """SAME_DAY_RANK in SQL, for `EventQuerySet.ranked()`."""
    return Case(
        *(When(kind=kind, then=Value(rank)) for kind, rank in SAME_DAY_RANK.items()),
        default=Value(OTHER_RANK),
        output_field=models.IntegerField(),
    )


def chronological_key(event) -> tuple:
    """EVENT_ORDER for events already loaded (ceremonies and visits together)."""
    return (
        event.date_lower,
        event.date_upper,
        SAME_DAY_RANK.get(event.kind, OTHER_RANK),
        event.pk,
    )


def in_event_order(*, newest_first: bool = False) -> list[str]:
    """EVENT_ORDER as `order_by()` arguments (also for `event_rows()`), reversed whole for the
    newest first."""
    return [f"-{name}" if newest_first else name for name in EVENT_ORDER]


class EventQuerySet(models.QuerySet):
    def ranked(self):
        """With `same_day_rank`, the column EVENT_ORDER needs."""
        return self.annotate(same_day_rank=same_day_rank())

    def chronological(self, *, newest_first: bool = False):
        """In EVENT_ORDER (or exactly reversed)."""
        return self.ranked().order_by(*in_event_order(newest_first=newest_first))

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
            help_text="Empty when the source does not name the place.",
            db_index=False,  # the Meta's "in_county" index starts with it
        ),
        models.ForeignKey(
            "sites.Province",
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name=related_name,
            help_text="Filled from the county; set alone when the source names only the province.",
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

    def save(self, *args, **kwargs):
        if self.county_id and not self.province_id:
            self.province_id = self.county.province_id
        super().save(*args, **kwargs)

    @property
    def place(self) -> str:
        """The most precise place the record knows, in words."""
        if self.county_id:
            return f"{self.county}, {self.province or self.county.province}"
        parts = [part for part in (self.place_name, str(self.province or "")) if part]
        return ", ".join(parts) or "place not named"

    def clean(self):
        super().clean()
        if self.county_id:
            county_province = self.county.province_id
            if self.province_id and self.province_id != county_province:
                raise ValidationError(
                    {
                        "province": (
                            f"{self.county} is in {self.county.province}, not {self.province}."
                        )
                    }
                )
            self.province_id = county_province


class Ceremony(Event):
    """A groundbreaking, an inauguration or another ceremony for regional-industry factories."""

    kind = models.CharField(max_length=20, choices=CeremonyKind)
    county, province, factories, sources = event_relations("ceremonies")
    speakers = models.TextField(blank=True, help_text="Who spoke, as the source says.")

    history = HistoricalRecords()

    class Meta(Event.Meta):
        verbose_name_plural = "ceremonies"

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display().capitalize()} ceremony, {self.place}, {self.date_in_words}"
        )

    def get_absolute_url(self) -> str:
        return reverse("events:ceremony-detail", args=[self.pk])

    def check_milestone_order(self, factories) -> None:
        """Refuse an inauguration dated before a factory's groundbreaking, and vice versa."""
        if self.kind not in (CeremonyKind.GROUNDBREAKING, CeremonyKind.INAUGURATION):
            return
        other_kind = (
            CeremonyKind.INAUGURATION
            if self.kind == CeremonyKind.GROUNDBREAKING
            else CeremonyKind.GROUNDBREAKING
        )
        others = Ceremony.objects.filter(kind=other_kind, factories__in=list(factories))
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.kind == CeremonyKind.INAUGURATION:
            clash = others.filter(date_lower__gt=self.date_upper).first()
        else:
            clash = others.filter(date_upper__lt=self.date_lower).first()
        if clash:
            raise ValidationError(
                {
                    "date": (
                        f"An inauguration cannot come before its factory's groundbreaking: "
                        f"this {self.kind} is dated {self.date_in_words}, the {clash.kind} of "
                        f"{clash.factories.filter(pk__in=[f.pk for f in factories]).first()} "
                        f"{clash.date_in_words}."
                    )
                }
            )

    def clean(self):
        super().clean()
        if self.pk and self.date_lower:
            self.check_milestone_order(self.factories.all())


class GuidanceVisit(Event):
    """Field guidance at a site, or an on-site consultative meeting."""

    kind = models.CharField(max_length=30, choices=VisitKind)
    county, province, factories, sources = event_relations("guidance_visits")
    led_by = models.CharField(
        max_length=200, blank=True, help_text="Who led it, as the source says."
    )

    history = HistoricalRecords()

    class Meta(Event.Meta):
        verbose_name = "guidance visit"

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()}, {self.place}, {self.date_in_words}"

    def get_absolute_url(self) -> str:
        return reverse("events:visit-detail", args=[self.pk])


# The one order of sources wherever a record's sources are listed: the latest first, undated
# last on every database, then by title and id. `source_sort_key` is the same for loaded rows.
SOURCE_ORDER = [F("published_lower").desc(nulls_last=True), "title", "id"]


def source_sort_key(source) -> tuple:
    """SOURCE_ORDER as a sort key, for sources gathered from several records."""
    return source_key(source.published_lower, source.title, source.pk)


def source_key(published_lower, title: str, pk: int) -> tuple:
    return (
        published_lower is None,
        -published_lower.toordinal() if published_lower else 0,
        title,
        pk,
    )


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

    history = HistoricalRecords()

    class Meta:
        ordering = SOURCE_ORDER
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
        return reverse("events:source-detail", args=[self.pk])

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

    history = HistoricalRecords()

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
