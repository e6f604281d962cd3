"""The seven contradictions of the source pack, each visible with both claims on the record's
page and in the API, and what each source states on the county, factory and source pages."""

import pytest
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory


def page(client, record) -> str:
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def api_claims(client, record) -> list[dict]:
    name = "api:ceremony-detail" if isinstance(record, Ceremony) else "api:guidance-visit-detail"
    response = client.get(reverse(name, args=[record.pk]))
    assert response.status_code == 200
    return response.json()["citations"]


@pytest.fixture
def inauguration(seeded):
    def find(hangul, iso, date=None):
        events = Ceremony.objects.filter(
            kind="inauguration", county__name_ko=hangul, county__province__iso_code=iso
        )
        return events.get(date=date) if date else events.get()

    return find


def test_unsan_state_media_7_february_against_a_press_report_of_7_march(client, inauguration):
    unsan = inauguration("운산군", "KP-03")
    assert unsan.date == "2025-02-07"
    text = page(client, unsan)
    assert "The sources disagree." in text
    assert "“on February 7”" in text
    assert "“on March 7”" in text
    claims = api_claims(client, unsan)
    march = next(c for c in claims if c["date"] == "2025-03-07")
    assert march["differs_on"] == ["date"]
    assert not march["follows"]
    assert any(c["follows"] and c["state_media"] and c["date"] == "2025-02-07" for c in claims)


def test_sinpho_july_19_against_december_19(client, inauguration):
    sinpho = inauguration("신포시", "KP-08", "2025-12-19")
    text = page(client, sinpho)
    assert "July 19" in text
    assert "translation error" in text
    claims = api_claims(client, sinpho)
    july = next(c for c in claims if c["date"] == "XXXX-07-19")
    assert july["note"]
    assert not july["follows"]
    assert sum(c["date"] == "2025-12-19" for c in claims) >= 3


def test_kujang_rests_on_one_report_whose_day_is_uncertain(client, inauguration):
    kujang = inauguration("구장군", "KP-03")
    assert kujang.date == "2025-01-24?"
    text = page(client, kujang)
    assert "date arithmetic is inconsistent" in text
    (claim,) = api_claims(client, kujang)
    assert claim["date"] == "2025-01-24?"
    assert claim["note"]


def test_songchon_three_visits_against_the_second(client, seeded):
    visits = GuidanceVisit.objects.filter(county__name_ko="성천군", kind="field guidance")
    assert [visit.date for visit in visits] == ["2024-08-24/2024-08-25", "2024-11-19"]
    groundbreaking = Ceremony.objects.get(county__name_ko="성천군", kind="groundbreaking")
    assert groundbreaking.date == "2024-02-28"
    assert groundbreaking.leader_present
    november = visits.get(date="2024-11-19")
    text = page(client, november)
    assert "Kim&#x27;s second to Songchon" in text or "Kim's second to Songchon" in text
    claims = api_claims(client, november)
    assert any("second" in c["note"] for c in claims)
    assert sum(c["state_media"] for c in claims) >= 3


def test_unsan_is_two_places(client, seeded):
    north = County.objects.get(name_ko="운산군")
    south = County.objects.get(name_ko="은산군")
    assert "운산군" in page(client, north)
    assert "North Phyongan" in page(client, north)
    south_page = page(client, south)
    assert "은산군" in south_page
    assert "Unsan Paper Mill" in south_page
    response = client.get(reverse("api:county-list"), {"q": "Unsan"})
    found = {(c["name_ko"], c["province"]["name"]) for c in response.json()["results"]}
    assert found == {("운산군", "North Phyongan"), ("은산군", "South Phyongan")}


def test_onchon_in_nampho_against_a_caption_in_south_phyongan(client, seeded):
    groundbreaking = Ceremony.objects.get(county__name_ko="온천군", kind="groundbreaking")
    assert groundbreaking.province.name == "Nampho"
    text = page(client, groundbreaking)
    assert "평안남도 (lead groups it under 남포시)" in text
    assert "Its photo caption places Onchon in South Phyongan" in text
    claims = api_claims(client, groundbreaking)
    assert any("평안남도" in c["place_as_written"] and c["note"] for c in claims)


def test_kangdong_one_service_centre_in_several_translations(client, seeded):
    centre = Factory.objects.get(slug="kangdong-service-and-leisure-complex")
    text = page(client, centre)
    for words in ("General Service Center", "hospital and leisure complex", "종합봉사소"):
        assert words in text
    groundbreaking = Ceremony.objects.get(date="2025-02-06", county__name_ko="강동군")
    assert {factory.slug for factory in groundbreaking.factories.all()} == {
        "kangdong-county-hospital",
        "kangdong-service-and-leisure-complex",
    }
    facilities = {c["facilities_as_written"] for c in api_claims(client, groundbreaking)}
    assert "hospital and leisure complex" in facilities
    assert "Kangdong County Hospital and General Service Center" in facilities


def test_a_county_page_shows_where_the_sources_disagree(client, seeded):
    text = page(client, County.objects.get(name_ko="운산군"))
    assert "The sources disagree." in text
    assert "Dates the ceremony 7 March" in text


def test_a_source_page_shows_what_it_states(client, seeded):
    source = Source.objects.get(
        key="dailynk-2025-04-npyongan-factories-fail-to-deliver-via-thepressunited"
    )
    text = page(client, source)
    assert "What it states" in text
    assert "“on March 7”" in text
    assert "DPRK state media</dt><dd>no" in text
