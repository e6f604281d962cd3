"""People and their appearances: the search rule, the roles, and leader_present kept as the
leader's appearances say."""

import pytest
from django.core.exceptions import ValidationError

from events import people_services
from events.models import LEADER_SLUG, Appearance, Person
from tests import factories as make


@pytest.fixture
def pak(db):
    return people_services.save_person(
        name="Pak Thae Song", name_ko="박태성", aliases="Park Tae-sung"
    )


@pytest.mark.parametrize(
    "spelling", ["Pak Thae Song", "pak-thae-song", "PAK", "Thae Song", "박태성", "Park Tae-sung"]
)
def test_a_person_is_found_by_any_spelling(pak, spelling):
    assert list(Person.objects.search(spelling)) == [pak]


def test_ri_and_lee_in_hangul_key_alike(db):
    ri = people_services.save_person(name="Ri Il Hwan", name_ko="리일환")
    assert list(Person.objects.search("이일환")) == [ri]
    assert not Person.objects.search("Kim")


def test_a_role_must_fit_the_event(pak):
    ceremony, visit = make.ceremony(), make.visit()
    with pytest.raises(ValidationError) as error:
        people_services.save_appearance(person=pak, event=ceremony, role="leading")
    assert "role" in error.value.message_dict
    with pytest.raises(ValidationError):
        people_services.save_appearance(person=pak, event=visit, role="speaker")
    assert not Appearance.objects.exists()


def test_a_quote_is_kept_only_from_state_media(pak):
    ceremony = make.ceremony()
    press = make.source(state_media=False)
    with pytest.raises(ValidationError) as error:
        people_services.save_appearance(
            person=pak, event=ceremony, role="speaker", source=press, quote="He spoke."
        )
    assert "quote" in error.value.message_dict


def test_saving_the_same_appearance_twice_keeps_one(pak):
    ceremony, kcna = make.ceremony(), make.source(state_media=True)
    for title in ("premier", "Premier of the Cabinet"):
        people_services.save_appearance(
            person=pak, event=ceremony, role="speaker", title=title, source=kcna
        )
    assert list(Appearance.objects.values_list("title", flat=True)) == ["Premier of the Cabinet"]


def test_leader_present_follows_the_leaders_appearances(db):
    ceremony = make.ceremony()
    leader = people_services.save_person(name="Kim Jong Un", slug=LEADER_SLUG)
    kcna = make.source(state_media=True)
    appearance = people_services.save_appearance(
        person=leader, event=ceremony, role="speaker", source=kcna
    )
    ceremony.refresh_from_db()
    assert ceremony.leader_present
    people_services.delete_appearance(appearance=appearance)
    ceremony.refresh_from_db()
    assert not ceremony.leader_present


def test_the_flag_given_to_an_event_adds_or_removes_the_leaders_appearance(db):
    visit = make.visit(leader_present=True)
    (appearance,) = Appearance.objects.filter(visit=visit)
    assert (appearance.person.slug, appearance.role, appearance.source) == (
        LEADER_SLUG,
        "leading",
        None,
    )
    kcna = make.source(state_media=True)
    people_services.save_appearance(
        person=appearance.person, event=visit, role="leading", source=kcna
    )
    # The sourced appearance replaces the one the flag made.
    assert list(Appearance.objects.filter(visit=visit).values_list("source", flat=True)) == [
        kcna.pk
    ]
    from events import services

    services.save_guidance_visit(visit=visit, kind=visit.kind, date=visit.date)
    assert not Appearance.objects.filter(visit=visit).exists()


def test_the_seeded_record_agrees_with_the_leader(seeded):
    from events.models import Ceremony, GuidanceVisit

    for model in (Ceremony, GuidanceVisit):
        for event in model.objects.prefetch_related("appearances__person"):
            leader = any(a.person.slug == LEADER_SLUG for a in event.appearances.all())
            assert leader == event.leader_present, event
