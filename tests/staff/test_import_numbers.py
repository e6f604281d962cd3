"""A number cell that is not a number is refused in words a person understands."""

import tablib

from staff.event_resources import CeremonyResource
from staff.imports import row_errors
from staff.place_resources import CountyResource


def load(text: str) -> tablib.Dataset:
    return tablib.Dataset().load(text, format="csv")


def test_an_id_that_is_not_a_number_is_named_in_words(db):
    result = CeremonyResource().import_data(
        load("id,kind,date,county\n1 OR 1=1,groundbreaking,2024,\n"), dry_run=True
    )
    assert row_errors(result) == ["Row 1: “1 OR 1=1” is not a whole number."]


def test_coordinates_and_years_that_are_not_numbers_are_named_in_words(db):
    result = CountyResource().import_data(
        load("slug,name,name_ko,latitude,programme_year\nx,X,성천군,north,twenty\n"),
        dry_run=True,
    )
    errors = " ".join(row_errors(result))
    assert "“north” is not a number." in errors
    assert "ConversionSyntax" not in errors
