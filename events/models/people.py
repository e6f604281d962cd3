"""People named by the sources, and each appearance of one at a ceremony or a visit."""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from events.choices import Role
from regiondev.changes import History
from regiondev.constraints import CheckConstraint
from sites.search import search_key, search_keys, split_aliases

# The leader: `leader_present` on an event says whether he has an appearance there.
LEADER_SLUG = "kim-jong-un"


class PersonQuerySet(models.QuerySet):
    def search(self, text: str):
        """People any of whose spellings starts with the search key of `text`, or one of
        whose name's words does ("Thae Song" finds Pak Thae Song)."""
        key = search_key(text)
        if not key:
            return self.none()
        return self.filter(search_keys__contains=f" {key}")


class Person(models.Model):
    """Someone a source names at an event, under every spelling they go by."""

    name = models.CharField(
        max_length=100, help_text="As the DPRK's own English writes it, e.g. Pak Thae Song."
    )
    slug = models.SlugField(max_length=120, unique=True, help_text="The person's address in URLs.")
    name_ko = models.CharField(
        "hangul", max_length=50, blank=True, help_text="Empty where no source gives it."
    )
    name_mr = models.CharField("McCune–Reischauer", max_length=100, blank=True)
    name_rr = models.CharField("Revised Romanization", max_length=100, blank=True)
    aliases = models.TextField(
        blank=True, help_text="Other spellings, one per line or separated by semicolons."
    )
    search_keys = models.TextField(
        blank=True, editable=False, help_text="Search keys of every spelling, kept on save."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()
    history = History()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_keys = search_keys(self.spellings())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_keys"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:person-detail", args=[self.slug])

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)

    @property
    def is_leader(self) -> bool:
        return self.slug == LEADER_SLUG

    def spellings(self) -> list[str]:
        """Each spelling whole, and the given name alone: a search for "Thae Song" or
        "Jong Un" finds the person as "Pak" or "Kim" does."""
        whole = [self.name, self.name_ko, self.name_mr, self.name_rr, *self.alias_list]
        given = [" ".join(words[1:]) for words in (s.split() for s in whole) if len(words) > 1]
        return [*whole, *given]


class Appearance(models.Model):
    """One source's word that a person spoke at or attended a ceremony, or led or
    accompanied a visit, with the title it gives them there."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="appearances")
    ceremony = models.ForeignKey(
        "events.Ceremony",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
    )
    visit = models.ForeignKey(
        "events.GuidanceVisit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
    )
    role = models.CharField(max_length=20, choices=Role)
    title = models.CharField(
        max_length=300,
        blank=True,
        help_text="As the source gives it at this event, e.g. premier of the Cabinet.",
    )
    source = models.ForeignKey(
        "events.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appearances",
        help_text="Empty only for the leader's presence set by the event's flag.",
    )
    quote = models.TextField(
        blank=True, help_text="The sentence naming the person, only from DPRK state media."
    )

    history = History()

    class Meta:
        ordering = ["pk"]
        constraints = [
            CheckConstraint(
                condition=Q(ceremony__isnull=False, visit__isnull=True)
                | Q(ceremony__isnull=True, visit__isnull=False),
                name="events_appearance_at_one_event",
                violation_error_message="An appearance is at one ceremony or one visit.",
            ),
            CheckConstraint(
                condition=Q(ceremony__isnull=True, role__in=["leading", "accompanying"])
                | Q(visit__isnull=True, role__in=["speaker", "attendee"]),
                name="events_appearance_role_fits_event",
                violation_error_message=(
                    "At a ceremony a person is a speaker or an attendee; on a visit, leading "
                    "or accompanying."
                ),
            ),
            models.UniqueConstraint(
                fields=["person", "ceremony", "source"], name="events_appearance_once_per_ceremony"
            ),
            models.UniqueConstraint(
                fields=["person", "visit", "source"], name="events_appearance_once_per_visit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.get_role_display()}, {self.event}"

    @property
    def event(self):
        return self.ceremony if self.ceremony_id else self.visit
