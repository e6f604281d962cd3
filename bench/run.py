"""The benchmark: `make bench` (or `python -m bench.run`).

1. Makes sure the benchmark database holds the synthetic data set (generate_synthetic, at
   100,000 factories and 1,000,000 events unless BENCH_FACTORIES / BENCH_EVENTS say less).
2. Medians, in-process through Django's test client with DEBUG off and no cache, of the
   API and the pages, each beside its idiomatic version (the same view written the plain
   way, bench/idiomatic.py) and its floor: the same data read with raw psycopg SQL and
   encoded (as JSON; as CSV for the CSV export).
3. Throughput: gunicorn (gunicorn.conf.py, 2 workers of 4 threads) on 127.0.0.1 under wrk, for the
   API list without a cache and with it warm, a page, and the trivial /healthz, the URLs
   taking turns over three rounds.

It prints one table and writes the same numbers to artifacts/bench/<time>.json. Every step
is bounded in time, and it stops the servers it starts.
"""

import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
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


@dataclass
class Median:
    name: str
    url: str
    fast_path: str  # what the view does beyond the plain way; "" where it is the plain way
    view_ms: float | None
    idiomatic_ms: float | None
    floor_ms: float | None
    queries: int
    idiomatic_queries: int
    failed: str = ""
    ratio: float | None = field(init=False)  # view ÷ floor
    gain: float | None = field(init=False)  # idiomatic ÷ view: what the fast path buys

    def __post_init__(self):
        self.ratio = None if self.failed else self.view_ms / self.floor_ms
        self.gain = None if self.failed else self.idiomatic_ms / self.view_ms


@dataclass
class Load:
    name: str
    url: str
    cache: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    share_of_trivial: float = 0.0


def median_ms(call, *, warmup: int = 2) -> float:
    for _ in range(warmup):
        call()
    samples = []
    deadline = time.perf_counter() + SAMPLE_SECONDS
    while len(samples) < SAMPLES and (len(samples) < 5 or time.perf_counter() < deadline):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


# Step 1 --------------------------------------------------------------------------------------


def ensure_data() -> None:
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "generate_synthetic",
            "--reuse",
            "--database-url",
            DATABASE_URL,
            "--factories",
            str(FACTORIES),
            "--events",
            str(EVENTS),
        ],
        cwd=BASE_DIR,
        env={**os.environ, "REGIONDEV_BENCH": "true"},
        check=True,
        timeout=3600,
    )
    # A database made by an earlier version still gets this version's indexes.
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env={**os.environ, **APP_ENV},
        check=True,
        timeout=1800,
    )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env={**os.environ, **APP_ENV},
        check=True,
        timeout=600,
    )


# Step 2 --------------------------------------------------------------------------------------


def next_link(response) -> str:
    return re.search(r'<([^>]+)>; rel="next"', response["Link"]).group(1)


