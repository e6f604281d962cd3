"""What the benchmark measures and where: its database, scale, samples and the app's
environment, read once from BENCH_* variables (docs/performance.md)."""

import os
import secrets
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/regiondev_bench"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
FACTORIES = int(os.environ.get("BENCH_FACTORIES", 100_000))
EVENTS = int(os.environ.get("BENCH_EVENTS", 1_000_000))
SAMPLES = int(os.environ.get("BENCH_SAMPLES", 25))  # per median, at most
SAMPLE_SECONDS = float(os.environ.get("BENCH_SAMPLE_SECONDS", 6))  # per median, at most
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", 12))  # per URL and cache, in all
LOAD_ROUNDS = 3  # the URLs take turns, a wrk run each a round
SETTLE_SECONDS = 2
PAGE_SIZE = 100
# Page 500 at full scale; the last full page of a smaller data set.
DEEP_PAGE = max(1, min(500, FACTORIES // 100))
CSV_ROWS = 10_000
# A fast path stays only where its view is this many times as fast as its plain version.
FAST_PATH_GAIN = 1.5
# Where the plain versions of views with a code path of their own answer (bench/urls.py).
PLAIN = "/bench/plain"
REDIS_CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/7")

# The app as production runs it, on the benchmark database. The API throttle is lifted:
# the load generator is one client asking thousands of times a second.
APP_ENV = {
    "REGIONDEV_BENCH": "true",
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "API_ANON_RATE": "100000000/second",
    "STATIC_ROOT": str(BASE_DIR / "var" / "bench-static"),
    "CACHE_URL": "dummycache://",
}
