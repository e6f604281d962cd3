"""A server-side cache for read-heavy pages and API lists, with HTTP validators.

Every entry carries the data's *generation*: a number kept in the cache and replaced
whenever a record changes (post_save, post_delete or m2m_changed of any model of `sites` or
`events`), and read with the entry in one round trip. An entry of an earlier generation is
never served, so a change makes every earlier entry stale at once, with no list of keys to
find and delete; the next request replaces it, or it expires. The number
is a timestamp, so it also gives each response its Last-Modified, and with the request it
gives an ETag: a client repeating a request with If-None-Match or If-Modified-Since gets 304
without the view running at all. CachedAnswerMiddleware answers repeats before the view is
called; `cached_response`, in the view, answers the rest and stores what it renders.

Only visitors without a session (no login, no messages) are served from the cache, and only
answers that are the same for every such visitor are stored: a 200 that set no cookie and
used no CSRF token. Staff always see the database as it is. An entry is keyed on the whole
address asked for (scheme, host and port included, since bodies hold absolute links) and on
`Accept`, so no request can leave an answer that another address would be served.

The cache only speeds things up: when Redis refuses, drops or stalls a call
(FailSoftRedisCache), every page and API answer comes from the database and the throttle lets
requests through, with a warning in the log, until Redis answers again.
"""

import hashlib
import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "regiondev:generation"
WATCHED_APPS = frozenset({"sites", "events"})
# Entries also expire, which bounds what a lagging read replica could leave behind.
TIMEOUT = 300
# What a stored answer keeps besides its body.
KEPT_HEADERS = ("Content-Type", "Link", "Content-Disposition", "Allow", "Vary")
# Seconds a process leaves Redis alone after a call failed: a Redis that hangs costs one
# request a socket timeout every so often, not every request.
RETRY_AFTER = 5


def fail_soft(method, fallback):
    def guarded(self, *args, **kwargs):
        return self.attempt(lambda: method(self, *args, **kwargs), fallback)

    return guarded


