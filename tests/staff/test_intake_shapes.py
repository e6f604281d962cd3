"""The shapes reports are written in, each read from sentences written for the test (none is
copied from a report of the source packs), in English and Korean where the shape exists."""

import pytest

from events import seed
from staff import intake


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


def read(text: str, published: str, **fields):
    return intake.read_article(text=text, published=published, title="A report", **fields)


def ticked(reading) -> set[tuple]:
    return {(event.kind, event.county.name, event.date) for event in reading.ticked}


def test_the_hoeyang_report_pasted_by_hand(gazetteer):
    reading = read(
        "Pyongyang, March 5 (KCNA) -- A ceremony for starting the construction of a "
        "regional-industry factory was held in Hoeyang County, Kangwon Province on March 4.\n"
        "Kim Tok Hun, premier of the Cabinet, made a speech.",
        "2025-03-05",
    )
    assert ticked(reading) == {("groundbreaking", "Hoeyang", "2025-03-04")}
    (event,) = reading.ticked
    assert event.province.name == "Kangwon"
    assert event.speakers == ["Kim Tok Hun (premier of the Cabinet)"]


class TestEventWords:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Workers broke ground for a foodstuff factory in Kowon County on May 12.",
            "A ground-breaking ceremony for new factories took place in Kowon County on May 12.",
            "The groundbreaking of a hospital in Kowon County was held on May 12.",
            "A ceremony for starting the construction of a garment mill was held in Kowon "
            "County on May 12.",
            "Construction of regional-industry factories began in Kowon County on May 12.",
            "On May 12 the construction of a soap factory started in Kowon County.",
            "고원군 지방공업공장 착공식이 12일에 진행되였다.",
            "고원군에서 5월 12일 지방발전정책대상 건설착공식이 있었다.",
        ],
    )
    def test_a_groundbreaking(self, gazetteer, sentence):
        assert ticked(read(sentence, "2025-05-13")) == {("groundbreaking", "Kowon", "2025-05-12")}

    @pytest.mark.parametrize(
        "sentence",
        [
            "Factories in Anak County were inaugurated on the 9th.",
            "An inaugural ceremony for the county hospital was held in Anak County on June 9.",
            "The completion of new factories was celebrated in Anak County on June 9.",
            "A commissioning ceremony of the paper mill in Anak County took place on June 9.",
            "안악군 지방공업공장 준공식이 9일에 성대히 진행되였다.",
            "6월 9일 안악군의 새 공장들이 준공되였다.",
        ],
    )
    def test_an_inauguration(self, gazetteer, sentence):
        assert ticked(read(sentence, "2025-06-10")) == {("inauguration", "Anak", "2025-06-09")}

    @pytest.mark.parametrize(
        "sentence",
        [
            "Kim Jong Un gave field guidance at the construction site in Sinchon County on "
            "Tuesday.",
            "The General Secretary inspected the factories being built in Sinchon County on "
            "Tuesday.",
            "Kim Jong Un looked round the new county hospital in Sinchon County on Tuesday.",
            "김정은동지께서 화요일에 신천군 지방공업공장건설장을 현지지도하시였다.",
            "경애하는 총비서동지께서 화요일 신천군의 건설장을 돌아보시였다.",
            "국무위원장께서 화요일에 신천군 공장건설을 현지료해하시였다.",
        ],
    )
    def test_field_guidance(self, gazetteer, sentence):
        assert ticked(read(sentence, "2025-04-03")) == {("field guidance", "Sinchon", "2025-04-01")}

    @pytest.mark.parametrize(
        "sentence",
        [
            "A consultative meeting on regional development was held in Sinpho on July 19.",
            "Officials met for a consultative meeting in Sinpho City on July 19.",
            "신포시에서 지방경제발전을 위한 협의회가 7월 19일에 진행되였다.",
            "7월 19일 신포시에서 현지료해 협의회가 있었다.",
        ],
    )
    def test_a_consultative_meeting(self, gazetteer, sentence):
        assert ticked(read(sentence, "2024-07-21")) == {
            ("consultative meeting", "Sinpho", "2024-07-19")
        }

    @pytest.mark.parametrize(
        "sentence",
        [
            "Preparations for the inauguration of the factories in Anak County were discussed "
            "on June 9.",
            "Since the ground-breaking in Anak County on June 9, work has gone fast.",
            "안악군 지방공업공장들은 준공을 앞두고 6월 9일 마감공사를 다그치고있다.",
        ],
    )
    def test_a_kind_only_mentioned_is_no_event(self, gazetteer, sentence):
        assert ticked(read(sentence, "2025-06-10")) == set()


