"""Heavy public answers (the whole-record archive, whole-list CSV downloads) built once per
generation of the data (regiondev/caching.py), kept in the `downloads` storage and streamed
from there.

A request reads the generation and what is stored for its address in one round trip to the
cache. A stored answer of the current generation is streamed with an ETag and Last-Modified
from its generation, and a repeat holding it gets 304. Otherwise one build is started: an
RQ job where a queue is configured, so that no web worker spends seconds on it; in the
request itself where there is none (`make run`, a small record). Until it is stored, every
request gets the previous generation's answer, marked with that generation's validators,
or, when there is none yet, a 503 with Retry-After. A lock in the cache keeps one build per
address at a time, however many clients ask.

A stored answer is also built again once it is MAX_AGE old, whatever the generation: where
each process keeps its own cache (local memory under several gunicorn workers) a process
does not see another's writes, and this bounds how long it serves what it built.

When the cache is unreachable nothing is known of what is stored, so these answers are 503
until it is back: the database is never asked for the whole record once per request.
"""

import datetime
import hashlib
import logging
import tempfile
import time
from typing import NamedTuple
from urllib.parse import urlsplit

import django_rq
from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import storages
from django.db import close_old_connections
from django.http import FileResponse, HttpRequest, QueryDict
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.module_loading import import_string
from redis.exceptions import RedisError
from rest_framework import exceptions, status

from regiondev.caching import GENERATION_KEY, generation, with_validators

logger = logging.getLogger(__name__)

STORAGE = "downloads"
# A build still running after this long (or whose worker died) may be started again.
BUILD_SECONDS = 600
RETRY_AFTER = 10
MAX_AGE = 60 * 60


class NotBuiltYet(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "This download is being prepared. Ask again in a few seconds."
    default_code = "not_built_yet"
    wait = RETRY_AFTER  # REST framework sends it as Retry-After


class Stored(NamedTuple):
    """An answer in storage and the generation of the data it was built from."""

    generation: int
    name: str
    built_at: float

    @property
    def last_modified(self) -> int:
        return self.generation // 1_000_000_000

    def current(self, generation: int) -> bool:
        return self.generation == generation and time.time() - self.built_at < MAX_AGE


def day_of(made: int) -> datetime.date:
    """The day a generation began: the date the data were last changed."""
    return timezone.localdate(datetime.datetime.fromtimestamp(made / 1e9, tz=datetime.UTC))


def digest(address: str) -> str:
    return hashlib.blake2b(address.encode(), digest_size=12).hexdigest()


def read(key: str) -> tuple[int, Stored | None]:
    """The current generation and what is stored for `key`."""
    entry = f"prebuilt:{key}"
    values = cache.get_many([GENERATION_KEY, entry])
    stored = values.get(entry)
    return values.get(GENERATION_KEY) or generation(), Stored(*stored) if stored else None


def serve(request, *, address: str, builder, filename: str, content_type: str):
    """The answer at `address` (scheme, host, path and only the query that changes it), as
    `builder(request, day, target)`, a module-level function, writes it into the binary file
    `target`. `filename` names the attachment; `{date}` in it is the data's date."""
    key = digest(address)
    current, stored = read(key)
    if stored is None or not stored.current(current):
        start(builder, address)
        if not settings.RQ_QUEUES:  # built by now, unless another request is building it
            current, stored = read(key)
    if stored is None:
        raise NotBuiltYet
    # Weak: two builds of one generation hold the same data, not the same bytes (zip times).
    etag = f'W/"{stored.generation:x}-{key}"'
    validators = {"etag": etag, "last_modified": stored.last_modified}
    not_modified = get_conditional_response(request, **validators)
    if not_modified is not None:
        return with_validators(not_modified, **validators)
    try:
        # Closed by the FileResponse once it is sent.
        file = storages[STORAGE].open(stored.name, "rb")
    except FileNotFoundError:  # deleted by another process's build: build it again
        cache.delete(f"prebuilt:{key}")
        start(builder, address)
        raise NotBuiltYet from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=filename.format(date=day_of(stored.generation).isoformat()),
        content_type=content_type,
    )
    return with_validators(response, **validators)


def start(builder, address: str) -> None:
    """Build the answer at `address` now, or queue its build; nothing when one is running."""
    lock = f"prebuilt:{digest(address)}:building"
    if not cache.add(lock, True, BUILD_SECONDS):
        return
    builder_name = f"{builder.__module__}.{builder.__qualname__}"
    if not settings.RQ_QUEUES:
        build(builder_name, address)
        return
    try:
        django_rq.get_queue("default", commit_mode="auto").enqueue(
            build_in_worker, builder_name, address, job_timeout=BUILD_SECONDS, result_ttl=0
        )
    except RedisError as error:
        logger.warning("The build of %s could not be queued: %s", address, error)
        cache.delete(lock)


def build_in_worker(builder_name: str, address: str) -> None:
    """The RQ job: a worker's database connection may have been closed since its last job."""
    close_old_connections()
    build(builder_name, address)


def build(builder_name: str, address: str) -> None:
    """Build the answer at `address` from the data as they are, store it under the current
    generation, and delete what no request can be served any more."""
    key = digest(address)
    storage = storages[STORAGE]
    try:
        made = generation()
        with tempfile.TemporaryFile() as target:
            import_string(builder_name)(AddressedRequest(address), day_of(made), target)
            target.seek(0)
            name = storage.save(f"{key}/{made:020d}", File(target))
        built = Stored(made, name, time.time())
        _, previous = read(key)
        newest = built if previous is None or previous.generation <= made else previous
        cache.set(f"prebuilt:{key}", tuple(newest), None)
        if previous is not None:
            # What was built before the answer served until now (named by its generation).
            for older in storage.listdir(key)[1]:
                if int(older[:20]) < previous.generation:
                    storage.delete(f"{key}/{older}")
    finally:
        cache.delete(f"prebuilt:{key}:building")


class AddressedRequest(HttpRequest):
    """A GET of `address` and nothing more: what a build needs of the request that asked
    for it (its absolute links), rebuilt where that request is gone (an RQ worker)."""

    def __init__(self, address: str):
        super().__init__()
        parts = urlsplit(address)
        self.method = "GET"
        self.path = self.path_info = parts.path
        self.GET = QueryDict(parts.query)
        self.META = {
            "HTTP_HOST": parts.netloc,
            "SERVER_NAME": parts.hostname,
            "SERVER_PORT": str(parts.port or (443 if parts.scheme == "https" else 80)),
            "QUERY_STRING": parts.query,
        }
        self.address_scheme = parts.scheme

    def _get_scheme(self) -> str:
        return self.address_scheme
