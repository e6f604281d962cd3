from django.db import models


class CeremonyKind(models.TextChoices):
    GROUNDBREAKING = "groundbreaking", "groundbreaking"
    INAUGURATION = "inauguration", "inauguration"
    OTHER = "other", "other"


class VisitKind(models.TextChoices):
    FIELD_GUIDANCE = "field guidance", "field guidance at a site"
    CONSULTATIVE_MEETING = "consultative meeting", "on-site consultative meeting"
    OTHER = "other", "other"


class LeaderPresence(models.TextChoices):
    """What a source says of the leader's presence."""

    YES = "yes", "present"
    NO = "no", "not among those present"
    UNSTATED = "unstated", "not stated"
