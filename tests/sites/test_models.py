from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from sites.models import County, Factory, Province
from tests import factories as make


def test_spellings_are_derived_from_the_hangul(db):
    county = make.county(name="Changyon", name_ko="장연군", name_mr="Changyŏn")
    assert county.name_rr == "Jangyeon-gun"
    assert county.name_dprk == "Jangyon"


def test_a_province_takes_its_iso_name_from_pycountry(db):
    province = make.province(name="South Phyongan", iso_code="KP-02")
    assert province.iso_name == "Phyeongannamto"
    assert Province.objects.search("Phyeongannamto").get() == province


class TestFactoryStatus:
    def test_a_factory_without_ceremonies_is_planned(self, db):
        assert make.factory().status == "planned"

    def test_a_groundbreaking_puts_it_under_construction(self, db):
        factory = make.factory()
        make.ceremony(kind="groundbreaking", date="2024-02-21/2024-02-29", factories=[factory])
        factory.refresh_from_db()
        assert factory.status == "under construction"
        assert factory.groundbreaking_date == "2024-02-21/2024-02-29"
        assert factory.construction_time is None

    def test_an_inauguration_makes_it_operating_with_a_range_of_days(self, db):
        factory = make.factory()
        make.ceremony(kind="groundbreaking", date="2024-02-21/2024-02-29", factories=[factory])
        make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
        factory.refresh_from_db()
        assert factory.status == "operating"
        assert str(factory.construction_time) == "295–303 days"


class TestConstraints:
    """Each named constraint refuses a bad row in the database and in validation, in words."""

    def test_an_inauguration_before_the_groundbreaking_is_refused_by_the_database(self, db):
        factory = make.factory()
        make.ceremony(kind="groundbreaking", date="2024-02", factories=[factory])
        with pytest.raises(IntegrityError), transaction.atomic():
            Factory.objects.filter(pk=factory.pk).update(
                inauguration_date="2023-01-01",
                inauguration_lower="2023-01-01",
                inauguration_upper="2023-01-01",
            )

    def test_overlapping_uncertain_dates_are_allowed(self, db):
        factory = make.factory()
        make.ceremony(kind="groundbreaking", date="2024", factories=[factory])
        make.ceremony(kind="inauguration", date="2024-03", factories=[factory])
        factory.refresh_from_db()
        assert factory.status == "operating"

    def test_slugs_are_unique(self, db):
        make.county(slug="songchon")
        with pytest.raises(IntegrityError), transaction.atomic():
            make.county(slug="songchon")

    def test_a_duplicate_slug_is_a_validation_message(self, db):
        existing = make.county(slug="songchon")
        duplicate = County(name="Other", slug="songchon", province=existing.province)
        with pytest.raises(ValidationError) as error:
            duplicate.full_clean()
        assert "slug" in error.value.message_dict

    @pytest.mark.parametrize(
        ("latitude", "longitude", "field"),
        [
            (Decimal("91"), Decimal("126"), "latitude"),
            (Decimal("39"), Decimal("-181"), "longitude"),
        ],
    )
    def test_coordinates_out_of_range_are_refused(self, db, latitude, longitude, field):
        county = make.county()
        county.latitude, county.longitude = latitude, longitude
        with pytest.raises(ValidationError) as error:
            county.full_clean()
        assert field in error.value.message_dict
        with pytest.raises(IntegrityError), transaction.atomic():
            county.save()

    def test_half_a_coordinate_is_refused(self, db):
        county = make.county()
        county.latitude = Decimal("39.2")
        with pytest.raises(ValidationError) as error:
            county.full_clean()
        assert "Give both latitude and longitude, or neither." in error.value.messages
        with pytest.raises(IntegrityError), transaction.atomic():
            county.save()

    def test_a_programme_year_outside_the_decade_is_refused(self, db):
        county = make.county()
        county.programme_year = 2034
        with pytest.raises(ValidationError) as error:
            county.full_clean()
        assert "programme_year" in error.value.message_dict
        with pytest.raises(IntegrityError), transaction.atomic():
            county.save()

    def test_a_province_iso_code_is_a_kp_code(self, db):
        province = Province(name="Elsewhere", slug="elsewhere", iso_code="KR-11")
        with pytest.raises(ValidationError) as error:
            province.full_clean()
        assert "An ISO 3166-2 code here starts with KP-, e.g. KP-02." in error.value.messages
        with pytest.raises(IntegrityError), transaction.atomic():
            province.save()

    def test_a_county_cannot_lose_its_province(self, db):
        county = make.county()
        with pytest.raises(ProtectedError) as error:
            county.province.delete()
        assert "protected" in str(error.value).lower()
