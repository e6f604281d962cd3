"""The synthetic data set: marked, consistent with what the app derives, kept apart."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from bench import synthetic
from bench.management.commands import generate_synthetic
from bench.management.commands.generate_synthetic import bench_database
from events.milestones import milestones
from events.models import Ceremony, GuidanceVisit, Photo, Source
from events.seed import load_gazetteer
from events.services import save_ceremony
from regiondev import dates
from sites.models import County, Factory
from sites.search import search_keys
from sites.services import save_factory

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="synthetic data is written with PostgreSQL's COPY"
)


@pytest.mark.parametrize(
    "url",
    [
        "postgres://postgres@127.0.0.1:5432/regiondev",
        "postgres://postgres@127.0.0.1:5432/regiondev_ci",
        "sqlite:///var/bench.sqlite3",
    ],
)
def test_refuses_any_database_but_a_postgresql_bench_database(url):
    with pytest.raises(CommandError):
        bench_database(url)


def test_accepts_a_bench_database():
    assert bench_database("postgres://postgres@127.0.0.1:5432/regiondev_bench")["NAME"] == (
        "regiondev_bench"
    )


@pytest.mark.django_db
def test_the_command_writes_nothing_into_the_working_database(seeded):
    before = Factory.objects.count(), Ceremony.objects.count()
    with pytest.raises(CommandError, match="must contain “bench”"):
        call_command(
            generate_synthetic.Command(),
            database_url="postgres://postgres@127.0.0.1:5432/regiondev",
            factories=10,
            events=10,
        )
    assert (Factory.objects.count(), Ceremony.objects.count()) == before


@pytest.mark.django_db
def test_the_command_refuses_a_scale_beyond_the_benchmark():
    with pytest.raises(CommandError, match="--events"):
        call_command(generate_synthetic.Command(), factories=10, events=2_000_000)


@pytest.fixture
def generated(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_gazetteer()
    return synthetic.generate(factories=40, events=400, seed=7)


@postgresql_only
class TestGeneratedData:
    def test_writes_the_asked_scale(self, generated):
        assert Factory.objects.count() == generated.factories == 40
        assert Ceremony.objects.count() + GuidanceVisit.objects.count() == 400
        assert Ceremony.objects.count() == generated.ceremonies == 120
        assert Source.objects.count() == generated.sources == 40
        assert Photo.objects.count() == generated.photos == 20

    def test_marks_every_row(self, generated):
        assert all(
            name.startswith("[synthetic] ")
            for name in Factory.objects.values_list("name", flat=True)
        )
        assert all(
            slug.startswith("synthetic-") for slug in Factory.objects.values_list("slug", flat=True)
        )
        for model in (Ceremony, GuidanceVisit):
            assert not model.objects.exclude(summary__startswith="[synthetic]").exists()
        assert not Source.objects.exclude(title__startswith="[synthetic]").exists()
        assert not Photo.objects.exclude(caption__startswith="[synthetic]").exists()

    def test_real_places_stay_as_they_were(self, generated):
        assert County.objects.count() == 201
        assert not County.objects.filter(name__contains="synthetic").exists()

    def test_derived_fields_match_what_the_app_computes(self, generated):
        for factory in Factory.objects.all():
            stored = {field: getattr(factory, field) for field in milestones(factory)}
            assert stored == milestones(factory)
            assert factory.search_keys == search_keys([factory.name])
        assert set(Factory.objects.values_list("status", flat=True)) == {
            "planned",
            "under construction",
            "operating",
        }
        for model in (Ceremony, GuidanceVisit, Source):
            field = "published" if model is Source else "date"
            for text, lower, upper in model.objects.values_list(
                field, f"{field}_lower", f"{field}_upper"
            ):
                parsed = dates.read(text)
                assert (parsed.lower, parsed.upper) == (lower, upper)

    def test_events_are_held_where_their_factories_are(self, generated):
        for visit in GuidanceVisit.objects.prefetch_related("factories"):
            assert visit.factories.exists()
            assert {f.county_id for f in visit.factories.all()} == {visit.county_id}
            assert visit.province_id == visit.county.province_id
        assert not Ceremony.objects.filter(factories__isnull=True).exists()

    def test_every_record_cites_a_source(self, generated):
        assert not Ceremony.objects.filter(sources__isnull=True).exists()
        assert not GuidanceVisit.objects.filter(sources__isnull=True).exists()
        assert not Factory.objects.filter(sources__isnull=True).exists()

    def test_the_app_writes_on_after_it(self, generated):
        """Sequences continue past the copied ids, and the services write on after it."""
        county = County.objects.first()
        factory = save_factory(county=county, name="Real factory")
        report = Source.objects.first()
        save_ceremony(kind="groundbreaking", date="2034-05", factories=[factory], sources=[report])
        factory.refresh_from_db()
        assert factory.status == "under construction"

    def test_the_same_seed_makes_the_same_data(self, generated):
        first = list(Factory.objects.order_by("id").values_list("name", "status"))
        Photo.objects.all().delete()
        for model in (Ceremony, GuidanceVisit, Factory, Source):
            model.objects.all().delete()
        synthetic.generate(factories=40, events=400, seed=7)
        assert list(Factory.objects.order_by("id").values_list("name", "status")) == first


def foreign_keys() -> set:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE contype = 'f'"
        )
        return set(cursor.fetchall())


@postgresql_only
@pytest.mark.django_db
def test_foreign_keys_dropped_for_the_load_come_back(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_gazetteer()
    before = foreign_keys()
    synthetic.generate(factories=5, events=20)
    assert foreign_keys() == before