class TestWho:
    @pytest.mark.parametrize(
        ("sentence", "speaker"),
        [
            (
                "Ri Chol Man, chief secretary of the provincial committee, made a speech.",
                "Ri Chol Man (chief secretary of the provincial committee)",
            ),
            (
                "Jo Song Ho, a vice-premier, delivered a congratulatory speech.",
                "Jo Song Ho (a vice-premier)",
            ),
            ("Vice-Premier Jon Hyon Chol made a speech.", "Jon Hyon Chol (Vice-Premier)"),
            (
                "Chief Secretary Kang Myong Su addressed the ceremony.",
                "Kang Myong Su (Chief Secretary)",
            ),
            ("내각 부총리 전현철동지가 준공사를 하였다.", "전현철 (내각 부총리)"),
            (
                "도당위원회 책임비서 강명수동지는 착공사에서 강조하였다.",
                "강명수 (도당위원회 책임비서)",
            ),
        ],
    )
    def test_the_speaker_with_the_title_before_or_after(self, gazetteer, sentence, speaker):
        reading = read(
            f"Factories in Anak County were inaugurated on June 9. {sentence}", "2025-06-10"
        )
        if "동지" in sentence:
            reading = read(
                f"안악군 지방공업공장 준공식이 9일에 진행되였다. {sentence}", "2025-06-10"
            )
        (event,) = reading.ticked
        assert event.speakers == [speaker]

    @pytest.mark.parametrize(
        "sentence",
        [
            "The Chairman of the State Affairs attended the ceremony.",
            "The General Secretary was present at the ceremony.",
            "Kim Jong Un attended it and cut the tape.",
            "총비서동지께서 준공식에 참석하시였다.",
            "경애하는 김정은동지께서 준공식에 참석하시였다.",
        ],
    )
    def test_the_leader_named_by_his_title_is_present(self, gazetteer, sentence):
        first = (
            "안악군 지방공업공장 준공식이 9일에 진행되였다."
            if "동지" in sentence
            else "Factories in Anak County were inaugurated on June 9."
        )
        (event,) = read(f"{first} {sentence}", "2025-06-10").ticked
        assert event.leader_present
        assert event.leader_presence == "yes"

    @pytest.mark.parametrize(
        ("sentence", "present"),
        [
            (
                "Present there were officials of the county and builders.",
                "officials of the county and builders",
            ),
            ("It was attended by Ri Il Hwan and local people.", "Ri Il Hwan and local people"),
            ("Local officials and workers were present.", "Local officials and workers"),
            ("도와 군의 일군들과 근로자들이 준공식에 참가하였다.", "도와 군의 일군들과 근로자들"),
        ],
    )
    def test_who_was_present_without_the_leader(self, gazetteer, sentence, present):
        first = (
            "안악군 지방공업공장 준공식이 9일에 진행되였다."
            if "준공식" in sentence
            else "Factories in Anak County were inaugurated on June 9."
        )
        (event,) = read(f"{first} {sentence}", "2025-06-10").ticked
        assert event.present == present
        assert not event.leader_present
        assert event.leader_presence == "no"


class TestPlaces:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Construction began at regional-industry factories in Anak County, Kowon County "
            "and Sinpho City respectively on March 2.",
            "Ground-breaking ceremonies took place in Anak, Kowon and Sinpho on March 2, "
            "respectively.",
            "안악군, 고원군, 신포시에서 3월 2일 지방공업공장 착공식이 각각 진행되였다.",
        ],
    )
    def test_several_places_in_one_sentence(self, gazetteer, sentence):
        assert ticked(read(sentence, "2025-03-03")) == {
            ("groundbreaking", "Anak", "2025-03-02"),
            ("groundbreaking", "Kowon", "2025-03-02"),
            ("groundbreaking", "Sinpho", "2025-03-02"),
        }

    @pytest.mark.parametrize(
        "place",
        [
            "Hoeyang County, Kangwon Province",
            "Hoeyang County of Kangwon-do",
            "Hoeyang-gun, Kangwŏn",
            "강원도 회양군",
        ],
    )
    def test_a_province_qualifier_in_any_form(self, gazetteer, place):
        reading = read(f"Factories in {place} were inaugurated on June 9.", "2025-06-10")
        (event,) = reading.ticked
        assert (event.county.name, event.province.name) == ("Hoeyang", "Kangwon")

    def test_a_province_in_german(self, gazetteer):
        reading = read(
            "Im Kreis Hoeyang des Bezirkes Kangwon wurden am 9. Juni Fabriken eingeweiht.",
            "2025-06-10",
        )
        assert ticked(reading) == {("inauguration", "Hoeyang", "2025-06-09")}

    @pytest.mark.parametrize(
        ("sentence", "province"),
        [
            (
                "Factories in Unsan County, North Phyongan Province were inaugurated on June 9.",
                "North Phyongan",
            ),
            (
                "Factories in Unsan County of South Phyongan were inaugurated on June 9.",
                "South Phyongan",
            ),
            ("평안북도 운산군 지방공업공장 준공식이 9일에 진행되였다.", "North Phyongan"),
        ],
    )
    def test_a_twin_name_is_resolved_by_its_province(self, gazetteer, sentence, province):
        (event,) = read(sentence, "2025-06-10").ticked
        assert (event.county.name, event.province.name) == ("Unsan", province)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Factories in Unsan County were inaugurated on June 9.",
            "The new plant in Unsan was inaugurated on June 9.",
        ],
    )
    def test_a_twin_name_without_its_province_is_left_to_staff(self, gazetteer, sentence):
        reading = read(sentence, "2025-06-10")
        assert reading.ticked == []
        (event,) = reading.events
        assert {county.province.name for county in event.candidates} == {
            "North Phyongan",
            "South Phyongan",
        }

    @pytest.mark.parametrize(
        ("sentence", "county"),
        [
            ("룡강군 지방공업공장 준공식이 9일에 진행되였다.", "Ryonggang"),
            ("용강군 지방공업공장 준공식이 9일에 진행되었다.", "Ryonggang"),
            ("락원군에서 지방공업공장들이 9일 준공되였다.", "Rakwon"),
            ("낙원군에서 지방공업공장들이 9일 준공되었다.", "Rakwon"),
            ("리원군 지방공업공장 준공식이 9일에 진행되였다.", "Riwon"),
            ("영변군 지방공업공장 준공식이 9일에 진행되었다.", "Nyongbyon"),
        ],
    )
    def test_dprk_and_southern_orthography_read_alike(self, gazetteer, sentence, county):
        assert ticked(read(sentence, "2025-06-10")) == {("inauguration", county, "2025-06-09")}


