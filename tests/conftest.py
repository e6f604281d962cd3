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
def default_language():
    """Each test starts in the default language, as each request does: a request for a Korean
    page leaves Korean active in the thread, where the next test's reverse() would see it."""
    with translation.override(None):
        yield


@pytest.fixture
def seeded(db):
    """The seed dataset, loaded as `make run` loads it."""
    from events import seed

    return seed.load()


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
