"""The corrections of the record against its sources (issue 21), asserted on the loaded record,
and the rules of seed/claims.py behind them, tried on variations written for the test."""

import pytest
from django.urls import reverse

from events.models import Ceremony, Citation, GuidanceVisit
from seed.claims import facilities_named, read_part_of_month
from sites.models import Factory


def cited(record) -> set[str]:
    return set(record.citations.values_list("source__key", flat=True))


def test_unsan_south_phyongan_inaugurates_only_its_paper_mill(seeded):
    ceremony = Ceremony.objects.get(county__name_ko="은산군", kind="inauguration")
    assert ceremony.date == "2025-12-28"
    assert [f.slug for f in ceremony.factories.all()] == ["unsan-paper-mill-south-phyongan"]
    paper_sources = {
        "yonhap-2025-12-29-kim-unsan-paper-mill-opening",
        "news1-2025-12-kim-unsan-paper-factory",
    }
    for factory in Factory.objects.filter(county__name_ko="은산군").exclude(sector="paper"):
        assert factory.status != "operating", factory  # visited in December, not inaugurated
        assert not cited(factory) & paper_sources
    assert paper_sources <= cited(Factory.objects.get(slug="unsan-paper-mill-south-phyongan"))


def test_kusong_hospital_is_completed_by_december_2025_citing_kbs(seeded):
    hospital = Factory.objects.get(slug="kusong-hospital")
    assert hospital.status == "operating"
    assert hospital.inauguration_date == "2025-12"
    completion = Ceremony.objects.get(factories=hospital, kind="inauguration")
    assert cited(completion) == {"kbs-2025-12-kusong-hospital-completed"}
    assert "no ceremony" in completion.summary


@pytest.mark.parametrize("hangul", ["구성시", "어랑군", "우시군", "이천군"])
def test_the_first_years_unreported_inaugurations_close_by_11_february_2025(seeded, hangul):
    ceremony = Ceremony.objects.get(
        county__name_ko=hangul, kind="inauguration", date_upper="2025-02-11"
    )
    assert (str(ceremony.date_lower), ceremony.date) == ("2024-12-01", "2024-12/2025-02-11")
    assert cited(ceremony) == {
        "vok-2025-02-11-kim-hyong-jik-20th-inauguration-german",
        "yonhap-2025-02-12-kim-hyong-jik-completes-first-year-korean",
    }
    assert "not reported" in ceremony.summary
    factories = ceremony.factories.exclude(sector="health care")
    assert factories
    assert all(f.status == "operating" for f in factories)


def test_kangdong_complex_no_longer_cites_reports_of_the_hospital_alone(seeded):
    herald = {
        "koreaherald-2025-06-03-kim-inspects-kangdong-hospital-construction",
        "koreaherald-2025-11-20-kangdong-county-hospital-inaugurated",
    }
    assert not cited(Factory.objects.get(slug="kangdong-service-and-leisure-complex")) & herald
    assert herald <= cited(Factory.objects.get(slug="kangdong-county-hospital"))


def test_the_kimhwa_visit_is_early_february_2024(seeded):
    visit = GuidanceVisit.objects.get(county__name_ko="김화군", date_lower__year=2024)
    assert visit.date == "2024-02-01/2024-02-10"
    citation = visit.citations.get()
    assert citation.date_as_written == "In early February"


@pytest.mark.parametrize(
    ("written", "date", "expected"),
    [
        ("In early February", "2024-02", "2024-02-01/2024-02-10"),
        ("mid-July", "2025-07", "2025-07-11/2025-07-20"),
        ("in the middle of March", "2025-03", "2025-03-11/2025-03-20"),
        ("Late February", "2024-02", "2024-02-21/2024-02-29"),
        ("late February", "2025-02", "2025-02-21/2025-02-28"),
        ("late April", "2025-04", "2025-04-21/2025-04-30"),
        ("in February", "2024-02", "2024-02"),  # no part of the month: kept
        ("late last year", "2024", "2024"),  # a year is not split
        ("early February", "2024-02-03", "2024-02-03"),  # a day is kept
    ],
)
def test_a_part_of_a_month_reads_as_a_range_of_days(written, date, expected):
    assert read_part_of_month(written, date) == expected


def test_kujangs_inauguration_stays_uncertain(seeded):
    ceremony = Ceremony.objects.get(county__name_ko="구장군", kind="inauguration")
    assert ceremony.date == "2025-01-24?"
    assert Factory.objects.filter(county__name_ko="구장군", inauguration_date="2025-01-24?")


def test_the_unnamed_north_phyongan_visit_of_2024_is_the_kujang_one(seeded):
    visits = GuidanceVisit.objects.filter(province__iso_code="KP-03", date_lower__year=2024)
    (visit,) = visits
    assert visit.county.name_ko == "구장군"
    assert visit.date == "2024-10-01/2024-10-06"
    assert {
        "kbs-2025-01-24-kujang-completion",
        "adnkronos-2024-10-07-kim-supervises-north-phyongan",
        "kim-jong-uns-world-of-devoted-service-2",
    } <= cited(visit)
    unnamed = visit.citations.filter(place_as_written__contains="(not named)")
    assert unnamed.count() == 2
    assert all("Kujang" in c.note for c in unnamed)


