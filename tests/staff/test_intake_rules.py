"""The intake's reading rules on short reports written for them, against the real gazetteer."""

import datetime

import pytest

from events import seed
from events.models import Ceremony, Source
from regiondev import dates
from sites.models import County, Factory
from staff import intake
from staff.intake.dates import DateReader
from staff.intake.frame import sentences
from staff.intake.places import Gazetteer
from tests import factories


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


def read(text: str, published: str = "", **fields):
    return intake.read_article(text=text, published=published, title="A report", **fields)


def ticked(reading) -> set[tuple]:
    return {(event.kind, event.county.name, event.date) for event in reading.ticked}


def edtf(text: str, published: str, language: str = "en") -> list[str]:
    reader = DateReader(dates.read(published), language)
    return [found.edtf for found in reader.dates_in(text, 0)]


class TestTheFrame:
    def test_the_dateline_is_where_and_when_the_report_was_filed_not_the_event(self, gazetteer):
        reading = read(
            "Pyongyang, March 5 (KCNA) -- An inauguration ceremony of regional-industry "
            "factories in Sukchon County, South Phyongan Province took place on March 4.",
            "2025",
        )
        assert ticked(reading) == {("inauguration", "Sukchon", "2025-03-04")}
        assert all(event.county and event.county.name != "Pyongyang" for event in reading.events)
        assert reading.published.text == "2025-03-05"
        assert reading.frame.dateline_city == "Pyongyang"

    def test_an_archive_header_gives_the_publication_date_and_publisher(self, gazetteer):
        reading = read(
            "Regional-industry factories inaugurated in Yonthan County\n"
            "Date: 17/01/2025 | Source: Voice of Korea (EN) | Read original version at source\n"
            "The inaugural ceremony of the regional-industry factories in Yonthan County was "
            "held on the spot on the 16th."
        )
        assert reading.published.text == "2025-01-17"
        assert reading.frame.publisher == "Voice of Korea (EN)"
        assert ticked(reading) == {("inauguration", "Yonthan", "2025-01-16")}

    def test_abbreviated_months_do_not_end_a_sentence(self, gazetteer):
        text = (
            "The factories in Sukchon County were inaugurated on Jan. 10. Kim Jong Un gave "
            "field guidance in Songchon County on Nov. 14. Mr. Ri spoke."
        )
        assert sentences(text) == [
            "The factories in Sukchon County were inaugurated on Jan. 10.",
            "Kim Jong Un gave field guidance in Songchon County on Nov. 14.",
            "Mr. Ri spoke.",
        ]
        assert ticked(read(text, "2025-02-01")) == {
            ("inauguration", "Sukchon", "2025-01-10"),
            ("field guidance", "Songchon", "2024-11-14"),
        }


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("took place on Jan. 14", "2025-01-15", "en", "2025-01-14"),
        ("was held on February 28", "2024-02-29", "en", "2024-02-28"),
        ("took place on the 5th.", "2025-03-07", "en", "2025-03-05"),
        ("was held on the spot on the 16th.", "2025-01-17", "en", "2025-01-16"),
        ("took place on the 28th.", "2025-03-02", "en", "2025-02-28"),
        ("the previous day", "2025-03-05", "en", "2025-03-04"),
        ("held on Saturday", "2025-03-05", "en", "2025-03-01"),
        ("Kim Jong Un Friday made a speech", "2024-12-20", "en", "2024-12-20"),
        ("was held from January 23 to 24 to confirm", "2024-01-25", "en", "2024-01-23/2024-01-24"),
        ("on August 24 and 25.", "2024-12", "en", "2024-08-24/2024-08-25"),
        ("late last year", "2025", "en", "2024-10/2024-12"),
        ("in December last year", "2025-02-10", "en", "2024-12"),
        ("broke ground in February last", "2024-12-22", "en", "2024-02"),
        ("On December 20, 2024 an inauguration", "2025", "en", "2024-12-20"),
        ("In late February last year a ceremony", "2025", "en", "2024-02-21/2024-02-29"),
        ("a meeting in July", "2025-03-10", "en", "2024-07"),
        ("On May 12 the factories opened", "2025-06-01", "en", "2025-05-12"),
        ("준공식이 20일에 진행되었다", "2025-01-21", "ko", "2025-01-20"),
        ("착공식이 2월 28일 진행되었다", "2024-02-29", "ko", "2024-02-28"),
        ("지난해 11월 14일에는 현지지도하시였다", "2025-12-21", "ko", "2024-11-14"),
        ("Am 15. Dezember gab es eine Einweihungsfeier", "2025-12-16", "de", "2025-12-15"),
    ],
)
def test_dates_count_from_the_publication_date(text, published, language, expected):
    assert edtf(text, published, language) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "in only 290-odd days since the beginning of the construction",
        "similar ceremonies in 19 cities and counties",
        "the Regional Development 20×10 Policy",
        "workers may 3 times a day",
        "at the 19th Enlarged Meeting of the Political Bureau",
        "the 124th regiments under the services",
    ],
)
def test_numbers_and_words_that_are_not_dates_are_not_read_as_dates(text):
    assert edtf(text, "2025-02-10") == []


