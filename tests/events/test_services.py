"""The one way to write an event: places from factories, the milestone rule, derived dates."""

import pytest
from django.core.exceptions import ValidationError

from events import services
from events.models import Ceremony
from tests import factories as make


def refused(**fields) -> dict:
    with pytest.raises(ValidationError) as error:
        services.save_ceremony(**fields)
    return error.value.message_dict


class TestConnectedPlaces:
    def test_the_county_and_province_come_from_the_factory(self, db):
        factory = make.factory()
        ceremony = services.save_ceremony(kind="inauguration", date="2024", factories=[factory])
        assert (ceremony.county, ceremony.province) == (factory.county, factory.county.province)
        assert ceremony.place == f"{factory.county}, {factory.county.province}"

    def test_factories_in_two_counties_of_one_province_give_the_province(self, db):
        county = make.county()
        other = make.county(province=county.province)
        visit = services.save_guidance_visit(
            kind="field guidance",
            date="2024",
            factories=[make.factory(county=county), make.factory(county=other)],
        )
        assert (visit.county, visit.province) == (None, county.province)

    def test_a_county_that_contradicts_the_factory_is_refused_naming_both(self, db):
        factory = make.factory()
        elsewhere = make.county()
        errors = refused(kind="inauguration", date="2024", county=elsewhere, factories=[factory])
        assert f"{factory} is in {factory.county}, not in {elsewhere}" in errors["county"][0]
        assert not Ceremony.objects.exists()

    def test_a_province_that_contradicts_the_county_is_refused(self, db):
        county = make.county()
        other = make.province()
        errors = refused(kind="other", date="2024", county=county, province=other)
        assert errors["province"] == [f"{county} is in {county.province}, not {other}."]

    def test_every_reason_is_given_at_once(self, db):
        errors = refused(
            kind="inauguration", date="sometime", county=make.county(), factories=[make.factory()]
        )
        assert {"date", "county"} <= set(errors)


class TestMilestones:
    def test_a_second_inauguration_is_refused_linking_the_first(self, db):
        factory = make.factory()
        first = make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
        errors = refused(kind="inauguration", date="2025-03-04", factories=[factory])
        assert (
            f"{factory} already has an inauguration ceremony, 20 December 2024"
            in (errors["repeat"][0])
        )
        assert first.get_absolute_url() in errors["repeat"][0]
        assert Ceremony.objects.count() == 1

    def test_a_second_one_is_taken_when_staff_say_what_it_is(self, db):
        factory = make.factory()
        make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
        second = services.save_ceremony(
            kind="inauguration", date="2025-03", factories=[factory], repeat="second phase"
        )
        factory.refresh_from_db()
        assert second.repeat == "second phase"
        assert factory.inauguration_date == "2024-12-20"  # the first stays the milestone

    def test_saving_the_same_inauguration_again_is_not_a_second_one(self, db):
        factory = make.factory()
        ceremony = make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
        services.save_ceremony(
            ceremony=ceremony, kind="inauguration", date="2024-12-21", factories=[factory]
        )
        factory.refresh_from_db()
        assert factory.inauguration_date == "2024-12-21"

    def test_an_inauguration_before_the_groundbreaking_is_refused(self, db):
        factory = make.factory()
        make.ceremony(kind="groundbreaking", date="2024-02-21/2024-02-29", factories=[factory])
        errors = refused(kind="inauguration", date="2023-12-20", factories=[factory])
        assert "cannot come before its factory's groundbreaking" in errors["date"][0]

    def test_a_groundbreaking_after_the_inauguration_is_refused(self, db):
        factory = make.factory()
        make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
        errors = refused(kind="groundbreaking", date="2025", factories=[factory])
        assert "cannot come before its factory's groundbreaking" in errors["date"][0]


