from django.db import models


class ProvinceKind(models.TextChoices):
    PROVINCE = "province", "province (도)"
    SPECIAL_CITY = "special city", "special city (특별시)"
    DIRECTLY_GOVERNED_CITY = "directly governed city", "directly governed city (직할시)"
    SPECIAL_ZONE = "special zone", "special zone"


class CountyKind(models.TextChoices):
    COUNTY = "county", "county (군)"
    CITY = "city", "city (시)"
    DISTRICT = "district", "district (구역)"
    AREA = "area", "area (지구)"


class Sector(models.TextChoices):
    FOODSTUFF = "foodstuff", "foodstuff"
    DAILY_NECESSITIES = "daily necessities", "daily necessities"
    TEXTILES = "textiles and clothing", "textiles and clothing"
    BUILDING_MATERIALS = "building materials", "building materials"
    PAPER = "paper", "paper"
    FISHERIES = "fisheries", "fisheries and fish processing"
    AGRICULTURE = "agriculture", "agriculture and grain"
    HEALTH_CARE = "health care", "health care (hospital)"
    SERVICES = "services and leisure", "services and leisure"
    OTHER = "other", "other or unspecified"


class FactoryStatus(models.TextChoices):
    PLANNED = "planned", "planned"
    UNDER_CONSTRUCTION = "under construction", "under construction"
    OPERATING = "operating", "operating"


PROGRAMME_YEARS = range(2024, 2034)
