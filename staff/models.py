"""Background jobs: long staff work (imports, big exports, long intake texts) run off the
request, by a worker (staff/jobs.py), while staff watch its progress page or leave it."""

import pickle
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


class JobStatus(models.TextChoices):
    QUEUED = "queued", "waiting for a worker"
    RUNNING = "running", "running"
    DONE = "done", "finished"
    FAILED = "failed", "failed"


class Job(models.Model):
    """One piece of staff work: what to call, who asked, how far it got and how it ended."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField("title", max_length=200, help_text="What the job does, in words.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name="started by",
        help_text="Only this person (and superusers) may watch the job.",
    )
    function = models.CharField(
        "function", max_length=200, help_text="The dotted path of what the worker calls."
    )
    arguments = models.JSONField("arguments", default=dict, help_text="Its keyword arguments.")
    status = models.CharField(
        "status", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField("done", default=0, help_text="Steps (rows) done so far.")
    total = models.PositiveIntegerField(
        "total", null=True, blank=True, help_text="Steps (rows) in all, when known."
    )
    returned = models.BinaryField(
        "returned", null=True, blank=True, help_text="What the call returned, pickled."
    )
    message = models.CharField(
        "message", max_length=300, blank=True, help_text="Where the job is, in words."
    )
    error = models.TextField("error", blank=True, help_text="Why the job failed.")
    created_at = models.DateTimeField("created", auto_now_add=True)
    heartbeat_at = models.DateTimeField(
        "last sign of life", null=True, blank=True, help_text="Renewed while a worker runs it."
    )
    finished_at = models.DateTimeField("finished", null=True, blank=True)

    class Meta:
        verbose_name = "background job"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("staff-job", args=[self.pk])

    def return_value(self):
        """What the call returned (written by this app's worker alone, so safe to unpickle)."""
        return pickle.loads(self.returned) if self.returned is not None else None  # noqa: S301

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)