def names(text: str) -> list[list[str]]:
    return [[place.name for place in found.candidates] for found in Gazetteer().names_in(text, 0)]


class TestPlaces:
    def test_several_places_in_one_sentence_each_get_the_event(self, gazetteer):
        reading = read(
            "Groundbreaking ceremonies were held in Kangdong, Jangyon, Puryong and Kim Jong Suk "
            "counties on March 6, respectively.",
            "2024-03-07",
        )
        assert ticked(reading) == {
            ("groundbreaking", name, "2024-03-06")
            for name in ("Kangdong", "Jangyon", "Puryong", "Kim Jong Suk")
        }

    def test_cities_districts_and_hangul_are_found(self, gazetteer):
        assert names("in Kusong City and Kaephung District") == [["Kusong"], ["Kaephung"]]
        assert names("개풍구역에서 그리고 평안남도 성천군에서") == [
            ["Kaephung"],
            ["South Phyongan"],
            ["Songchon"],
        ]

    def test_a_near_spelling_is_matched_and_shown(self, gazetteer):
        # "Soncheon", seen in the press, is now a stored alias; this spelling is not.
        found = Gazetteer().names_in("in Songchun County in Pyongan-Namdo Province", 0)
        assert [[place.name for place in item.candidates] for item in found] == [
            ["Songchon"],
            ["South Phyongan"],
        ]
        assert all(item.fuzzy for item in found)
        assert found[0].text == "Songchun"
        assert 80 <= found[0].score < 100

    def test_a_name_two_counties_share_is_never_guessed(self, gazetteer):
        alone = read(
            "An inauguration ceremony in Unsan County took place on February 7.", "2025-02-08"
        )
        assert alone.ticked == []
        [event] = alone.events
        assert {place.province.name for place in event.candidates} == {
            "North Phyongan",
            "South Phyongan",
        }
        assert "The name fits several places; choose the county." in event.reasons

        settled = read(
            "Factories were built in Unsan County, North Phyongan Province. The inauguration "
            "ceremony in Unsan County took place on February 7.",
            "2025-02-08",
        )
        assert [(e.county.province.name, e.date) for e in settled.ticked] == [
            ("North Phyongan", "2025-02-07")
        ]


class TestKinds:
    @pytest.mark.parametrize(
        "wording",
        ["construction completion ceremony", "inaugural ceremony", "inauguration ceremony"],
    )
    def test_wordings_of_an_inauguration(self, gazetteer, wording):
        reading = read(f"The {wording} in Hwangju County took place on December 16.", "2025-12-17")
        assert ticked(reading) == {("inauguration", "Hwangju", "2025-12-16")}

    def test_a_mention_of_another_event_is_not_a_new_event(self, gazetteer):
        reading = read(
            "The soldier-builders who built the factories in Hamju County from the historic "
            "ground-breaking ceremony to the joyful inauguration ceremony were praised on "
            "January 18. Speeches were made at the groundbreaking ceremonies.",
            "2025-01-20",
        )
        assert ticked(reading) == {("inauguration", "Hamju", "2025-01-18")}
        assert not any(event.kind == "groundbreaking" for event in reading.ticked)

    def test_korean_reports(self, gazetteer):
        reading = read(
            "(평양 2월 28일발 조선중앙통신) 평안남도 성천군 지방공업공장 착공식이 27일 진행되었다. "
            "함경남도 함주군 지방공업공장 준공식이 2월 20일에 있었다. "
            "김정은동지께서 26일 개풍구역 건설장을 현지지도하시였다. "
            "신포시에서 현지료해 협의회가 25일 진행되었다.",
            "2025",
        )
        assert reading.frame.language == "ko"
        assert reading.published.text == "2025-02-28"
        assert ticked(reading) == {
            ("groundbreaking", "Songchon", "2025-02-27"),
            ("inauguration", "Hamju", "2025-02-20"),
            ("field guidance", "Kaephung", "2025-02-26"),
            ("consultative meeting", "Sinpho", "2025-02-25"),
        }


