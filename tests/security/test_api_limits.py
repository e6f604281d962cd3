"""API limits: page sizes capped, anonymous reads throttled per client in the shared cache,
ordering only on whitelisted, indexed fields."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from regiondev.api.pagination import KeysetPagination
from sites.models import County
from tests import factories
from tests.services import REDIS, needs_redis

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(autouse=True)
def clean_throttle():
    cache.clear()
    yield
    cache.clear()


def test_a_huge_page_size_returns_at_most_the_cap(client, db):
    province = factories.province()
    County.objects.bulk_create(
        County(province=province, name=f"County {n}", slug=f"county-{n:04}")
        for n in range(KeysetPagination.max_page_size + 20)
    )
    response = client.get("/api/counties/", {"page_size": 1000000})
    assert response.status_code == 200
    assert len(response.json()["results"]) == KeysetPagination.max_page_size == 500
    assert response.json()["next"]


@override_settings(API_ANON_RATE="3/minute")
def test_the_anonymous_throttle_answers_429_past_its_rate_per_client(client, db):
    for _ in range(3):
        assert client.get("/api/provinces/").status_code == 200
    refused = client.get("/api/provinces/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()
    # Another client address still reads; a forged X-Forwarded-For is no other client.
    assert client.get("/api/provinces/", REMOTE_ADDR="203.0.113.7").status_code == 200
    forged = client.get("/api/provinces/", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert forged.status_code == 429


# Another app server: a separate process reading the API with the same cache.
OTHER_WORKER = """
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
print([Client().get("/api/provinces/").status_code for _ in range(3)])
"""


@needs_redis
def test_every_worker_counts_in_the_same_shared_cache(client, db, tmp_path):
    """Requests served by another process count against the same client's rate."""
    redis_url = f"redis://{REDIS[0]}:{REDIS[1]}/15?key_prefix=throttle-test-{uuid.uuid4().hex}"
    from environ import Env

    shared = {"default": Env.cache_url_config(redis_url)}
    env = {
        **os.environ,
        "CACHE_URL": redis_url,
        "API_ANON_RATE": "3/minute",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
    }
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert migrate.returncode == 0, migrate.stderr
    other = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", OTHER_WORKER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert other.returncode == 0, other.stderr
    assert other.stdout.strip().splitlines()[-1] == "[200, 200, 200]"
    with override_settings(CACHES=shared, API_ANON_RATE="3/minute"):
        from django.core.cache import caches

        try:
            assert client.get("/api/provinces/").status_code == 429
        finally:
            caches["default"].clear()


ORDERED_ENDPOINTS = [
    "provinces",
    "counties",
    "factories",
    "ceremonies",
    "guidance-visits",
    "sources",
    "photos",
]


def indexed_columns(model) -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {
        info["columns"][0]
        for info in constraints.values()
        if (info["index"] or info["unique"] or info["primary_key"]) and info["columns"]
    }


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ORDERED_ENDPOINTS)
def test_every_offered_ordering_is_on_an_indexed_column(client, endpoint):
    from django.urls import resolve

    view = resolve(f"/api/{endpoint}/").func
    filterset = view.cls.filterset_class
    ordering = filterset.base_filters["ordering"]
    model = filterset._meta.model
    indexed = indexed_columns(model)
    for field_name in ordering.param_map.values():
        column = model._meta.get_field(field_name).column
        assert column in indexed, f"{endpoint}: ordering by {field_name} has no index"


@pytest.mark.django_db
def test_an_ordering_off_the_whitelist_is_refused(client):
    response = client.get("/api/counties/", {"ordering": "search_keys"})
    assert response.status_code == 400
    assert "ordering" in response.json()
