import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Ceremony, Photo
from tests import factories as make


def test_an_event_date_that_is_not_a_date_is_a_field_error(db):
    ceremony = Ceremony(kind="groundbreaking", date="some day in spring")
    with pytest.raises(ValidationError) as error:
        ceremony.full_clean()
    assert list(error.value.message_dict) == ["date"]
    assert "is not a date Regiondev can read" in error.value.message_dict["date"][0]


def test_an_event_date_in_words_is_stored_as_edtf(db):
    ceremony = Ceremony(kind="groundbreaking", date="late February 2024")
    ceremony.full_clean()
    assert (ceremony.date, ceremony.date_in_words) == (
        "2024-02-21/2024-02-29",
        "late February 2024",
    )


def test_date_bounds_out_of_order_are_refused_by_the_database(db):
    ceremony = make.ceremony(date="2024-03")
    with pytest.raises(IntegrityError), transaction.atomic():
        Ceremony.objects.filter(pk=ceremony.pk).update(date_lower="2024-05-01")


def test_a_source_publication_date_is_edtf(db):
    source = make.source(published="2025-01")
    assert source.published_in_words == "January 2025"
    source.published = "one day last year"
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "published" in error.value.message_dict


def test_a_photo_must_show_something(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.create(
            image="x.jpg", width=1, height=1, caption="c", credit="c", source=make.source()
        )


def test_events_search_by_any_spelling_of_their_place(db):
    county = make.county(name="Songchon", name_ko="성천군", name_mr="Sŏngch'ŏn-gun")
    ceremony = make.ceremony(county=county)
    make.ceremony()
    assert list(Ceremony.objects.search("Seongcheon")) == [ceremony]
