"""A batch's full_clean() refuses what Django's own refuses, in the same words, asking the
database once per distinct question, and counts the values its earlier writes claimed."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regiondev.batch import Batch, Row
from sites.models import Factory
from tests import factories


def refusal(check) -> dict:
    try:
        check()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize(
    "change",
    [
        {"slug": "Not a slug!"},
        {"slug": ""},
        {"county_id": None},
        {"county_id": 987654},
        {"latitude": 39.5},
        {"name": "", "sector": "nonsense"},
        {"slug": "taken"},
        {},
    ],
)
def test_it_refuses_what_django_refuses_in_the_same_words(db, change):
    factories.factory(slug="taken")
    factory = Factory(county=factories.county(), name="A factory", slug="a-factory")
    for name, value in change.items():
        setattr(factory, name, value)
    assert refusal(lambda: Batch().full_clean(factory)) == refusal(factory.full_clean)


def test_each_question_is_asked_once_per_batch(db):
    county = factories.county()
    batch = Batch()
    batch.full_clean(Factory(county=county, name="First", slug="first"))
    with CaptureQueriesContext(connection) as again:
        batch.full_clean(Factory(county=county, name="Second", slug="first"))
    assert len(again.captured_queries) == 0


def test_a_value_an_earlier_row_claimed_is_taken_naming_the_row(db):
    batch = Batch()
    batch.row = Row(3)
    first = Factory(county=factories.county(), name="First", slug="first")
    batch.full_clean(first)
    batch.claim(first, Row(3), {})
    batch.row = Row(4)
    second = Factory(county=first.county, name="Second", slug="first")
    assert refusal(lambda: batch.full_clean(second)) == {
        "slug": ["Row 3 of this file gives this slug too: give each record its own."]
    }
