"""API writes go through the services: the event connects to its factories' place, a second
milestone says what it is, a date may be written in words and is answered as EDTF, and a
factory's slug is made from its name."""

import pytest
from django.urls import reverse

from events.models import Ceremony
from sites.models import Factory


@pytest.fixture
def editor(token_client):
    return token_client(
        "events.add_ceremony",
        "events.change_ceremony",
        "events.delete_ceremony",
        "sites.add_factory",
        "sites.change_factory",
    )


def post_ceremony(client, **body):
    return client.post(reverse("api:ceremony-list"), body, format="json")


def test_a_ceremony_with_a_factory_and_no_county_is_held_in_the_factorys_county(world, editor):
    response = post_ceremony(
        editor, kind="inauguration", date="2025-10", factories=["hamju-clothing"]
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["county"]["slug"], body["province"]["slug"]) == ("hamju", "nampho")
    assert body["place"] == "Hamju, Nampho"


def test_a_county_that_contradicts_the_factory_is_refused_naming_both(world, editor):
    response = post_ceremony(
        editor, kind="inauguration", date="2025-10", county="onchon", factories=["hamju-clothing"]
    )
    assert response.status_code == 400
    assert "Hamju clothing factory is in Hamju, not in Onchon" in response.json()["county"][0]


def test_a_second_inauguration_is_refused_with_a_link_to_the_first(world, editor):
    before = Ceremony.objects.count()
    response = post_ceremony(
        editor, kind="inauguration", date="2025-03-04", factories=["songchon-foodstuff"]
    )
    assert response.status_code == 400
    message = response.json()["repeat"][0]
    assert "already has an inauguration ceremony, 20 December 2024" in message
    assert world["opening"].get_absolute_url() in message
    assert Ceremony.objects.count() == before

    response = post_ceremony(
        editor,
        kind="inauguration",
        date="2025-03-04",
        factories=["songchon-foodstuff"],
        repeat="second phase",
    )
    assert response.status_code == 201
    assert response.json()["repeat"] == "second phase"


@pytest.mark.parametrize(
    ("written", "answered"),
    [
        ("4 March 2025", "2025-03-04"),
        ("late February 2025", "2025-02-21/2025-02-28"),
        ("early 2025", "2025-01/2025-04"),
        ("2025년 2월 하순", "2025-02-21/2025-02-28"),
    ],
)
def test_a_date_in_words_is_answered_as_edtf(world, editor, written, answered):
    response = post_ceremony(editor, kind="other", date=written, county="onchon")
    assert response.status_code == 201, response.json()
    assert response.json()["date"] == answered


def test_a_patch_keeps_the_factories_it_does_not_name(world, editor):
    url = reverse("api:ceremony-detail", args=[world["hamju_breaking"].pk])
    response = editor.patch(url, {"date": "late March 2025"}, format="json")
    assert response.status_code == 200, response.json()
    assert [f["slug"] for f in response.json()["factories"]] == ["hamju-clothing"]
    assert Factory.objects.get(slug="hamju-clothing").groundbreaking_date == (
        "2025-03-21/2025-03-31"
    )


def test_deleting_an_inauguration_takes_the_factory_back(world, editor):
    url = reverse("api:ceremony-detail", args=[world["opening"].pk])
    assert editor.delete(url).status_code == 204
    assert Factory.objects.get(slug="songchon-foodstuff").status == "under construction"


def test_a_factory_written_without_a_slug_gets_one_from_its_name(world, editor):
    for expected in ("onchon-shoe-factory", "onchon-shoe-factory-2"):
        response = editor.post(
            reverse("api:factory-list"),
            {"name": "Onchon Shoe Factory", "county": "onchon"},
            format="json",
        )
        assert response.status_code == 201, response.json()
        assert response.json()["slug"] == expected
