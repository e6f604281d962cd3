import pytest

from sites.models import County
from sites.search import search_key, search_keys


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Songchon", "songchon"),
        ("Sŏngch'ŏn", "songchon"),
        ("Sŏngch’ŏn-gun", "songchon"),
        ("songchon-gun", "songchon"),
        ("Songchon County", "songchon"),
        ("SONGCHON kun", "songchon"),
        ("성천군", "성천"),
        ("Sinp'o si", "sinpo"),
        ("Ryongsŏng-guyŏk", "ryongsong"),
        ("", ""),
        ("  - ", ""),
    ],
)
def test_search_key_ignores_case_marks_punctuation_and_suffixes(spelling, key):
    assert search_key(spelling) == key


def test_a_lone_suffix_word_is_kept():
    """ "Si" alone is a search for something, not an empty query."""
    assert search_key("si") == "si"


def test_stored_keys_are_distinct_and_delimited():
    assert search_keys(["Songchon", "Sŏngch'ŏn-gun", "성천군", ""]) == " songchon 성천 "


@pytest.mark.parametrize(
    "spelling", ["Songchon", "Sŏngch'ŏn", "Seongcheon", "성천", "songchon-gun"]
)
def test_every_spelling_finds_songchon(seeded, spelling):
    assert [county.name for county in County.objects.search(spelling)] == ["Songchon"]


@pytest.mark.parametrize("spelling", ["Unpha", "Ŭnp'a", "Unpa", "Eunpa", "은파"])
def test_every_spelling_finds_unpha(seeded, spelling):
    assert [county.name for county in County.objects.search(spelling)] == ["Unpha"]


@pytest.mark.parametrize(
    ("spelling", "name"), [("Changyon", "Jangyon"), ("Kaepung", "Kaephung"), ("Yontan", "Yonthan")]
)
def test_the_gazetteer_spelling_finds_a_place_the_record_names_as_the_dprk_does(
    seeded, spelling, name
):
    assert [county.name for county in County.objects.search(spelling)] == [name]


def test_search_keys_follow_a_rename(seeded):
    county = County.objects.get(slug="songchon")
    county.aliases = "Songcheon"
    county.save()
    assert list(County.objects.search("songcheon")) == [county]
    county.aliases = ""
    county.save(update_fields=["aliases"])
    assert not County.objects.search("songcheon").exists()


def test_an_empty_query_finds_nothing(seeded):
    assert not County.objects.search("  ").exists()