def in_process_medians() -> list[Median]:
    import django

    os.environ.update(APP_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "regiondev.settings"
    django.setup()
    import psycopg
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from bench import floors

    client = Client()
    raw = psycopg.connect(DATABASE_URL, autocommit=True)
    subjects = floors.subjects(raw)

    def get(url):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    def deep(first_page):
        """The way a client reaches a deep page: following `next`. A cursor holds the path of
        its list, so the plain version follows its own."""
        page, after = first_page, None
        for _ in range(DEEP_PAGE - 1):
            body = get(page).json()
            after = body["results"][-1]["slug"]
            page = body["next"].replace("http://testserver", "")
        return page, after

    first_page = f"/api/factories/?page_size={PAGE_SIZE}"
    with override_settings(ROOT_URLCONF="bench.urls"):
        deep_page, deep_after = deep(first_page)
        plain_deep_page, _ = deep(PLAIN + first_page)

    def csv_export(url):
        def run():
            rows, next_url = 0, url
            while rows < CSV_ROWS:
                response = get(next_url)
                rows += response.content.count(b"\n") - 1
                next_url = next_link(response).replace("http://testserver", "")

        return run

    county, factory = subjects["county"], subjects["factory"]
    lean = "lean rows (sites/lean.py)"
    csv_url = "/api/factories/?format=csv&page_size=500"
    # (name, url, fast path, view, its plain version or None where it is plain, floor)
    cases = [
        (
            "factory list API, first page",
            first_page,
            lean,
            lambda: get(first_page),
            lambda: get(PLAIN + first_page),
            lambda: floors.factory_page(raw, PAGE_SIZE),
        ),
        (
            f"factory list API, page {DEEP_PAGE}",
            deep_page,
            lean,
            lambda: get(deep_page),
            lambda: get(plain_deep_page),
            lambda: floors.factory_page(raw, PAGE_SIZE, after=deep_after),
        ),
        (
            "factory timeline API",
            f"/api/factories/{factory}/timeline/",
            "",
            lambda: get(f"/api/factories/{factory}/timeline/"),
            None,
            lambda: floors.timeline(raw, factory),
        ),
        (
            "county page",
            f"/counties/{county}/",
            "",
            lambda: get(f"/counties/{county}/"),
            None,
            lambda: floors.county_page(raw, county),
        ),
        (
            "factory page",
            f"/factories/{factory}/",
            "",
            lambda: get(f"/factories/{factory}/"),
            None,
            lambda: floors.factory_detail(raw, factory),
        ),
        (
            "home page",
            "/",
            "",
            lambda: get("/"),
            None,
            lambda: floors.home_page(raw),
        ),
        (
            "search",
            "/search/?q=Songchon",
            "",
            lambda: get("/search/?q=Songchon"),
            None,
            lambda: floors.search(raw, "songchon"),
        ),
        (
            f"CSV export, {CSV_ROWS:,} rows",
            "/api/factories/?format=csv (following Link)",
            lean,
            csv_export(csv_url),
            csv_export(PLAIN + csv_url),
            lambda: floors.factory_csv(raw, CSV_ROWS),
        ),
    ]
    results = []
    with override_settings(ROOT_URLCONF="bench.urls"):
        for name, url, fast_path, view, idiomatic, floor in cases:
            try:
                # Counted now: the next request empties the query log the count reads.
                with CaptureQueriesContext(connection) as queries:
                    view()
                query_count = len(queries)
                floor_ms = median_ms(floor)
                view_ms = median_ms(view)
                idiomatic_ms, idiomatic_count = view_ms, query_count
                if idiomatic is not None:
                    with CaptureQueriesContext(connection) as queries:
                        idiomatic()
                    idiomatic_count = len(queries)
                    idiomatic_ms = median_ms(idiomatic)
            except Exception as error:  # one broken view must not hide the others' numbers
                print(f"  {name}: FAILED, {type(error).__name__}: {error}", flush=True)
                results.append(Median(name, url, fast_path, None, None, None, 0, 0, str(error)))
                continue
            results.append(
                Median(
                    name,
                    url,
                    fast_path,
                    view_ms,
                    idiomatic_ms,
                    floor_ms,
                    query_count,
                    idiomatic_count,
                )
            )
            print(
                f"  {name}: {view_ms:.2f} ms (idiomatic {idiomatic_ms:.2f} ms, "
                f"floor {floor_ms:.2f} ms)",
                flush=True,
            )
    raw.close()
    return results


# Step 3 --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Gunicorn:
    """gunicorn with the committed config and 2 workers, for the length of a `with`."""

    def __init__(self, cache_url: str):
        self.port = free_port()
        self.env = {
            **os.environ,
            **APP_ENV,
            "CACHE_URL": cache_url,
            "WEB_CONCURRENCY": "2",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_ACCESSLOG": "/dev/null",
            "GUNICORN_LOGLEVEL": "warning",
        }

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=self.env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # both workers up: the trivial view answers
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer within 60 seconds")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def wrk(url: str, seconds: int) -> dict:
    """requests/s, p50 and p99 in ms, and non-2xx/3xx answers, from one wrk run."""
    output = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout

    def ms(label):
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": ms("50%"),
        "p99_ms": ms("99%"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def throughput(county: str) -> list[Load]:
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: `apt-get install -y wrk` (make bench does it)")
    api = f"/api/factories/?page_size={PAGE_SIZE}"
    page = f"/counties/{county}/"
    runs = [
        (
            "dummycache://",
            "none",
            [("trivial view", "/healthz"), ("factory list API", api), ("county page", page)],
        )
    ]
    warm_cache = REDIS_CACHE_URL if redis_reachable() else "locmemcache://"
    runs.append(
        (
            warm_cache,
            "warm",
            [("trivial view", "/healthz"), ("factory list API", api), ("county page", page)],
        )
    )
    results = []
    for cache_url, cache, targets in runs:
        with Gunicorn(cache_url) as server:
            for _, path in targets:
                wrk(server.url(path), 2)  # warm the workers, their connections and the cache
            # The URLs take turns, so a slow spell of the machine falls on all of them; each
            # URL's figures are those of its median round, its errors those of every round.
            rounds = {path: [] for _, path in targets}
            for _ in range(LOAD_ROUNDS):
                for _, path in targets:
                    seconds = max(1, LOAD_SECONDS // LOAD_ROUNDS)
                    rounds[path].append(wrk(server.url(path), seconds))
                    # The requests wrk left in flight (a slow page's take a second) finish
                    # before the next URL's round, whose tail they would otherwise be.
                    time.sleep(SETTLE_SECONDS)
            for name, path in targets:
                ranked = sorted(rounds[path], key=lambda run: run["requests_per_second"])
                figures = {**ranked[len(ranked) // 2], "errors": sum(r["errors"] for r in ranked)}
                measured = Load(name, path, cache, **figures)
                results.append(measured)
                print(
                    f"  {name} ({cache} cache): {measured.requests_per_second:,.0f} req/s",
                    flush=True,
                )
        trivial = next(r for r in results if r.cache == cache and r.name == "trivial view")
        for result in results:
            if result.cache == cache:
                result.share_of_trivial = result.requests_per_second / trivial.requests_per_second
    return results


# Report --------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "postgresql": postgres_version(),
    }


def postgres_version() -> str:
    import psycopg

    with psycopg.connect(DATABASE_URL) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def targets(medians: list[Median], loads: list[Load]) -> list[dict]:
    by_name = {m.name: m for m in medians}
    first = by_name["factory list API, first page"]
    deep = by_name[f"factory list API, page {DEEP_PAGE}"]
    county = by_name["county page"]
    api = {load.cache: load for load in loads if load.name == "factory list API"}
    deep_ratio = None if deep.failed or first.failed else deep.view_ms / first.view_ms
    checks = [
        ("factory list API, first page ≤ 3× its floor", first.ratio, 3, "≤"),
        (f"page {DEEP_PAGE} ≤ 1.5× the first page", deep_ratio, 1.5, "≤"),
        ("county page ≤ 15 queries, prefetch_related", county.queries, 15, "≤"),
        ("county page ≤ 3× its floor", county.ratio, 3, "≤"),
        ("API list, no cache, ≥ 15% of trivial req/s", api["none"].share_of_trivial, 0.15, "≥"),
        ("API list, cache warm, ≥ 60% of trivial req/s", api["warm"].share_of_trivial, 0.6, "≥"),
        *(
            (f"{m.name}: its fast path ≥ 1.5× its idiomatic version", m.gain, FAST_PATH_GAIN, "≥")
            for m in medians
            if m.fast_path
        ),
        *(
            (f"{load.name}, {load.cache} cache: p99 ≤ 10× p50", load.p99_ms / load.p50_ms, 10, "≤")
            for load in loads
            if load.name == "trivial view" or load.cache == "warm"
        ),
    ]
    return [
        {
            "target": name,
            "value": None if value is None else round(value, 3),
            "limit": limit,
            "met": value is not None and (value <= limit if sign == "≤" else value >= limit),
        }
        for name, value, limit, sign in checks
    ]


def report(run: dict) -> str:
    lines = [
        f"Regiondev benchmark, {run['started']}: {run['scale']['factories']:,} factories, "
        f"{run['scale']['events']:,} events; {run['machine']['cores']} cores, "
        f"{run['machine']['cpu']}, PostgreSQL {run['machine']['postgresql']}",
        "",
        f"| {'median of':<32} | {'fast path':<31} | {'view ms':>8} | {'idiomatic ms':>12} | "
        f"{'floor ms':>8} | {'idiomatic ÷ view':>16} | {'view ÷ floor':>12} | {'queries':>9} |",
        f"| {'-' * 32} | {'-' * 31} | {'-' * 7}:| {'-' * 11}:| {'-' * 7}:| {'-' * 15}:| "
        f"{'-' * 11}:| {'-' * 8}:|",
    ]
    for m in run["medians"]:
        if m["failed"]:
            lines.append(f"| {m['name']:<32} | failed: {m['failed'][:60]}")
            continue
        queries = f"{m['queries']} / {m['idiomatic_queries']}"
        lines.append(
            f"| {m['name']:<32} | {m['fast_path'] or '(plain)':<31} | {m['view_ms']:>8.2f} | "
            f"{m['idiomatic_ms']:>12.2f} | {m['floor_ms']:>8.2f} | {m['gain']:>15.2f}× | "
            f"{m['ratio']:>11.1f}× | {queries:>9} |"
        )
    lines += [
        "",
        f"| {'gunicorn, 2 workers × 4 threads':<32} | {'cache':>5} | {'req/s':>7} | "
        f"{'p50 ms':>6} | {'p99 ms':>6} | {'of trivial':>10} |",
        f"| {'-' * 32} | {'-' * 5} | {'-' * 6}:| {'-' * 5}:| {'-' * 5}:| {'-' * 9}:|",
    ]
    for load in run["throughput"]:
        lines.append(
            f"| {load['name']:<32} | {load['cache']:>5} | {load['requests_per_second']:>7,.0f} | "
            f"{load['p50_ms']:>6.1f} | {load['p99_ms']:>6.1f} | {load['share_of_trivial']:>9.0%} |"
        )
    lines += ["", "Targets:"]
    for t in run["targets"]:
        lines.append(f"  [{'met' if t['met'] else 'MISSED'}] {t['target']}: {t['value']}")
    return "\n".join(lines)


def main() -> int:
    started, clock = datetime.now(UTC), time.monotonic()
    print(f"Benchmark database {DATABASE_URL}", flush=True)
    ensure_data()
    print("Medians, in-process:", flush=True)
    medians = in_process_medians()
    print("Throughput:", flush=True)
    loads = throughput(county=medians[3].url.split("/")[2])
    run = {
        "started": started.isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - clock),
        "scale": {"factories": FACTORIES, "events": EVENTS},
        "machine": machine(),
        "medians": [asdict(m) for m in medians],
        "throughput": [asdict(load) for load in loads],
        "targets": targets(medians, loads),
    }
    out = BASE_DIR / "artifacts" / "bench" / f"{started:%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(run, indent=2, ensure_ascii=False))
    print()
    print(report(run))
    print(f"\nWritten to {out.relative_to(BASE_DIR)}")
    return 1 if any(m.failed for m in medians) else 0


if __name__ == "__main__":
    sys.exit(main())
