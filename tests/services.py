"""The machine's services some tests need beyond the database."""

import os
import socket

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