class TestPeopleAndFacilities:
    REPORT = (
        "Pyongyang, January 21 (KCNA) -- A grand ceremony of declaring the inauguration of the "
        "foodstuff factory and paper mill in Onchon County took place on January 20.\n"
        "Present at the ceremony were officials of Nampho Municipality and Onchon County.\n"
        "Ri Jae Nam, chief secretary of the Nampho Municipal Committee of the WPK, addressed "
        "the ceremony.\n"
        "A speech was made by Ryu Song Chol, chief secretary of the Onchon County Committee."
    )

    def test_speakers_and_who_was_present(self, gazetteer):
        [event] = read(self.REPORT, "2025-01-21").ticked
        assert event.speakers == [
            "Ri Jae Nam (chief secretary of the Nampho Municipal Committee of the WPK)",
            "Ryu Song Chol (chief secretary of the Onchon County Committee)",
        ]
        assert event.present == "officials of Nampho Municipality and Onchon County"
        assert not event.leader_present

    def test_the_leader_present(self, gazetteer):
        reading = read(
            "A ground-breaking ceremony in Songchon County took place on February 28.\n"
            "Kim Jong Un, general secretary of the WPK, was present at the ceremony.",
            "2024-02-29",
        )
        assert [event.leader_present for event in reading.ticked] == [True]

    def test_an_inauguration_links_to_the_factory_whose_groundbreaking_is_stored(self, gazetteer):
        onchon = County.objects.get(name="Onchon")
        foodstuff = factories.factory(county=onchon, name="Onchon Foodstuff Factory")
        factories.ceremony(
            kind="groundbreaking", date="2024-03-07", county=onchon, factories=[foodstuff]
        )
        [event] = read(self.REPORT, "2025-01-21").ticked
        assert [(f.text, f.factory) for f in event.facilities] == [
            ("foodstuff factory", foodstuff),
            ("Onchon paper mill", None),
        ]


class TestAgainstWhatIsStored:
    def test_a_sharper_date_updates_the_stored_vague_event(self, gazetteer):
        songchon = County.objects.get(name="Songchon")
        vague = factories.ceremony(kind="inauguration", date="2024", county=songchon, draft=True)
        text = "The inauguration ceremony in Songchon County took place on Nov. 14."
        [event] = read(text, "2024-11-15").events
        assert event.update
        assert event.existing == vague
        assert event.ticked
        choice = intake.Choice(
            kind=event.kind,
            date=event.date,
            county=songchon,
            province=songchon.province,
            update=event.existing,
        )
        article = Source(title="Sharper", publisher="KCNA", published="2024-11-15", full_text=text)
        outcome = intake.confirm(article=article, choices=[choice])
        assert outcome.updated == [vague]
        assert not outcome.created
        vague.refresh_from_db()
        assert vague.date == "2024-11-14"
        assert Ceremony.objects.count() == 1
        assert list(vague.sources.all()) == [outcome.source]

    def test_an_equal_stored_event_is_shown_and_not_ticked(self, gazetteer):
        sukchon = County.objects.get(name="Sukchon")
        stored = factories.ceremony(kind="inauguration", date="2025-01-08", county=sukchon)
        [event] = read(
            "The inauguration in Sukchon County took place on January 8.", "2025-01-10"
        ).events
        assert event.existing == stored
        assert not event.ticked
        assert event.reasons == ["Already stored; tick it to cite this report on it."]

    def test_confirming_makes_the_new_factories_and_links_them(self, gazetteer):
        onchon = County.objects.get(name="Onchon")
        choice = intake.Choice(
            kind="inauguration",
            date="2025-01-20",
            county=onchon,
            province=onchon.province,
            new_factories=["Onchon Paper Mill"],
        )
        article = Source(title="Onchon", publisher="KCNA", published="2025-01-21", full_text="…")
        outcome = intake.confirm(article=article, choices=[choice])
        mill = Factory.objects.get(name="Onchon Paper Mill")
        assert outcome.factories == [mill]
        assert list(outcome.created[0].factories.all()) == [mill]
        assert list(mill.sources.all()) == [outcome.source]
        assert mill.inauguration_lower == datetime.date(2025, 1, 20)
