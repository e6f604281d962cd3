"""The intake's score: what it ticks on a pack of reports against the facts they support."""

import csv
from pathlib import Path

import pytest
from django.conf import settings

from events import seed
from staff.intake import scoring

PACK = Path(settings.BASE_DIR).parent / "shared" / "sources" / "pack"
PACK_KO = PACK.parent / "pack-ko"


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


@pytest.mark.skipif(
    not (PACK / "facts.csv").exists(), reason="the source pack is not beside the checkout"
)
def test_the_pack_english_reports_are_read_to_the_bar(gazetteer):
    tallies = scoring.score(PACK)
    english = tallies["en"]
    assert english.facts >= 20
    assert english.recall >= 0.95
    assert english.precision >= 0.95
    assert english.wrong == []  # no ticked proposal is wrong
    assert tallies["de"].recall >= 0.85


@pytest.mark.skipif(
    not (PACK_KO / "facts.csv").exists(), reason="the Korean pack is not beside the checkout"
)
def test_the_korean_pack_is_read_to_the_bar(gazetteer):
    korean = scoring.score(PACK_KO)["ko"]
    assert korean.facts >= 10
    assert korean.recall >= 0.90
    assert korean.precision >= 0.95
    assert korean.wrong == []


def write_pack(folder: Path, texts: dict[str, tuple[str, str]], facts: list[dict]) -> Path:
    (folder / "texts").mkdir()
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, ["source", "title", "published", "language", "text"])
        writer.writeheader()
        for name, (published, text) in texts.items():
            (folder / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
            writer.writerow(
                {
                    "source": name,
                    "title": name,
                    "published": published,
                    "language": "en",
                    "text": f"texts/{name}.txt",
                }
            )
    columns = [
        "source",
        "county_as_written",
        "province_as_written",
        "event_kind",
        "date_iso_or_edtf",
    ]
    with (folder / "facts.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        writer.writerows(facts)
    return folder


def test_a_folder_of_the_same_layout_is_scored_per_language(gazetteer, tmp_path):
    folder = write_pack(
        tmp_path,
        {
            "hamju": (
                "2025-01-20",
                "An inauguration ceremony in Hamju County took place on January 18.",
            ),
            "yomju": (
                "2025-12-27",
                "Im Kreis Yomju wurden am 26. Dezember die Betriebe eingeweiht.",
            ),
            "kujang": ("2025-01-25", "Kim Jong Un visited factories in the county."),
        },
        [
            {
                "source": "hamju",
                "county_as_written": "Hamju",
                "province_as_written": "South Hamgyong",
                "event_kind": "inauguration",
                "date_iso_or_edtf": "2025-01-18",
            },
            # Not one to tick: a year only.
            {
                "source": "hamju",
                "county_as_written": "Hamju",
                "province_as_written": "",
                "event_kind": "groundbreaking",
                "date_iso_or_edtf": "2024",
            },
            {
                "source": "yomju",
                "county_as_written": "Yomju",
                "province_as_written": "Nord-Phyongan",
                "event_kind": "inauguration",
                "date_iso_or_edtf": "2025-12-26",
            },
            # The text does not name the county: a miss.
            {
                "source": "kujang",
                "county_as_written": "Kujang",
                "province_as_written": "",
                "event_kind": "field_guidance",
                "date_iso_or_edtf": "2025-01-24",
            },
        ],
    )
    tallies = scoring.score(folder)
    assert (tallies["en"].facts, tallies["en"].found, tallies["en"].ticked) == (2, 1, 1)
    assert tallies["en"].misses == ["kujang: field guidance, Kujang, 2025-01-24"]
    assert (tallies["de"].facts, tallies["de"].found, tallies["de"].right) == (1, 1, 1)
    table = scoring.report({folder: tallies})
    assert f"| {folder.name} | de | 1 | 1 | 1 | 1 | 1 | 100.0% | 100.0% | 0 |" in table
    assert f"| {folder.name} | en | 2 | 2 | 1 | 1 | 1 | 50.0% | 100.0% | 0 |" in table
    assert f"{folder.name}, missed (en): kujang: field guidance, Kujang, 2025-01-24" in table
