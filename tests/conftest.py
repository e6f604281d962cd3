import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves its cached pages,
    throttle counts and cache generation behind, which the next test must not see."""
    cache.clear()


@pytest.fixture(autouse=True)
def downloads_storage(settings, tmp_path):
    """Each test keeps the downloads it builds (regiondev/prebuilt.py) in a folder of its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "downloads": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "downloads"},
        },
    }


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, as each request does: a request for a Korean
    page leaves Korean active in the thread, where the next test's reverse() would see it."""
    with translation.override(None):
        yield


@pytest.fixture(scope="session")
def seed_snapshot():
    """The rows the first test to load the seed dataset got, and what the load reported."""
    return {}


def seed_tables():
    """Every table the seed dataset writes: the models of sites and events, their history and
    their link tables."""
    from django.apps import apps

    for app in ("sites", "events"):
        yield from apps.get_app_config(app).get_models(include_auto_created=True)


@pytest.fixture
def seeded(db, seed_snapshot):
    """The seed dataset, loaded as `make run` loads it: once per run through the loader, and
    then as copies of the rows it wrote, which take a fraction of the time."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from events import seed

    if not seed_snapshot:
        seed_snapshot["counts"] = seed.load()
        seed_snapshot["rows"] = [(model, list(model.objects.all())) for model in seed_tables()]
        return seed_snapshot["counts"]
    # One transaction, so that links are checked once every table is back (a transactional
    # test has none around it, and the tables are not listed in link order).
    with transaction.atomic():
        for model, rows in seed_snapshot["rows"]:
            model.objects.bulk_create(rows)
    models = [model for model, _ in seed_snapshot["rows"]]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    return seed_snapshot["counts"]


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("staff", "staff@example.org", "pw-staff-123")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries, db):
    """pytest-django's, after Django's one-time probe of SQLite's JSON support (three
    statements on a connection's first JSON query), which would count in whichever test
    came first."""
    from django.db import connection

    assert connection.features.supports_json_field
    return django_assert_num_queries
