import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves its cached pages,
    throttle counts and cache generation behind, which the next test must not see."""
    cache.clear()


@pytest.fixture(scope="session")
def seed_snapshot(tmp_path_factory):
    """Where the first test to load the seed dataset leaves a copy of the rows, and what the
    load reported."""
    return {"path": tmp_path_factory.mktemp("seed") / "seed.json", "counts": None}


@pytest.fixture
def seeded(db, seed_snapshot):
    """The seed dataset, loaded as `make run` loads it: once per run through the loader, and
    then from a copy of the rows it wrote (loaddata), which takes a fraction of the time."""
    from django.core.management import call_command

    from events import seed

    if seed_snapshot["counts"] is None:
        seed_snapshot["counts"] = seed.load()
        call_command("dumpdata", "sites", "events", output=str(seed_snapshot["path"]))
    else:
        call_command("loaddata", str(seed_snapshot["path"]), verbosity=0)
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