class FailSoftRedisCache(RedisCache):
    """django-redis whose calls never fail a request: a refused, dropped or timed-out call
    (short timeouts, settings.CACHES) answers as a miss (`get` its default, `add` and `set`
    nothing stored, `incr` 0, so a throttle lets the request through) and logs one warning;
    for RETRY_AFTER seconds after it, calls are not even tried. When Redis answers again, the
    generation is replaced: writes made meanwhile could not replace it."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.down_until = 0.0
        self.failed = False

    @property
    def available(self) -> bool:
        return time.monotonic() >= self.down_until

    def attempt(self, call, fallback):
        """`call()`, or `fallback` when Redis fails it or is resting after a failure."""
        if not self.available:
            return fallback
        try:
            answer = call()
        except (ConnectionInterrupted, RedisError, OSError) as error:
            self.down_until = time.monotonic() + RETRY_AFTER
            if not self.failed:
                logger.warning(
                    "The cache (Redis) is unreachable (%s): pages and the API are answered "
                    "from the database and the API throttle counts nothing until it is back.",
                    error,
                )
            self.failed = True
            return fallback
        if self.failed:
            self.failed = False
            logger.warning("The cache (Redis) answers again.")
            self.delete(GENERATION_KEY)
        return answer

    def get(self, key, default=None, version=None, client=None):
        return self.attempt(lambda: RedisCache.get(self, key, default, version, client), default)

    get_many = fail_soft(RedisCache.get_many, {})
    set = fail_soft(RedisCache.set, False)
    add = fail_soft(RedisCache.add, False)
    incr = fail_soft(RedisCache.incr, 0)
    delete = fail_soft(RedisCache.delete, False)
    clear = fail_soft(RedisCache.clear, False)


def cache_available() -> bool:
    return getattr(caches["default"], "available", True)


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:  # first use, or the cache was emptied: a new generation
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY) or time.time_ns()
    return value


def bump_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def data_changed(sender, **kwargs):
    if sender._meta.app_label not in WATCHED_APPS:
        return
    bump_generation()
    # Again once the change is committed: a request that read the old rows between this
    # signal and the commit may have stored them under the generation just made.
    transaction.on_commit(bump_generation)


def cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and cache_available()
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class Lookup(NamedTuple):
    """What the cache holds for a request: its key, the current generation, and the stored
    entry (None, or a (generation, content, headers) tuple)."""

    key: str
    digest: str
    generation: int
    entry: tuple | None

    @property
    def etag(self) -> str:
        return f'"{self.generation:x}-{self.digest}"'

    @property
    def last_modified(self) -> int:
        return self.generation // 1_000_000_000

    @property
    def current(self) -> bool:
        return self.entry is not None and self.entry[0] == self.generation


def lookup(request, counters: tuple[tuple[str, int], ...] = ()) -> Lookup:
    """The request's entry and the generation, read once per request; with them, in the same
    round trip, each of `counters` (throttle counters, see `count`) is counted."""
    found = getattr(request, "_cache_lookup", None)
    if found is None:
        asked = f"{request.build_absolute_uri()}\n{request.headers.get('Accept', '')}"
        digest = hashlib.blake2b(asked.encode(), digest_size=12).hexdigest()
        key = f"answer:{digest}"
        values, counts = read_and_count([GENERATION_KEY, key], counters)
        if counters:
            request.throttle_counts = dict(zip(counters, counts, strict=True))
        found = Lookup(key, digest, values.get(GENERATION_KEY) or generation(), values.get(key))
        request._cache_lookup = found
    return found


def read_and_count(keys: list[str], counters) -> tuple[dict, list[int]]:
    """`cache.get_many(keys)`, and each counter (key, seconds to live) incremented: in one
    round trip to Redis (a pipeline), in one call each on other caches."""
    backend = caches["default"]
    if not counters or not isinstance(backend, RedisCache):
        return cache.get_many(keys), [count(*counter) for counter in counters]
    client = backend.client

    def round_trip():
        pipeline = client.get_client(write=True).pipeline(transaction=False)
        pipeline.mget([client.make_key(key) for key in keys])
        for key, timeout in counters:
            made = client.make_key(key)
            pipeline.set(made, 0, ex=timeout, nx=True)  # the window's first request makes it
            pipeline.incr(made)
        return pipeline.execute()

    nothing = [[None] * len(keys)] + [None, 0] * len(counters)
    answers = backend.attempt(round_trip, nothing) if hasattr(backend, "attempt") else round_trip()
    values = {
        key: client.decode(value)
        for key, value in zip(keys, answers[0], strict=True)
        if value is not None
    }
    return values, answers[2::2]


def count(key: str, timeout: int) -> int:
    """The counter `key` incremented, made with `timeout` seconds to live when it is new."""
    try:
        return cache.incr(key)
    except ValueError:  # the counter's first increment
        return 1 if cache.add(key, 1, timeout) else cache.incr(key)


def stored_answer(request, found: Lookup) -> HttpResponse | None:
    """A 304 when the client holds the current answer, else the current entry's answer;
    None when there is neither."""
    not_modified = get_conditional_response(
        request, etag=found.etag, last_modified=found.last_modified
    )
    if not_modified is not None:
        return validated(not_modified, found)
    if found.current:
        _, content, headers = found.entry
        return validated(HttpResponse(content, headers=headers), found)
    return None


def cached_response(request, render) -> HttpResponse:
    """The answer `render()` gives this request, from the cache when it holds it.

    `render` returns a response; a template or REST framework response is rendered here.
    """
    if not cacheable_request(request):
        return render()
    found = lookup(request)
    answer = stored_answer(request, found)
    if answer is not None:
        return answer
    response = render()
    if hasattr(response, "render"):
        response.render()
    if not cacheable_response(request, response):
        return response
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    cache.set(found.key, (found.generation, response.content, headers), TIMEOUT)
    return validated(response, found)


class CachedAnswerMiddleware:
    """Serves a current entry before the view and REST framework run: a repeat costs the
    URL's resolution and one round trip to the cache besides the other middleware, which
    still see the request and the answer, so its headers are the view's.

    Only addresses whose view answers through `cached_response` are looked up (CachedPageMixin
    pages, and API actions a viewset names in `cached_actions`). An API repeat is counted by
    the view's throttles first; one past a rate goes on to the view, where REST framework
    refuses it with its 429.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if cacheable_request(request):
            view = cached_view(request.path_info)
            if view is not None:
                throttles = [throttle() for throttle in getattr(view, "throttle_classes", ())]
                # Counted with the lookup when the throttle says how (AnonymousThrottle).
                counters = (t.counter(request) for t in throttles if hasattr(t, "counter"))
                found = lookup(request, tuple(filter(None, counters)))
                if found.current and all(t.allow_request(request, None) for t in throttles):
                    return stored_answer(request, found)
        return self.get_response(request)


def cached_view(path: str):
    """The class of the view at `path` when it answers GET through `cached_response`."""
    try:
        view = resolve(path).func
    except Resolver404:
        return None
    if hasattr(view, "actions"):  # a REST framework viewset
        cached = view.actions.get("get") in getattr(view.cls, "cached_actions", ())
        return view.cls if cached else None
    view_class = getattr(view, "view_class", None)
    return view_class if view_class and issubclass(view_class, CachedPageMixin) else None


def validated(response, found: Lookup):
    return with_validators(response, etag=found.etag, last_modified=found.last_modified)


def with_validators(response, *, etag: str, last_modified: int):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Shared caches and browsers may keep it, but must ask again before each reuse.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


class CachedPageMixin:
    """For a read-heavy page view: served through `cached_response`."""

    def dispatch(self, request, *args, **kwargs):
        return cached_response(
            request, lambda: super(CachedPageMixin, self).dispatch(request, *args, **kwargs)
        )
