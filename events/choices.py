from django.db import models


class CeremonyKind(models.TextChoices):
    GROUNDBREAKING = "groundbreaking", "groundbreaking"
    INAUGURATION = "inauguration", "inauguration"
    OTHER = "other", "other"


class VisitKind(models.TextChoices):
    FIELD_GUIDANCE = "field guidance", "field guidance at a site"
    CONSULTATIVE_MEETING = "consultative meeting", "on-site consultative meeting"
    OTHER = "other", "other"


class Publisher(models.TextChoices):
    KCNA = "KCNA", "KCNA"
    RODONG_SINMUN = "Rodong Sinmun", "Rodong Sinmun"
    PYONGYANG_TIMES = "The Pyongyang Times", "The Pyongyang Times"
    VOICE_OF_KOREA = "Voice of Korea", "Voice of Korea"
    NAENARA = "Naenara", "Naenara"
    OTHER = "other", "other"
    UNKNOWN = "unknown", "unknown"
