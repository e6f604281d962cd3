"""Sources and citations: who says so, and what each source states about a record."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext

from events.choices import LeaderPresence
from events.models.ordering import SOURCE_ORDER, source_key
from events.models.querysets import CitationQuerySet
from regiondev import dates
from regiondev.changes import History
from regiondev.constraints import CheckConstraint


def source_sort_key(source) -> tuple:
    """SOURCE_ORDER as a sort key, for sources gathered from several records."""
    return source_key(source.published_lower, source.title, source.description, source.pk)


class Source(models.Model):
    """An article or broadcast that states what a record says."""

    key = models.SlugField(
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text="A stable name for the source in the seed data, e.g. kcna-2025-01-11-unpha.",
    )
    title = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="The headline as published; empty where it is not known.",
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="Where the headline is not known: what the report is, in our words. "
        "Shown in square brackets, never as a headline.",
    )
    title_note = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="Why the title is empty, or where it comes from (e.g. a translation).",
    )
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
            CheckConstraint(
                condition=~Q(title="") | ~Q(description=""),
                name="events_source_has_title_or_description",
                violation_error_message="Give the headline as published, or, where it is not "
                "known, a description of the report.",
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    def save(self, *args, **kwargs):
        self.derive_published_bounds()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:source-detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        return self.title_shown(self.title, self.description)

    @staticmethod
    def title_shown(title: str, description: str) -> str:
        """The one rule for naming a source, on pages, in citations, the API and downloads:
        its headline as published, or, where the headline is not known, the editors'
        description in square brackets (a supplied title, as a bibliography marks one), so
        that nobody quotes a description as the headline."""
        if title:
            return title
        return f"[{description}]" if description else ""

    @staticmethod
    def order_key(published_lower, title: str, description: str, pk: int) -> tuple:
        """SOURCE_ORDER as a sort key, for sources loaded as rows rather than records."""
        return source_key(published_lower, title, description, pk)

    @property
    def published_in_words(self) -> str:
        if not self.published_lower:
            return gettext("date not known")
        return dates.FuzzyDate(self.published, self.published_lower, self.published_upper).words

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
    note_ko = models.TextField(
        "note in Korean", blank=True, db_default="", help_text="The note, for the Korean pages."
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
                "day": dates.said(
                    dates.in_words(self.date_upper, self.date_upper), dates.qualifier_of(self.date)
                )
            }
        return dates.FuzzyDate(self.date, self.date_lower, self.date_upper).words

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
