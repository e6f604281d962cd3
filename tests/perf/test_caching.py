"""The server-side cache: one generation for all data, bumped by every change; validators."""

import uuid
from unittest import mock

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from environ import Env
from redis.client import Pipeline, Redis

from regiondev import caching
from tests import factories as make
from tests.services import REDIS, needs_redis

pytestmark = pytest.mark.django_db


def counting_view():
    calls = []

    def render():
        calls.append(1)
        return HttpResponse(f"answer {len(calls)}", headers={"Link": "<next>; rel=next"})

    return render, calls


def get(path="/api/factories/", **headers):
    return RequestFactory().get(path, headers=headers)


def test_a_repeat_is_served_from_the_cache():
    render, calls = counting_view()
    first = caching.cached_response(get(), render)
    second = caching.cached_response(get(), render)
    assert len(calls) == 1
    assert second.content == first.content == b"answer 1"
    assert second["Link"] == "<next>; rel=next"
    assert second["ETag"] == first["ETag"]


def test_each_query_string_and_format_is_its_own_entry():
    render, calls = counting_view()
    caching.cached_response(get("/api/factories/?status=operating"), render)
    caching.cached_response(get("/api/factories/?status=planned"), render)
    caching.cached_response(get("/api/factories/?status=planned", accept="text/csv"), render)
    assert len(calls) == 3


@pytest.mark.parametrize(
    "change",
    [
        lambda: make.factory(),
        lambda: make.county().delete(),
        lambda: make.ceremony().factories.add(make.factory()),
        lambda: make.source(),
    ],
    ids=["save", "delete", "m2m", "source"],
)
def test_any_change_to_the_data_starts_a_new_generation(change):
    render, calls = counting_view()
    before = caching.cached_response(get(), render)
    change()
    after = caching.cached_response(get(), render)
    assert len(calls) == 2
    assert after.content == b"answer 2"
    assert after["ETag"] != before["ETag"]


def test_the_generation_is_bumped_again_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make.province()
    assert caching.bump_generation in callbacks


def test_a_repeat_with_the_etag_is_304_without_running_the_view():
    render, calls = counting_view()
    etag = caching.cached_response(get(), render)["ETag"]
    response = caching.cached_response(get(if_none_match=etag), render)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert len(calls) == 1


def test_a_repeat_with_last_modified_is_304():
    render, _ = counting_view()
    last_modified = caching.cached_response(get(), render)["Last-Modified"]
    assert caching.cached_response(get(if_modified_since=last_modified), render).status_code == 304


def test_a_stale_etag_gets_the_new_answer():
    render, _ = counting_view()
    etag = caching.cached_response(get(), render)["ETag"]
    make.factory()
    response = caching.cached_response(get(if_none_match=etag), render)
    assert response.status_code == 200
    assert response.content == b"answer 2"


@pytest.mark.parametrize(
    "request_",
    [
        RequestFactory().post("/api/factories/"),
        RequestFactory().get("/", headers={"authorization": "Token abc"}),
        RequestFactory().get("/", headers={"cookie": "sessionid=abc"}),
        RequestFactory().get("/", headers={"cookie": "messages=abc"}),
    ],
    ids=["write", "token", "session", "messages"],
)
def test_signed_in_visitors_and_writes_bypass_the_cache(request_):
    render, calls = counting_view()
    caching.cached_response(request_, render)
    response = caching.cached_response(request_, render)
    assert len(calls) == 2
    assert not response.has_header("ETag")


def test_answers_that_differ_per_visitor_are_not_stored():
    calls = []

    def with_cookie():
        calls.append(1)
        response = HttpResponse("hello")
        response.set_cookie("csrftoken", "x")
        return response

    def not_found():
        calls.append(1)
        return HttpResponse("missing", status=404)

    for render in (with_cookie, not_found):
        caching.cached_response(get(), render)
        caching.cached_response(get(), render)
    assert len(calls) == 4


def test_a_lost_generation_starts_a_new_one():
    render, calls = counting_view()
    caching.cached_response(get(), render)
    cache.delete(caching.GENERATION_KEY)
    caching.cached_response(get(), render)
    assert len(calls) == 2


def test_a_repeat_is_answered_before_the_view_runs_with_the_same_headers(client):
    county = make.county(name="Songchon", slug="songchon")
    first = client.get(county.get_absolute_url())
    with mock.patch(
        "web.views.places.CountyDetailView.dispatch", side_effect=AssertionError("view ran")
    ):
        second = client.get(county.get_absolute_url())
    assert second.status_code == 200
    assert second.content == first.content
    for header in ("Content-Type", "ETag", "X-Frame-Options", "Content-Security-Policy"):
        assert second[header] == first[header]


@override_settings(API_ANON_RATE="3/minute")
def test_repeats_answered_from_the_cache_still_count_toward_the_throttle(client):
    make.factory()
    answers = [client.get("/api/factories/") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert answers[2].content == answers[0].content
    refused = client.get("/api/factories/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()


def counted(method, calls: list):
    def wrapper(self, *args, **kwargs):
        calls.append(method.__name__)
        return method(self, *args, **kwargs)

    return wrapper


@needs_redis
@override_settings(API_ANON_RATE="3/minute")
def test_on_redis_a_repeat_and_its_throttle_count_take_one_round_trip(client):
    redis_url = f"redis://{REDIS[0]}:{REDIS[1]}/15?key_prefix=answers-{uuid.uuid4().hex}"
    with override_settings(CACHES={"default": Env.cache_url_config(redis_url)}):
        try:
            make.factory()
            first = client.get("/api/factories/")
            round_trips = []
            with (
                mock.patch.object(Pipeline, "execute", counted(Pipeline.execute, round_trips)),
                mock.patch.object(
                    Redis, "execute_command", counted(Redis.execute_command, round_trips)
                ),
                mock.patch(
                    "sites.api.views.FactoryViewSet.list", side_effect=AssertionError("view ran")
                ),
            ):
                repeats = [client.get("/api/factories/") for _ in range(2)]
            assert [repeat.content for repeat in repeats] == [first.content] * 2
            assert round_trips == ["execute", "execute"]  # a pipeline each, nothing else
            refused = client.get("/api/factories/")
            assert refused.status_code == 429
            assert "throttled" in refused.json()["detail"].lower()
        finally:
            cache.clear()


@pytest.mark.parametrize(
    "poison",
    [{"HTTP_HOST": "127.0.0.1:1"}, {"HTTP_HOST": "attacker.localhost"}, {"secure": True}],
    ids=["port", "host", "scheme"],
)
@override_settings(ALLOWED_HOSTS=["127.0.0.1", "testserver", ".localhost"])
def test_an_answer_for_another_address_is_never_served_to_this_one(client, poison):
    """Cache poisoning: a request with another Host, port or scheme must not leave links to
    that address for the next visitor who asks the plain address."""
    make.factory(slug="songchon-shoes")
    poisoned = client.get("/api/factories/", **poison)
    assert poisoned.status_code == 200
    plain = client.get("/api/factories/")
    assert "http://testserver/api/factories/songchon-shoes/" in plain.content.decode()
    for foreign in ("127.0.0.1:1", "attacker.localhost", "https://"):
        assert foreign not in plain.content.decode()
