"""Staff entering events in the admin: the record connects to its factory's place, a second
milestone says what it is, dates are typed as people write them, and all go through the
services."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Ceremony, Source
from sites.models import County, Factory
from tests import factories as make

ADD = reverse("admin:events_ceremony_add")
EMPTY_INLINES = {
    "photos-TOTAL_FORMS": 0,
    "photos-INITIAL_FORMS": 0,
    "appearances-TOTAL_FORMS": 0,
    "appearances-INITIAL_FORMS": 0,
    "citations-TOTAL_FORMS": 0,
    "citations-INITIAL_FORMS": 0,
}


@pytest.fixture
def unpha_factory(seeded):
    """A factory in Unpha whose groundbreaking is stored: it waits for its inauguration."""
    factory = make.factory(county=County.objects.get(slug="unpha"), name="Unpha Foodstuff Factory")
    make.ceremony(kind="groundbreaking", date="2024-03", factories=[factory])
    return factory


def add_ceremony(client, **fields):
    return client.post(ADD, {"kind": "inauguration", **EMPTY_INLINES, **fields})


def citing(source) -> dict:
    """The citation inline with one source, as staff fill it in: without one, an event is a
    draft that no public page shows."""
    return {
        "citations-TOTAL_FORMS": 1,
        "citations-0-source": source.pk,
        "citations-0-leader_present": "unstated",
    }


def test_a_ceremony_with_a_factory_and_no_county_is_held_in_the_factorys_county(
    unpha_factory, staff_client
):
    response = add_ceremony(
        staff_client,
        date="4 March 2025",
        factories=[unpha_factory.pk],
        **citing(make.source(title="Unpha factories inaugurated")),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    ceremony = Ceremony.objects.get(kind="inauguration", factories=unpha_factory)
    assert (ceremony.county, ceremony.province) == (
        unpha_factory.county,
        unpha_factory.county.province,
    )
    county_page = staff_client.get(unpha_factory.county.get_absolute_url()).content.decode()
    assert "4 March 2025" in county_page


def test_a_county_that_contradicts_the_factory_is_a_form_error_naming_both(
    unpha_factory, staff_client
):
    songchon = County.objects.get(slug="songchon")
    response = add_ceremony(
        staff_client, date="2025-03-04", county=songchon.pk, factories=[unpha_factory.pk]
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Unpha Foodstuff Factory is in Unpha, not in Songchon" in errors["county"][0]
    assert not Ceremony.objects.filter(kind="inauguration", factories=unpha_factory).exists()


def test_a_second_inauguration_is_refused_with_a_link_to_the_first(seeded, staff_client):
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    first = Ceremony.objects.get(kind="inauguration", factories=factory)
    before = Ceremony.objects.count()
    response = add_ceremony(staff_client, date="4 March 2025", factories=[factory.pk])
    assert response.status_code == 200
    page = response.content.decode()
    assert "already has an inauguration ceremony, 20 December 2024" in page
    assert f'href="{first.get_absolute_url()}"' in page
    assert Ceremony.objects.count() == before

    response = add_ceremony(
        staff_client, date="4 March 2025", factories=[factory.pk], repeat="re-inauguration"
    )
    assert response.status_code == 302
    assert Ceremony.objects.filter(repeat="re-inauguration", factories=factory).exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("4 March 2025", "2025-03-04"),
        ("late February 2025", "2025-02-21/2025-02-28"),
        ("2025년 2월 하순", "2025-02-21/2025-02-28"),
        ("March–April 2025", "2025-03/2025-04"),
    ],
)
def test_dates_typed_in_words_are_stored_as_edtf(unpha_factory, staff_client, typed, stored):
    response = add_ceremony(staff_client, date=typed, factories=[unpha_factory.pk])
    assert response.status_code == 302
    assert Ceremony.objects.get(kind="inauguration", factories=unpha_factory).date == stored


def test_a_date_it_cannot_read_shows_what_it_expected(unpha_factory, staff_client):
    response = add_ceremony(staff_client, date="a Tuesday", factories=[unpha_factory.pk])
    errors = response.context["adminform"].form.errors["date"]
    assert "“a Tuesday” is not a date Regiondev can read" in errors[0]
    assert "4 March 2025" in errors[0]
    assert "late February 2024" in errors[0]


def test_the_date_box_shows_the_edtf_of_what_was_typed_when_the_form_comes_back(
    unpha_factory, staff_client
):
    songchon = County.objects.get(slug="songchon")
    response = add_ceremony(
        staff_client, date="4 March 2025", county=songchon.pk, factories=[unpha_factory.pk]
    )
    assert "EDTF 2025-03-04 · 4 March 2025" in response.content.decode()


def test_the_preview_endpoint_reads_a_date_for_staff_only(db, staff_client):
    url = reverse("admin:events_ceremony_date_preview")
    answer = staff_client.get(url, {"text": "2024년 2월 하순"}).json()
    assert (answer["edtf"], answer["words"]) == ("2024-02-21/2024-02-29", "late February 2024")
    assert "is not a date" in staff_client.get(url, {"text": "soon"}).json()["error"]
    assert Client().get(url, {"text": "2024"}).status_code == 302


def test_deleting_the_inauguration_in_the_admin_takes_the_factory_back(seeded, staff_client):
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    inauguration = Ceremony.objects.get(kind="inauguration", factories=factory)
    url = reverse("admin:events_ceremony_delete", args=[inauguration.pk])
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    factory.refresh_from_db()
    assert (factory.status, factory.inauguration_date) == ("under construction", "")


def test_saving_a_ceremony_without_a_change_adds_no_history_version(seeded, staff_client):
    ceremony = Ceremony.objects.get(kind="inauguration", county__slug="songchon")
    url = reverse("admin:events_ceremony_change", args=[ceremony.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {
        **EMPTY_INLINES,
        **{
            name: value
            for name, value in (
                (name, form[name].value()) for name in form.fields if name != "change_message"
            )
            if value is not None
        },
    }
    data["leader_present"] = "on" if data.pop("leader_present") else ""
    before = ceremony.history.count()
    for _ in range(2):
        data["seen_updated_at"] = (
            staff_client.get(url).context["adminform"].form["seen_updated_at"].value()
        )
        response = staff_client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
    assert ceremony.history.count() == before


def test_the_event_search_finds_any_spelling_of_the_place(seeded, staff_client):
    response = staff_client.get(reverse("admin:events_ceremony_changelist"), {"q": "songchon-gun"})
    assert response.context["cl"].result_count == 2


def test_a_source_publication_date_is_typed_in_words_with_its_preview(db, staff_client):
    page = staff_client.get(reverse("admin:events_source_add")).content.decode()
    assert 'data-date-preview="/admin/events/source/date-preview/"' in page
    response = staff_client.post(
        reverse("admin:events_source_add"),
        {
            "title": "An article",
            "publisher": "KCNA",
            "published": "2025년 1월 상순",
            "language": "ko",
        },
    )
    assert response.status_code == 302
    assert Source.objects.get(title="An article").published == "2025-01-01/2025-01-10"


def test_appearances_are_written_in_the_ceremony_admin_and_the_flag_follows(staff_client, db):
    from events.models import LEADER_SLUG, Appearance
    from events.people_services import save_person
    from tests import factories as make

    leader = save_person(name="Kim Jong Un", slug=LEADER_SLUG)
    ceremony = make.ceremony(kind="other", date="2025-03")
    kcna = make.source(state_media=True)
    data = {
        "kind": "other",
        "date": "2025-03",
        **EMPTY_INLINES,
        "appearances-TOTAL_FORMS": 1,
        "appearances-0-person": leader.pk,
        "appearances-0-role": "speaker",
        "appearances-0-title": "General Secretary of the WPK",
        "appearances-0-source": kcna.pk,
        "appearances-0-quote": "Kim Jong Un made a speech.",
    }
    change = reverse("admin:events_ceremony_change", args=[ceremony.pk])
    response = staff_client.post(change, data)
    assert response.status_code == 302, response.context["errors"]
    ceremony.refresh_from_db()
    assert ceremony.leader_present
    assert Appearance.objects.get(ceremony=ceremony).title == "General Secretary of the WPK"
    # A role of visits is not offered at a ceremony: a form error, nothing saved.
    wrong = {**data, "appearances-0-person": save_person(name="Pak Thae Song").pk}
    wrong["appearances-0-role"] = "leading"
    response = staff_client.post(change, wrong)
    assert response.status_code == 200
    assert Appearance.objects.filter(ceremony=ceremony).count() == 1


def test_the_person_admin_finds_any_spelling(staff_client, db):
    from events.people_services import save_person

    save_person(name="Ri Il Hwan", name_ko="리일환")
    page = staff_client.get(reverse("admin:events_person_changelist"), {"q": "이일환"})
    assert "Ri Il Hwan" in page.content.decode()
    added = staff_client.post(
        reverse("admin:events_person_add"),
        {"name": "Jo Chun Ryong", "slug": "jo-chun-ryong", "aliases": "Jo Chun-ryong"},
    )
    assert added.status_code == 302
