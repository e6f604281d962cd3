"""/api/people/: list, detail, `q`, anonymous reads, no writes; `?person=` on the events."""

import pytest
from django.urls import reverse

from events import people_services
from tests import factories as make

PEOPLE = reverse("api:person-list")


@pytest.fixture
def record(db):
    kcna = make.source(state_media=True)
    ceremony = make.ceremony(kind="inauguration", date="2025-12-26")
    visit = make.visit(date="2025-06")
    pak = people_services.save_person(name="Pak Thae Song", aliases="Park Tae-sung")
    choe = people_services.save_person(name="Choe Ryong Hae")
    people_services.save_appearance(
        person=pak,
        event=ceremony,
        role="speaker",
        title="Vorsitzender des Kabinetts der DVR Korea",
        source=kcna,
        quote="Der Regierungschef hielt eine Einweihungsansprache.",
    )
    people_services.save_appearance(person=choe, event=visit, role="accompanying", source=kcna)
    return {"pak": pak, "choe": choe, "ceremony": ceremony, "visit": visit, "kcna": kcna}


def test_anonymous_clients_read_the_list_and_a_person(api, record):
    listed = api.get(PEOPLE).json()
    assert [p["name"] for p in listed["results"]] == ["Choe Ryong Hae", "Pak Thae Song"]
    detail = api.get(reverse("api:person-detail", args=["pak-thae-song"])).json()
    (appearance,) = detail["appearances"]
    assert appearance["role"] == "speaker"
    assert appearance["title"] == "Vorsitzender des Kabinetts der DVR Korea"
    assert appearance["ceremony"] == record["ceremony"].pk
    assert appearance["source"] == record["kcna"].pk
    assert appearance["event"].endswith(
        reverse("api:ceremony-detail", args=[record["ceremony"].pk])
    )
    assert detail["page_url"].endswith("/people/pak-thae-song/")


@pytest.mark.parametrize(
    ("q", "found"),
    [("park tae-sung", ["Pak Thae Song"]), ("Ryong Hae", ["Choe Ryong Hae"]), ("Kim", [])],
)
def test_q_finds_people_by_any_spelling(api, record, q, found):
    assert [p["name"] for p in api.get(PEOPLE, {"q": q}).json()["results"]] == found


def test_an_unknown_person_is_404(api, record):
    assert api.get(reverse("api:person-detail", args=["nobody"])).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_nobody_writes_people_through_the_api(api, record, staff, who):
    if who == "staff":
        api.force_authenticate(staff)
    detail = reverse("api:person-detail", args=["pak-thae-song"])
    assert api.post(PEOPLE, {"name": "Someone"}, format="json").status_code == 405
    assert api.patch(detail, {"name": "X"}, format="json").status_code == 405
    assert api.put(detail, {"name": "X"}, format="json").status_code == 405
    assert api.delete(detail).status_code == 405
    assert api.get(detail).status_code == 200
    record["pak"].refresh_from_db()
    assert record["pak"].name == "Pak Thae Song"


def test_events_filter_by_person(api, record):
    ceremonies = api.get(reverse("api:ceremony-list"), {"person": "pak-thae-song"}).json()
    assert [c["id"] for c in ceremonies["results"]] == [record["ceremony"].pk]
    visits = api.get(reverse("api:guidance-visit-list"), {"person": "pak-thae-song"}).json()
    assert visits["results"] == []
    visits = api.get(reverse("api:guidance-visit-list"), {"person": "choe-ryong-hae"}).json()
    assert [v["id"] for v in visits["results"]] == [record["visit"].pk]
    unknown = api.get(reverse("api:ceremony-list"), {"person": "nobody"})
    assert unknown.status_code == 400
    assert "person" in unknown.json()
