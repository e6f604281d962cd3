"""A history version for every change, and none for a save that changes nothing."""

from events import seed
from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province

HISTORIES = [Province, County, Factory, Ceremony, GuidanceVisit, Source]


def versions() -> list[int]:
    return [model.history.count() for model in HISTORIES]


def test_loading_the_seed_again_adds_no_version(seeded):
    before = versions()
    seed.load()
    assert versions() == before


def test_saving_a_record_as_it_was_adds_no_version_and_a_change_adds_one(seeded):
    county = County.objects.get(slug="songchon")
    before = county.history.count()
    county.save()
    assert county.history.count() == before
    county.aliases = "Songcheon"
    county.save()
    assert county.history.count() == before + 1
    assert county.history.first().aliases == "Songcheon"
