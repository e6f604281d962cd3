"""Photographs of factories and events."""

from django.db import models
from django.db.models import Q

from regiondev.changes import History
from regiondev.constraints import CheckConstraint


class PhotoQuerySet(models.QuerySet):
    def public(self):
        """Photos of public records: a draft's photos wait with it (sites.models.CitedQuerySet)."""
        of_drafts = Q()
        for field in ("factory", "ceremony", "visit"):
            shown = self.model._meta.get_field(field).related_model
            of_drafts |= Q(**{f"{field}__in": shown.objects.drafts().values("pk")})
        return self.exclude(of_drafts)


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
    objects = PhotoQuerySet.as_manager()

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
