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


class Publisher(models.TextChoices):
    KCNA = "KCNA", "KCNA"
    RODONG_SINMUN = "Rodong Sinmun", "Rodong Sinmun"
    PYONGYANG_TIMES = "The Pyongyang Times", "The Pyongyang Times"
    VOICE_OF_KOREA = "Voice of Korea", "Voice of Korea"
    NAENARA = "Naenara", "Naenara"
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("unknown")
