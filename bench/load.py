"""Step 3 of the benchmark: throughput of gunicorn (gunicorn.conf.py, 2 workers of 4
threads) on 127.0.0.1 under wrk, without a cache and with it warm."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass

from bench.config import (
    APP_ENV,
    BASE_DIR,
    LOAD_ROUNDS,
    LOAD_SECONDS,
    PAGE_SIZE,
    REDIS_CACHE_URL,
    SETTLE_SECONDS,
)


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