class TestDates:
    @pytest.mark.parametrize(
        ("sentence", "published", "day"),
        [
            ("Factories in Anak County were inaugurated on Saturday.", "2025-06-10", "2025-06-07"),
            (
                "An inauguration took place in Anak County the previous day.",
                "2025-06-10",
                "2025-06-09",
            ),
            ("Anak County's factories were inaugurated on the 15th.", "2025-06-17", "2025-06-15"),
            ("Anak County's factories were inaugurated on the 28th.", "2025-06-02", "2025-05-28"),
            ("안악군 지방공업공장 준공식이 20일에 진행되였다.", "2025-06-21", "2025-06-20"),
            ("안악군 지방공업공장 준공식이 2월 28일에 진행되였다.", "2025-03-02", "2025-02-28"),
            ("안악군 지방공업공장 준공식이 오늘 진행된다.", "2025-06-10", "2025-06-10"),
            ("안악군 지방공업공장 준공식이 토요일에 진행되였다.", "2025-06-10", "2025-06-07"),
            ("어제 안악군에서 지방공업공장들이 준공되였다.", "2025-06-10", "2025-06-09"),
        ],
    )
    def test_relative_dates_count_from_the_report(self, gazetteer, sentence, published, day):
        assert ticked(read(sentence, published)) == {("inauguration", "Anak", day)}

    @pytest.mark.parametrize(
        "text",
        [
            "Pyongyang, June 10 (KCNA) -- Factories in Anak County were inaugurated on June 8.",
            "(평양 6월 10일발 조선중앙통신) 안악군 지방공업공장 준공식이 8일에 진행되였다.",
        ],
    )
    def test_the_dateline_is_the_reports_date_and_place_not_the_events(self, gazetteer, text):
        reading = read(text, "2025")
        assert reading.published.text == "2025-06-10"
        assert ticked(reading) == {("inauguration", "Anak", "2025-06-08")}

    @pytest.mark.parametrize(
        "text",
        [
            "A groundbreaking was held in Kowon County on May 12. In his speech he said: "
            "today a ceremony of breaking ground is held here in Kowon County.",
            "고원군 지방공업공장 착공식이 12일에 진행되였다. 연설자는 오늘 고원군에서 착공식을 "
            "한다고 말하였다.",
        ],
    )
    def test_a_day_the_report_gives_wins_over_today_in_a_quoted_speech(self, gazetteer, text):
        assert ticked(read(text, "2025-05-13")) == {("groundbreaking", "Kowon", "2025-05-12")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("安岳郡で地方工業工場の竣工式が6月9日に行われた。" * 3, "Japanese"),
        (
            "Une cérémonie d'inauguration des usines a eu lieu dans le district d'Anak le "
            "9 juin, en présence des responsables locaux.",
            "a language not told",
        ),
    ],
)
def test_a_language_the_intake_does_not_read_is_named(gazetteer, text, language):
    reading = read(text, "2025-06-10")
    assert reading.problems == [
        f"The text is written in {language}; the intake reads English, Korean, German reports."
    ]
