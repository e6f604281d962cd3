"""A write the database refuses is a message with 409, never a 500, and nothing is half-saved."""

import datetime
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from regiondev.errors import constraint_message
from sites.models import County, Factory
from tests import factories


def refusal(write) -> IntegrityError:
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        write()
    return caught.value


@pytest.mark.django_db
def test_a_named_constraint_speaks_its_own_message():
    factory = factories.factory()
    error = refusal(
        lambda: Factory.objects.filter(pk=factory.pk).update(
            groundbreaking_lower=datetime.date(2024, 3, 1),
            inauguration_upper=datetime.date(2024, 2, 1),
        )
    )
    assert constraint_message(error) == (
        "A factory cannot be inaugurated before its groundbreaking."
    )


@pytest.mark.django_db
def test_a_taken_unique_value_is_named():
    county = factories.county()
    error = refusal(
        lambda: County.objects.create(name="Twin", slug=county.slug, province=county.province)
    )
    assert constraint_message(error) == "Another county already has this slug."


def test_an_admin_save_the_database_refuses_is_a_409_page(staff_client):
    county = factories.county()
    before = County.objects.count()
    # Validation would catch the taken slug; a concurrent save is what reaches the database.
    with mock.patch.object(County, "validate_unique"):
        response = staff_client.post(
            reverse("admin:sites_county_add"),
            {
                "province": county.province_id,
                "name": "Twin",
                "slug": county.slug,
                "kind": "county",
                "factories-TOTAL_FORMS": 0,
                "factories-INITIAL_FORMS": 0,
            },
        )
    assert response.status_code == 409
    assert "Another county already has this slug." in response.content.decode()
    assert County.objects.count() == before


def test_a_value_the_database_cannot_hold_is_a_400(client, db):
    """PostgreSQL text refuses NUL characters: a lookup by such a slug must not be a 500."""
    from django.db import DataError

    with mock.patch(
        "web.views.places.CountyDetailView.get_object", side_effect=DataError("cannot contain NUL")
    ):
        client.raise_request_exception = False
        response = client.get(reverse("sites:county-detail", args=["songchon"]))
    assert response.status_code == 400
    assert "cannot store" in response.content.decode()
