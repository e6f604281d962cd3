"""Within a batch of writes, a check constraint asks the database once per distinct set of the
values it reads, and refuses the same values the same way every time after; outside one, and
in the next batch, it asks afresh."""

import contextlib
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regiondev.batch import Batch
from tests import factories

UNPAIRED = "Give both latitude and longitude, or neither."


def constraint_queries(queries) -> int:
    return sum('"_check"' in query["sql"] for query in queries.captured_queries)


@pytest.fixture
def in_a_batch():
    with Batch().active():
        yield


def test_the_same_values_are_checked_once_and_refused_every_time(db, in_a_batch):
    county = factories.county()
    county.latitude = 39.5
    with CaptureQueriesContext(connection) as first, pytest.raises(ValidationError) as refused:
        county.full_clean()
    assert refused.value.messages == [UNPAIRED]
    for _ in range(3):
        with (
            CaptureQueriesContext(connection) as again,
            pytest.raises(ValidationError) as again_refused,
        ):
            county.full_clean()
        assert again_refused.value.message_dict == refused.value.message_dict
        assert constraint_queries(again) == 0 < constraint_queries(first)


def test_other_values_are_checked_afresh(db, in_a_batch):
    county = factories.county(latitude=39.5, longitude=125)
    county.full_clean()
    county.longitude = None
    with pytest.raises(ValidationError, match=UNPAIRED):
        county.full_clean()
    county.latitude = None
    county.full_clean()


def test_a_condition_between_two_fields_reads_both(db, in_a_batch):
    factory = factories.factory()
    factory.groundbreaking_lower = dt.date(2024, 3, 1)
    factory.inauguration_upper = dt.date(2024, 12, 31)
    factory.full_clean()
    factory.inauguration_upper = dt.date(2024, 2, 1)
    with pytest.raises(ValidationError) as refused:
        factory.full_clean()
    assert refused.value.messages == ["A factory cannot be inaugurated before its groundbreaking."]


def test_a_field_left_out_of_the_check_is_not_refused(db, in_a_batch):
    county = factories.county()
    county.latitude = 39.5
    county.full_clean(exclude=["longitude"])


def test_nothing_is_remembered_beyond_its_batch(db):
    county = factories.county()
    county.latitude = 39.5
    with (
        Batch().active(),
        CaptureQueriesContext(connection) as first,
        pytest.raises(ValidationError, match=UNPAIRED),
    ):
        county.full_clean()
    for running in (Batch().active(), contextlib.nullcontext()):
        with (
            running,
            CaptureQueriesContext(connection) as again,
            pytest.raises(ValidationError, match=UNPAIRED),
        ):
            county.full_clean()
        assert constraint_queries(again) == constraint_queries(first) > 0
