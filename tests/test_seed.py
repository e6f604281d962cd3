import csv
import shutil

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from events import seed
from events.models import Ceremony, Citation, GuidanceVisit, Source
from sites.models import County, Factory, Province

MODELS = [Province, County, Factory, Ceremony, GuidanceVisit, Source, Citation]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def history_counts():
    return {
        model.__name__: model.objects.count()
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
    }


def test_loading_twice_changes_nothing_and_adds_no_history(db):
    call_command("load_seed", verbosity=0)
    first, first_history = counts(), history_counts()
    call_command("load_seed", verbosity=0)
    assert counts() == first
    assert history_counts() == first_history
    assert first["Province"] == 13
    assert first["County"] == 201


@pytest.fixture
def seed_copy(tmp_path, monkeypatch):
    """The seed files in a folder of their own, to break."""
    copy = tmp_path / "seed"
    shutil.copytree(seed.SEED_DIR, copy, ignore=shutil.ignore_patterns("*.py"))
    monkeypatch.setattr(seed, "SEED_DIR", copy)
    monkeypatch.setattr(seed, "GAZETTEER", copy / "gazetteer.csv")
    return copy


def break_line(path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_malformed_row_stops_the_load_and_leaves_the_database_as_it_was(seeded, seed_copy):
    before, history = counts(), history_counts()
    songchon = County.objects.get(name_ko="성천군")
    # A change early in the load that must not survive the failure later on.
    break_line(seed_copy / "counties.csv", 2, "Songchon", "Songchon Renamed")
    events = seed_copy / "events.csv"
    line = next(
        number
        for number, text in enumerate(events.read_text(encoding="utf-8").split("\n"), 1)
        if ",2025-01-14," in text
    )
    break_line(events, line, ",2025-01-14,", ",2025-14-01,")

    with pytest.raises(CommandError) as failure:
        call_command("load_seed", verbosity=0)

    assert f"events.csv, line {line}: date:" in str(failure.value)
    assert "2025-14-01" in str(failure.value)
    assert counts() == before
    assert history_counts() == history
    songchon.refresh_from_db()
    assert songchon.name == "Songchon"


def test_a_row_with_a_missing_cell_names_its_file_and_line(db, seed_copy):
    sources = seed_copy / "sources.csv"
    lines = sources.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3].rsplit(",", 1)[0]
    sources.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(seed.SeedError, match=r"sources.csv, line 4: wrong number of columns"):
        seed.load()
    assert not County.objects.exists()


def test_a_quote_from_other_media_is_refused(db, seed_copy):
    path = seed_copy / "citations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    index = next(i for i, row in enumerate(rows) if row["source"].startswith("joongangdaily"))
    rows[index]["quote"] = "Their own words."
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(seed.SeedError, match=rf"citations.csv, line {index + 2}: a quote is kept"):
        seed.load()


def test_the_cohorts_and_the_2026_starts(seeded, client):
    by_year = {
        year: set(County.objects.filter(programme_year=year).values_list("name", flat=True))
        for year in (2024, 2025, 2026)
    }
    assert len(by_year[2024]) == 20
    assert len(by_year[2025]) == 19
    assert by_year[2026] == {"Unryul", "Kangnam", "Maengsan", "Sinuiju"}
    assert {"Songchon", "Kusong", "Kim Hyong Jik", "Jangphung", "Unsan"} <= by_year[2024]
    assert {"Kangdong", "Sinpho", "Kaephung", "Kim Jong Suk", "Unsan"} <= by_year[2025]
    response = client.get(reverse("api:county-list"), {"programme_year": 2024})
    assert len(response.json()["results"]) == 20


def test_the_two_unsans_are_two_counties_keyed_on_hangul_and_province(seeded):
    north = County.objects.get(name_ko="운산군", province__iso_code="KP-03")
    south = County.objects.get(name_ko="은산군", province__iso_code="KP-02")
    assert (north.name, south.name) == ("Unsan", "Unsan")
    assert north.slug != south.slug
    assert (north.programme_year, south.programme_year) == (2024, 2025)
    assert Factory.objects.get(county=south, sector="paper").name == "Unsan Paper Mill"
    assert not Factory.objects.filter(county=north, sector="paper").exists()
    assert list(County.objects.search("Eunsan")) == [south]


PACK_SPELLINGS = [
    ("Soncheon", "성천군"),
    ("Seongcheon", "성천군"),
    ("Gujang", "구장군"),
    ("Eunchon", "은천군"),
    ("Eunsan", "은산군"),
    ("Kimhyongjik", "김형직군"),
    ("Changphung", "장풍군"),
    ("Gangdong", "강동군"),
    ("Changyon", "장연군"),
    ("Bullyeong", "부령군"),
    ("Yonggang", "룡강군"),
    ("Rangrim", "랑림군"),
    ("Daegwan", "대관군"),
    ("Cheorwon", "철원군"),
    ("Sinpo", "신포시"),
    ("Shinpo", "신포시"),
    ("Unryul", "은률군"),
    ("Unnyul", "은률군"),
    ("Mangsan", "맹산군"),
]


