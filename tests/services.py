"""The machine's services some tests need beyond the database."""

import os
import socket
from contextlib import contextmanager

import pytest

REDIS = ("127.0.0.1", 6379)


def redis_reachable() -> bool:
    try:
        socket.create_connection(REDIS, timeout=1).close()
        return True
    except OSError:
        return False


# Skipped on a laptop without Redis; CI starts Redis and runs them, so there they never skip.
needs_redis = pytest.mark.skipif(
    not redis_reachable() and not os.environ.get("CI"), reason="needs the Redis at 127.0.0.1:6379"
)


@contextmanager
def rq_queue_on_redis(database: int):
    """RQ's default queue on the Redis at REDIS, in its own `database` (a test module's
    own, so that runs elsewhere do not empty it), emptied before and after."""
    import django_rq
    from django.test import override_settings

    url = f"redis://{REDIS[0]}:{REDIS[1]}/{database}"
    with override_settings(RQ_QUEUES={"default": {"URL": url, "DEFAULT_TIMEOUT": 600}}):
        queue = django_rq.get_queue("default")
        queue.empty()
        yield queue
        queue.empty()
