from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvinceKind(models.TextChoices):
    PROVINCE = "province", _("province (도)")
    SPECIAL_CITY = "special city", _("special city (특별시)")
    DIRECTLY_GOVERNED_CITY = "directly governed city", _("directly governed city (직할시)")
    SPECIAL_ZONE = "special zone", _("special zone")


class CountyKind(models.TextChoices):
    COUNTY = "county", _("county (군)")
    CITY = "city", _("city (시)")
    DISTRICT = "district", _("district (구역)")
    AREA = "area", _("area (지구)")


class Sector(models.TextChoices):
    FOODSTUFF = "foodstuff", _("foodstuff")
    DAILY_NECESSITIES = "daily necessities", _("daily necessities")
    TEXTILES = "textiles and clothing", _("textiles and clothing")
    BUILDING_MATERIALS = "building materials", _("building materials")
    PAPER = "paper", _("paper")
    FISHERIES = "fisheries", _("fisheries and fish processing")
    AGRICULTURE = "agriculture", _("agriculture and grain")
    HEALTH_CARE = "health care", _("health care (hospital)")
    SERVICES = "services and leisure", _("services and leisure")
    OTHER = "other", _("other or unspecified")


class FactoryStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    UNDER_CONSTRUCTION = "under construction", _("under construction")
    OPERATING = "operating", _("operating")


PROGRAMME_YEARS = range(2024, 2034)
