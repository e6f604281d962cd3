import pytest
from django.contrib.auth import get_user_model


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