def test_every_spelling_of_the_pack_finds_its_county(seeded):
    for spelling, hangul in PACK_SPELLINGS:
        found = {county.name_ko for county in County.objects.search(spelling)}
        assert hangul in found, spelling


def test_the_gazetteer_coordinates_are_loaded(seeded):
    assert County.objects.exclude(latitude=None).count() == 181
    assert County.objects.filter(programme_year__isnull=False, latitude=None).count() == 0
    songchon = County.objects.get(name_ko="성천군")
    assert (str(songchon.latitude), str(songchon.longitude)) == ("39.252800", "126.215800")


def test_every_event_and_factory_cites_a_source(seeded):
    assert not Ceremony.objects.filter(citations=None).exists()
    assert not GuidanceVisit.objects.filter(citations=None).exists()
    assert not Factory.objects.filter(citations=None).exists()
    assert Ceremony.objects.count() + GuidanceVisit.objects.count() > 90


def test_no_two_events_share_county_kind_dates_and_factories(seeded):
    for model in (Ceremony, GuidanceVisit):
        events = list(model.objects.prefetch_related("factories"))
        for index, event in enumerate(events):
            for other in events[index + 1 :]:
                same = (event.county_id, event.province_id, event.kind) == (
                    other.county_id,
                    other.province_id,
                    other.kind,
                )
                overlapping = (
                    event.date_lower <= other.date_upper and other.date_lower <= event.date_upper
                )
                same_factories = set(event.factories.all()) == set(other.factories.all())
                assert not (same and overlapping and same_factories), (event, other)


def test_every_factory_has_its_path_from_groundbreaking_to_inauguration(seeded):
    # The pack has no ceremony of Kusong, Usi, Ichon or Orang, but the 20th inauguration of 11
    # February 2025 closed the first year: all 20 of 2024 are inaugurated, those four by then.
    built = set(
        Factory.objects.filter(status="operating", county__programme_year=2024).values_list(
            "county__name", flat=True
        )
    )
    cohort = set(County.objects.filter(programme_year=2024).values_list("name", flat=True))
    assert cohort - built == set()
    usi = Factory.objects.get(slug="usi-regional-industry-factories")
    assert usi.inauguration_date == "2024-12/2025-02-11"
    songchon = Factory.objects.get(slug="songchon-regional-industry-factories")
    assert (songchon.groundbreaking_date, songchon.inauguration_date) == (
        "2024-02-28",
        "2024-12-20",
    )


def test_texts_and_quotes_are_kept_from_state_media_only(seeded):
    assert not Source.objects.filter(state_media=False).exclude(full_text="").exists()
    assert not Citation.objects.filter(source__state_media=False).exclude(quote="").exists()
    unsan = Source.objects.get(key="kcna-2025-02-08-unsan-npyongan-inaugurated")
    assert "Unsan County, North Phyongan Province" in unsan.full_text
    assert Source.objects.filter(state_media=True).exclude(full_text="").count() >= 40
    assert Source.objects.values("publisher").distinct().count() >= 35


def test_the_founding_article_is_one_citation_among_others(seeded):
    article = Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2")
    assert "On December 20, 2024 an inauguration ceremony" in article.full_text
    groundbreaking = Ceremony.objects.get(county__name_ko="성천군", kind="groundbreaking")
    claim = groundbreaking.citations.get(source=article)
    assert (claim.date, claim.follows) == ("2024-02-21/2024-02-29", False)
    assert groundbreaking.date == "2024-02-28"
    assert groundbreaking.citations.count() >= 6
    assert groundbreaking.speakers == "Kim Jong Un"


def test_a_county_with_half_its_coordinates_is_refused_in_words(db, seed_copy):
    """The load checks every constraint as staff's writes are checked, not the database's
    words after the fact."""
    path = seed_copy / "gazetteer.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    index = next(i for i, row in enumerate(rows) if row["level"] == "county" and row["lat"])
    rows[index]["lon"] = ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(
        seed.SeedError,
        match=rf"gazetteer.csv, line {index + 2}: Give both latitude and longitude, or neither.",
    ):
        seed.load()
    assert not County.objects.exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [(",Hamju regional-industry factories,", ",Hamju Factories,"), (",other", ",foodstuff")],
)
def test_a_reload_writes_a_changed_factory_through_its_service(seeded, seed_copy, old, new):
    """What the seed does not say (products, coordinates, sources) stays as staff wrote it, and
    the change is recorded in the factory's history like any other."""
    path = seed_copy / "factories.csv"
    line = next(
        number
        for number, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if text.startswith("hamju-regional-industry-factories,")
    )
    factory = Factory.objects.get(slug="hamju-regional-industry-factories")
    factory.products, factory.latitude, factory.longitude = "Soy sauce", 39.25, 126.2
    factory.save()
    citations = factory.citations.count()
    versions = factory.history.count()
    break_line(path, line, old, new)
    seed.load()
    factory.refresh_from_db()
    assert new.strip(",") in (factory.name, factory.sector)
    assert (factory.products, float(factory.latitude), float(factory.longitude)) == (
        "Soy sauce",
        39.25,
        126.2,
    )
    assert factory.citations.count() == citations
    assert factory.history.count() == versions + 1
