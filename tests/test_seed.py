from django.core.management import call_command

from events.models import Ceremony, GuidanceVisit, Source
from events.seed import ARTICLE_TITLE
from sites.models import County, Factory, Province

MODELS = [Province, County, Factory, Ceremony, GuidanceVisit, Source]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_leaves_the_same_rows(db):
    call_command("load_seed", verbosity=0)
    first = counts()
    call_command("load_seed", verbosity=0)
    assert counts() == first
    assert first["Province"] == 13
    assert first["County"] == 201


def test_songchon_as_the_article_states_it(seeded):
    article = Source.objects.get(title=ARTICLE_TITLE)
    songchon = County.objects.get(slug="songchon")
    assert songchon.province.name == "South Phyongan"
    assert songchon.programme_year == 2024
    groundbreaking = Ceremony.objects.get(county=songchon, kind="groundbreaking")
    inauguration = Ceremony.objects.get(county=songchon, kind="inauguration")
    assert groundbreaking.date == "2024-02-21/2024-02-29"
    assert inauguration.date == "2024-12-20"
    for ceremony in (groundbreaking, inauguration):
        assert ceremony.leader_present
        assert list(ceremony.sources.all()) == [article]
    factory = Factory.objects.get(county=songchon)
    assert factory.status == "operating"
    assert str(factory.construction_time) == "295–303 days"


def test_what_the_article_does_not_say_stays_empty(seeded):
    assert County.objects.exclude(programme_year=None).count() == 1
    assert Factory.objects.count() == 1
    unnamed = Ceremony.objects.get(kind="groundbreaking", county=None)
    assert unnamed.date == "2024"
    sinpho = GuidanceVisit.objects.get(county__name="Sinpho")
    assert (sinpho.kind, sinpho.date, sinpho.place_name) == (
        "consultative meeting",
        "2024-07",
        "the shore in Sinpho",
    )
    north_phyongan = GuidanceVisit.objects.get(county=None, province__iso_code="KP-03")
    assert north_phyongan.kind == "field guidance"


def test_every_record_cites_the_article_and_keeps_its_text(seeded):
    article = Source.objects.get()
    assert "On December 20, 2024 an inauguration ceremony" in article.full_text
    assert article.published == "2025"
    for model in (Ceremony, GuidanceVisit):
        assert not model.objects.filter(sources=None).exists()
    assert not Factory.objects.filter(sources=None).exists()


def test_every_province_has_its_iso_code(seeded):
    assert not Province.objects.filter(iso_code=None).exists()
    assert Province.objects.get(iso_code="KP-02").name == "South Phyongan"