def test_the_policys_milestones_are_records_with_sources(seeded, client):
    milestones = Ceremony.objects.filter(kind="other", county=None).order_by("date_lower")
    assembly, committee = milestones
    assert "Supreme People's Assembly" in assembly.summary
    assert assembly.date == "2024-01-01/2024-01-23"
    assert cited(assembly) == {
        "ilna-2025-03-05-kim-world-of-devoted-service-part1",
        "vok-2024-01-25-report-19th-enlarged-politburo-meeting",
    }
    assert committee.date == "2024-01-30"
    # The consultative meeting of the Politburo stays one record, without a milestone's words.
    meeting = GuidanceVisit.objects.get(kind="consultative meeting", date="2024-01-23/2024-01-24")
    assert meeting.summary == ""
    assert not Citation.objects.filter(ceremony__kind="other", source__state_media=False)
    page = client.get(reverse("sites:programme-year", args=[2024])).content.decode()
    section = page.split('id="milestones-title"')[1].split("</section>")[0]
    assert "Supreme People&#x27;s Assembly" in section
    assert "non-permanent central committee" in section
    assert "ILNA" in section  # with its sources
    later = client.get(reverse("sites:programme-year", args=[2025])).content.decode()
    assert 'id="milestones-title"' not in later


@pytest.mark.parametrize(
    ("text", "named", "general"),
    [
        ("Fabriken für Lebensmittel, Bekleidung und Gebrauchsgüter", 3, True),
        (
            "Lebensmittel-, Bekleidungs- und Gebrauchsgüterfabrik; Fischverarbeitungsbetrieb",
            4,
            False,
        ),
        ("군 식료공장, 옷 공장, 일용품 공장", 3, False),
        ("paper factory", 1, False),
        ("regional-industry factories; hospital", 1, True),
        ("hospital complex (outpatient ward, operating theater)", 1, False),
        ("örtliche Industriebetriebe", 0, True),
        ("", 0, True),
    ],
)
def test_facilities_are_read_one_by_one(text, named, general):
    found, speaks_of_factories = facilities_named(text, "Testgun", "county")
    assert (len(found), speaks_of_factories) == (named, general)


def test_factories_are_named_one_by_one_where_a_source_names_them(seeded):
    def named(hangul):
        return sorted(
            Factory.objects.filter(county__name_ko=hangul).values_list("sector", flat=True)
        )

    assert named("숙천군") == ["daily necessities", "foodstuff", "textiles and clothing"]
    assert named("염주군") == [
        "daily necessities",
        "fisheries",
        "foodstuff",
        "textiles and clothing",
    ]
    assert named("곡산군") == ["daily necessities", "foodstuff", "textiles and clothing"]
    assert named("은산군") == ["daily necessities", "foodstuff", "paper", "textiles and clothing"]
    assert named("강동군") == ["foodstuff", "health care", "services and leisure"]
    assert named("룡강군") == ["health care", "other"]  # its factories are not named
    sukchon = Factory.objects.get(slug="sukchon-county-foodstuff-factory")
    assert sukchon.name == "Sukchon County Foodstuff Factory"
    assert "soy sauce" in sukchon.products
    # Each ceremony links the facilities it names: Yomju's inauguration all four.
    yomju = Ceremony.objects.get(county__name_ko="염주군", kind="inauguration")
    assert yomju.factories.count() == 4


def test_sector_other_only_where_no_source_names_the_kind(seeded):
    """A bundle's sources name no kind of factory that is not a record of its own."""
    kinds = {
        "food": "foodstuff",
        "lebensmittel": "foodstuff",
        "garment": "garment",
        "clothing": "garment",
        "daily": "daily necessities",
        "paper": "paper",
        "hospital": "hospital",
        "fisch": "fish-processing",
    }
    for factory in Factory.objects.filter(sector="other"):
        assert factory.name.endswith(("regional-industry factories", "development project"))
        words = " ".join(
            Citation.objects.filter(factory=factory).values_list("facilities_as_written", flat=True)
        ).casefold()
        siblings = " ".join(
            Factory.objects.filter(county=factory.county).values_list("name", flat=True)
        ).casefold()
        missing = [k for k, name in kinds.items() if k in words and name not in siblings]
        assert not missing, (factory, missing)
    assert Factory.objects.filter(sector="other").count() < 30


def test_kimhwas_pilot_factories_are_outside_the_programme(seeded, client):
    pilots = Factory.objects.filter(in_programme=False)
    assert set(pilots.values_list("county__name_ko", flat=True)) == {"김화군"}
    assert pilots.count() == 4
    html = client.get("/").content.decode()
    programme = Factory.objects.filter(in_programme=True)
    operating = programme.filter(status="operating").count()
    assert f"<strong>{programme.count()}</strong> factories of the programme recorded" in html
    assert f"<strong>{operating}</strong> of them operating" in html


def test_the_api_filters_factories_in_and_outside_the_programme(seeded, client):
    outside = client.get("/api/factories/", {"in_programme": "false"}).json()
    assert sorted(row["slug"] for row in outside["results"]) == [
        "kimhwa-county-daily-necessities-factory",
        "kimhwa-county-foodstuff-factory",
        "kimhwa-county-garment-factory",
        "kimhwa-county-paper-mill",
    ]
