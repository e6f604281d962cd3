from django.db import models
from django.utils.translation import gettext_lazy as _


class CeremonyKind(models.TextChoices):
    GROUNDBREAKING = "groundbreaking", _("groundbreaking")
    INAUGURATION = "inauguration", _("inauguration")
    OTHER = "other", _("other")


class VisitKind(models.TextChoices):
    FIELD_GUIDANCE = "field guidance", _("field guidance at a site")
    CONSULTATIVE_MEETING = "consultative meeting", _("on-site consultative meeting")
    OTHER = "other", _("other")


class LeaderPresence(models.TextChoices):
    """What a source says of the leader's presence."""

    YES = "yes", _("present")
    NO = "no", _("not among those present")
    UNSTATED = "unstated", _("not stated")


class Role(models.TextChoices):
    """What a person did at an event: speaker or attendee at a ceremony, leading or
    accompanying a visit."""

    SPEAKER = "speaker", _("speaker")
    ATTENDEE = "attendee", _("attendee")
    LEADING = "leading", _("leading")
    ACCOMPANYING = "accompanying", _("accompanying")


CEREMONY_ROLES = (Role.SPEAKER, Role.ATTENDEE)
VISIT_ROLES = (Role.LEADING, Role.ACCOMPANYING)
