"""Redis is an accelerator: refused, or accepting and never answering, the site still answers
every page, API read and API write from the database, quickly, and says so in the log."""

import importlib.util
import logging
import os
import socket
import threading
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse

from regiondev import caching
from tests import factories as make

SETTINGS_FILE = caching.__file__.replace("caching.py", "settings.py")


def cache_setting(url: str) -> dict:
    """CACHES as the settings module makes it from CACHE_URL=url."""
    with mock.patch.dict(os.environ, {"CACHE_URL": url}):
        spec = importlib.util.spec_from_file_location("settings_for_test", SETTINGS_FILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module.CACHES


@pytest.fixture
def refusing_port():
    """A port where nothing listens (and the connections it accepted: none)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1], []


@pytest.fixture
def hanging_port():
    """A server that accepts connections and never answers (a stalled Redis); it lets go of
    each after 3 s, so a client without a timeout fails instead of waiting for ever."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def serve():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            held.append(connection)
            threading.Timer(3, connection.close).start()

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()[1], held
    server.close()
    for connection in held:
        connection.close()


@pytest.fixture
def world(db):
    factory = make.factory()
    return {
        "pages": [
            reverse("sites:home"),
            factory.county.get_absolute_url(),
            factory.county.province.get_absolute_url(),
            factory.get_absolute_url(),
            "/api/docs/",
        ],
        "reads": ["/api/factories/", f"/api/factories/{factory.slug}/", "/api/counties/"],
    }


@pytest.fixture
def writer(db):
    from django.contrib.auth.models import Permission
    from rest_framework.test import APIClient

    from accounts.models import ApiToken

    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    _, secret = ApiToken.issue(user, "tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def make_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("writer", password="unused-pw-123")


@pytest.mark.parametrize("port_fixture", ["refusing_port", "hanging_port"], ids=["down", "hanging"])
def test_pages_api_reads_and_writes_answer_without_redis(
    request, port_fixture, world, writer, client, caplog
):
    port, connections = request.getfixturevalue(port_fixture)
    with (
        override_settings(CACHES=cache_setting(f"redis://127.0.0.1:{port}/0")),
        caplog.at_level(logging.WARNING, logger="regiondev.caching"),
    ):
        for path in world["pages"] + world["reads"]:
            for _ in range(2):  # a repeat would be served from the cache
                assert client.get(path).status_code == 200, path
        created = writer.post(
            "/api/sources/",
            {"title": "Written while Redis is away", "publisher": "KCNA"},
            format="json",
        )
    assert created.status_code == 201, created.content
    # One short timeout at the outage's start, then Redis is left alone: not one per request.
    assert len(connections) <= 1
    assert "answered from the database" in caplog.text


def test_the_throttle_fails_open_while_redis_is_away(refusing_port, world, client, caplog):
    port, _ = refusing_port
    with (
        override_settings(
            CACHES=cache_setting(f"redis://127.0.0.1:{port}/0"), API_ANON_RATE="2/hour"
        ),
        caplog.at_level(logging.WARNING, logger="regiondev.caching"),
    ):
        statuses = [client.get("/api/counties/").status_code for _ in range(5)]
    assert statuses == [200] * 5
    assert "throttle counts nothing" in caplog.text


def test_when_redis_is_back_the_cache_serves_no_answer_older_than_a_change_made_meanwhile(
    world,
):
    """A write while Redis was away could not replace the generation: the first call after
    the outage does, so entries stored before it are never served."""
    backend = caching.FailSoftRedisCache("redis://127.0.0.1:1/0", {})
    backend.failed = True
    with (
        mock.patch.object(caching.FailSoftRedisCache, "delete") as delete,
        mock.patch.object(caching.RedisCache, "get", return_value="value"),
    ):
        assert backend.get("anything") == "value"
    delete.assert_called_once_with(caching.GENERATION_KEY)
    assert not backend.failed
