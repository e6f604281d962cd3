"""The intake proposes the speakers a report names, each matched to a stored person or new,
and confirming records their appearances with the titles as written."""

import pytest

from events import people_services, seed
from events.models import Appearance, Person, Source
from staff import intake
from staff.intake.people import parse
from tests.staff import test_intake_rules as rules

REPORT = rules.TestPeopleAndFacilities.REPORT


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


def read(text, published):
    return rules.read(text, published)


def test_the_speakers_box_is_read_as_names_and_titles():
    assert parse("Ri Jae Nam (chief secretary of the (Nampho) Committee); Kim Jong Un; ;") == [
        ("Ri Jae Nam", "chief secretary of the (Nampho) Committee"),
        ("Kim Jong Un", ""),
    ]


def test_speakers_are_matched_to_stored_people_or_proposed_as_new(gazetteer):
    stored = people_services.save_person(name="Ri Jae Nam", aliases="Ri Jae-nam")
    [event] = read(REPORT, "2025-01-21").ticked
    ri, ryu = event.people
    assert (ri.name, ri.person) == ("Ri Jae Nam", stored)
    assert ri.title == "chief secretary of the Nampho Municipal Committee of the WPK"
    assert (ryu.name, ryu.person) == ("Ryu Song Chol", None)


def test_confirming_records_the_speakers_as_appearances(gazetteer):
    stored = people_services.save_person(name="Ri Jae Nam")
    [event] = read(REPORT, "2025-01-21").ticked
    article = Source(title="Onchon inaugurated", publisher="KCNA", published="2025-01-21")
    choice = intake.Choice(
        kind=event.kind,
        date=event.date,
        county=event.county,
        province=event.province,
        speakers=event.speakers_text,
    )
    outcome = intake.confirm(article=article, choices=[choice])
    (ceremony,) = outcome.created
    appearances = Appearance.objects.filter(ceremony=ceremony).order_by("person__name")
    assert [(a.person.name, a.role, a.source) for a in appearances] == [
        ("Ri Jae Nam", "speaker", outcome.source),
        ("Ryu Song Chol", "speaker", outcome.source),
    ]
    assert appearances[0].person == stored
    assert Person.objects.filter(name="Ryu Song Chol").count() == 1