class TestPhases:
    """A factory's later groundbreaking or inauguration, marked as what it is, is a phase of its
    own: ordered within that phase and after the first, never against the first phase's
    other kind."""

    @pytest.fixture
    def built(self, db):
        """Groundbreaking 1 March 2024, inauguration 20 December 2024: the first phase."""
        factory = make.factory()
        make.ceremony(kind="groundbreaking", date="2024-03-01", factories=[factory])
        make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
        return factory

    @pytest.mark.parametrize(
        ("kind", "date", "repeat"),
        [
            ("groundbreaking", "2025-02-10", "second phase"),
            ("groundbreaking", "2024-08", "Second phase"),  # begun before the first ended
            ("inauguration", "2025-06-01", "re-inauguration"),
            ("inauguration", "2025", "second phase"),
        ],
    )
    def test_a_marked_repeat_after_the_first_phase_is_taken(self, built, kind, date, repeat):
        repeat_ = services.save_ceremony(kind=kind, date=date, factories=[built], repeat=repeat)
        built.refresh_from_db()
        assert repeat_.pk is not None
        assert repeat_.repeat == repeat
        # The factory's own dates and status stay those of its first phase.
        assert (built.groundbreaking_date, built.inauguration_date, built.status) == (
            "2024-03-01",
            "2024-12-20",
            "operating",
        )

    def test_a_second_phase_is_ordered_within_itself(self, built):
        services.save_ceremony(
            kind="groundbreaking", date="2025-02-10", factories=[built], repeat="second phase"
        )
        errors = refused(
            kind="inauguration", date="2025-01", factories=[built], repeat=" Second  Phase"
        )
        assert "cannot come before its factory's groundbreaking" in errors["date"][0]
        assert "10 February 2025" in errors["date"][0]
        services.save_ceremony(
            kind="inauguration", date="2025-11", factories=[built], repeat="second phase"
        )

    @pytest.mark.parametrize(
        ("kind", "date"), [("groundbreaking", "2023-10"), ("inauguration", "2024-06")]
    )
    def test_a_repeat_before_what_it_repeats_is_refused(self, built, kind, date):
        errors = refused(kind=kind, date=date, factories=[built], repeat="second phase")
        assert "A repeat cannot come before what it repeats" in errors["date"][0]

    def test_a_phase_has_one_ceremony_of_each_kind(self, built):
        first = services.save_ceremony(
            kind="groundbreaking", date="2025-02-10", factories=[built], repeat="second phase"
        )
        errors = refused(
            kind="groundbreaking", date="2025-03", factories=[built], repeat="second phase"
        )
        assert "already has a groundbreaking ceremony marked “second phase”" in errors["repeat"][0]
        assert first.get_absolute_url() in errors["repeat"][0]

    def test_a_first_phase_recorded_after_a_second_is_held_to_the_same_rules(self, db):
        factory = make.factory()
        services.save_ceremony(
            kind="groundbreaking", date="2025-02-10", factories=[factory], repeat="second phase"
        )
        errors = refused(kind="groundbreaking", date="2025-06", factories=[factory])
        assert "A repeat cannot come before what it repeats" in errors["date"][0]
        make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])  # cited
        factory.refresh_from_db()
        assert (factory.groundbreaking_date, factory.inauguration_date) == ("", "2024-12-20")


    def test_the_factory_timeline_names_each_phase(self, built, client):
        make.ceremony(
            kind="groundbreaking", date="2025-02-10", factories=[built], repeat="second phase"
        )
        page = client.get(built.get_absolute_url()).content.decode()
        steps = page[page.index('class="timeline"') :]
        assert steps.count('<span class="phase">(second phase)</span>') == 1
        assert steps.index("20 December 2024") < steps.index("(second phase)")


class TestDerivedDates:
    def test_a_date_in_words_is_stored_as_edtf(self, db):
        ceremony = services.save_ceremony(kind="inauguration", date="4 March 2025")
        assert (ceremony.date, ceremony.date_in_words) == ("2025-03-04", "4 March 2025")

    def test_deleting_the_inauguration_takes_the_status_back(self, db):
        factory = make.factory()
        make.ceremony(kind="groundbreaking", factories=[factory])
        inauguration = make.ceremony(kind="inauguration", date="2024-12", factories=[factory])
        services.delete_ceremony(ceremony=inauguration)
        factory.refresh_from_db()
        assert (factory.status, factory.inauguration_date) == ("under construction", "")

    def test_taking_a_factory_off_a_ceremony_refreshes_it(self, db):
        factory = make.factory()
        ceremony = make.ceremony(kind="groundbreaking", factories=[factory])
        services.save_ceremony(
            ceremony=ceremony, kind="groundbreaking", date=ceremony.date, county=ceremony.county
        )
        factory.refresh_from_db()
        assert factory.status == "planned"

    def test_changing_a_ceremony_date_moves_the_factory_date(self, db):
        factory = make.factory()
        ceremony = make.ceremony(kind="groundbreaking", date="2024-03", factories=[factory])
        services.save_ceremony(
            ceremony=ceremony, kind="groundbreaking", date="2 April 2024", factories=[factory]
        )
        factory.refresh_from_db()
        assert factory.groundbreaking_date == "2024-04-02"


class TestHistory:
    def test_saving_without_a_change_adds_no_version(self, db):
        factory = make.factory()
        ceremony = make.ceremony(kind="groundbreaking", date="2024-03", factories=[factory])
        for _ in range(2):
            services.save_ceremony(
                ceremony=Ceremony.objects.get(pk=ceremony.pk),
                kind="groundbreaking",
                date="March 2024",
                factories=[factory],
            )
        assert ceremony.history.count() == 1

    def test_a_change_adds_one_version(self, db):
        ceremony = make.ceremony(kind="groundbreaking", date="2024-03")
        services.save_ceremony(ceremony=ceremony, kind="groundbreaking", date="2024-04")
        assert ceremony.history.count() == 2
