"""What happened and who says so: ceremonies, guidance visits, sources and photos."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext

from events import dates
from events.choices import CeremonyKind, LeaderPresence, VisitKind
from regiondev.changes import History
from regiondev.constraints import CheckConstraint
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


# Newest first by the earliest day a date may mean, the more precise date first where two
# share that day, so a vague date never outranks a precise later one: "2024" comes after
# 20 December 2024, "early 2025" before it. Same-day kinds and ids are EVENT_ORDER reversed.
LATEST_FIRST = ("-date_lower", "date_upper", "-same_day_rank", "-id")


def in_event_order(*, newest_first: bool = False) -> list[str]:
    """EVENT_ORDER (or LATEST_FIRST) as `order_by()` arguments."""
    return list(LATEST_FIRST if newest_first else EVENT_ORDER)


class EventQuerySet(models.QuerySet):
    def ranked(self):
        """With `same_day_rank`, the column EVENT_ORDER needs."""
        return self.annotate(same_day_rank=same_day_rank())

    def chronological(self, *, newest_first: bool = False):
        """In EVENT_ORDER (or exactly reversed)."""
        return self.ranked().order_by(*in_event_order(newest_first=newest_first))

    def search(self, text: str):
        """Events held in a place or concerning a factory that the search key finds, events
        of a kind the words name ("inauguration", "준공식"), events the leader attended when
        he is named, and events whose summary, place, factories or people hold the words."""
        from events import vocabulary

        key = search_key(text)
        if not key:  # punctuation and symbols alone: nothing to search for
            return self.none()
        words = text.strip()
        model = self.model
        needle = f" {key}"
        # A UNION rather than an OR across the joins, so each is read through its own
        # (trigram) index instead of every event.
        found = [
            model.objects.filter(county__search_keys__contains=needle),
            model.objects.filter(province__search_keys__contains=needle),
            model.objects.filter(factories__search_keys__contains=needle),
        ]
        kinds = vocabulary.kinds_named(model._meta.model_name, words)
        if kinds:
            found.append(model.objects.filter(kind__in=kinds))
        if vocabulary.names_the_leader(words):
            found.append(model.objects.filter(leader_present=True))
        if len(words) >= 3:
            found += [
                model.objects.filter(summary__icontains=words),
                model.objects.filter(place_name__icontains=words),
                model.objects.filter(factories__name__icontains=words),
                model.objects.filter(factories__products__icontains=words),
                *(
                    model.objects.filter(**{f"{field}__icontains": words})
                    for field in model.PEOPLE_FIELDS
                ),
            ]
        return self.filter(pk__in=union_of_ids(*found))

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
        return dates.in_words(self.date_lower, self.date_upper)

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

    key = models.SlugField(
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text="A stable name for the source in the seed data, e.g. kcna-2025-01-11-unpha.",
    )
    title = models.CharField(max_length=300)
    publisher = models.CharField(
        max_length=100,
        blank=True,
        db_default="",
        help_text="Who published it, e.g. KCNA, Yonhap, NK News.",
    )
    publisher_detail = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="How it reached us, e.g. KCNA via KCNA Watch, or a republishing site.",
    )
    state_media = models.BooleanField(
        "DPRK state media",
        default=False,
        db_default=False,
        help_text="Published by the DPRK's own media (KCNA, Rodong Sinmun, Voice of Korea…).",
    )
    url = models.URLField("URL", max_length=500, blank=True)
    published = models.CharField(
        "publication date",
        max_length=50,
        blank=True,
        help_text="As exact as known; empty where nothing dates it. " + dates.EDTF_HELP,
    )
    published_note = models.CharField(
        max_length=500, blank=True, db_default="", help_text="How the page dates itself."
    )
    published_lower = models.DateField(null=True, editable=False)
    published_upper = models.DateField(null=True, editable=False)
    language = models.CharField(max_length=10, default="en", help_text="e.g. en, ko.")
    completeness = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="How much of the text was kept, e.g. an excerpt.",
    )
    excerpt = models.TextField(blank=True, help_text="The passage the records rest on.")
    full_text = models.TextField(
        blank=True, help_text="Kept for DPRK state media only; others' wording stays theirs."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = History()

    class Meta:
        ordering = SOURCE_ORDER
        # Behind every API filter and ordering; title and excerpt searches have trigram
        # indexes on PostgreSQL (migration 0003).
        indexes = [
            models.Index(fields=["published_lower", "id"], name="events_source_published_idx"),
            models.Index(fields=["published_upper"], name="events_source_pub_upper_idx"),
            models.Index(fields=["publisher", "id"], name="events_source_publisher_idx"),
            models.Index(fields=["language"], name="events_source_language_idx"),
            models.Index(fields=["state_media", "id"], name="events_source_state_media_idx"),
        ]
        constraints = [
            CheckConstraint(
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
            return gettext("date not known")
        return dates.in_words(self.published_lower, self.published_upper)

    def derive_published_bounds(self) -> None:
        if not self.published:
            self.published_lower = self.published_upper = None
            return
        try:
            parsed = dates.read(self.published)
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


OPEN_START = "../"
UNKNOWN_YEAR = re.compile(r"XXXX-\d\d(-\d\d)?")


class CitationQuerySet(models.QuerySet):
    def in_order(self):
        """The claim the record follows first, then state media, then by publication."""
        return self.select_related("source").order_by(
            "-follows", "-source__state_media", "source__published_lower", "source__pk"
        )


class Citation(models.Model):
    """What one source states about one record: a ceremony, a guidance visit or a factory.

    It is the record's link to the source and the claim in one row, so a record's sources and
    what each of them says cannot drift apart. Where sources disagree, every claim stays and
    `follows` marks the one the record's own fields follow.
    """

    ceremony = models.ForeignKey(
        "events.Ceremony", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    visit = models.ForeignKey(
        "events.GuidanceVisit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    factory = models.ForeignKey(
        "sites.Factory", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    source = models.ForeignKey("events.Source", on_delete=models.PROTECT, related_name="citations")
    date_as_written = models.CharField(
        max_length=200,
        blank=True,
        db_default="",
        help_text="The source's own words, e.g. on Jan. 14.",
    )
    date = models.CharField(
        "date claimed",
        max_length=50,
        blank=True,
        db_default="",
        help_text="The source's date as EDTF; empty where it gives none. " + dates.EDTF_HELP,
    )
    date_lower = models.DateField(null=True, editable=False)
    date_upper = models.DateField(null=True, editable=False)
    leader_present = models.CharField(
        max_length=10,
        choices=LeaderPresence,
        default=LeaderPresence.UNSTATED,
        db_default=LeaderPresence.UNSTATED,
    )
    place_as_written = models.CharField(
        max_length=200,
        blank=True,
        db_default="",
        help_text="The place and province as the source writes them.",
    )
    facilities_as_written = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="What the source says was built or visited.",
    )
    quote = models.TextField(
        blank=True,
        db_default="",
        help_text="The supporting sentence, only where the text is DPRK state media's own.",
    )
    note = models.TextField(
        blank=True, db_default="", help_text="Where this claim departs from the others."
    )
    follows = models.BooleanField(
        "record follows this claim",
        default=False,
        db_default=False,
        help_text="The record's date follows this source (the most direct one).",
    )

    history = History()
    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            CheckConstraint(
                condition=Q(ceremony__isnull=False, visit__isnull=True, factory__isnull=True)
                | Q(ceremony__isnull=True, visit__isnull=False, factory__isnull=True)
                | Q(ceremony__isnull=True, visit__isnull=True, factory__isnull=False),
                name="events_citation_cites_one_record",
                violation_error_message="A citation belongs to one ceremony, visit or factory.",
            ),
            *(
                models.UniqueConstraint(
                    fields=[field, "source"],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"events_citation_one_per_{field}_and_source",
                    violation_error_message="This source is already cited for this record.",
                )
                for field in ("ceremony", "visit", "factory")
            ),
            CheckConstraint(
                condition=Q(date_lower__isnull=True) | Q(date_lower__lte=F("date_upper")),
                name="events_citation_date_bounds_ordered",
                violation_error_message="A date cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} on {self.record}"

    def save(self, *args, **kwargs):
        self.derive_date_bounds()
        super().save(*args, **kwargs)

    @property
    def record(self):
        return self.ceremony or self.visit or self.factory

    @property
    def date_in_words(self) -> str:
        if not self.date_upper:
            return ""
        if not self.date_lower:
            return gettext("on or before %(day)s") % {
                "day": dates.in_words(self.date_upper, self.date_upper)
            }
        return dates.in_words(self.date_lower, self.date_upper)

    def derive_date_bounds(self) -> None:
        """Sources also say "on or before" a day (`../2024-03-07`, known only by the report's
        date) and give a day without its year (`XXXX-07-19`); a record's own date cannot."""
        text = self.date.strip()
        self.date_lower = self.date_upper = None
        if not text or UNKNOWN_YEAR.fullmatch(text):
            self.date = text
            return
        try:
            parsed = dates.read(text.removeprefix(OPEN_START))
        except ValidationError as error:
            raise ValidationError({"date": error.messages}) from error
        self.date = text
        self.date_lower = None if text.startswith(OPEN_START) else parsed.lower
        self.date_upper = parsed.upper

    def clean(self):
        super().clean()
        self.derive_date_bounds()

    def disagrees_with(self, record) -> list[str]:
        """What this claim says that the record does not: a date outside the record's, or the
        leader's presence the other way round."""
        differences = []
        if (
            self.date_lower
            and getattr(record, "date_lower", None)
            and (self.date_upper < record.date_lower or self.date_lower > record.date_upper)
        ):
            differences.append("date")
        stated = {LeaderPresence.YES: True, LeaderPresence.NO: False}.get(self.leader_present)
        if (
            stated is not None
            and hasattr(record, "leader_present")
            and stated != record.leader_present
        ):
            differences.append("leader present")
        return differences


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
            CheckConstraint(
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
