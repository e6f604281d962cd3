"""Download drill: the whole-record archive under load, beside a visitor, in production.

gunicorn (gunicorn.conf.py, DJANGO_DEBUG=false) behind a stated proxy, an RQ worker
(`manage.py rqworker`) and a Redis of the drill's own, on a PostgreSQL database holding
20,000 synthetic factories (bench/synthetic.py). The first download is asked for and the
archive's build in the worker followed. A visitor reads the three busiest county pages in
turn, alone first, then while 12 anonymous clients, each from its own address
(X-Forwarded-For, throttled at the production API_ANON_RATE), loop on
/api/downloads/records.zip, each reading the whole archive. Halfway through, a factory is
added through the API, and the load goes on until the clients are served the archive built
again in the worker (at most REBUILD_LIMIT seconds).

Prints the visitor's latencies alone and under load, the downloads' answers and times, and
the rebuild's; passes when the visitor's p95 under load is under 1 s, every request once the
first archive was built got a 200 (or, for a client past its rate, a 429), and the new
archive was served after the write.

    python drills/download.py [--factories 20000] [--events 2000] [--clients 12] [--seconds 60]
"""

import argparse
import collections
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cache import Redis
from common import (
    Workspace,
    drop_database,
    percentile,
    recreate_database,
    say,
    start_worker,
    stop,
)

# Its name holds "bench": generate_synthetic writes synthetic rows nowhere else.
DATABASE = "regiondev_drill_download_bench"
DOWNLOAD = "/api/downloads/records.zip"
HEADERS = {"X-Forwarded-Proto": "https"}
P95_LIMIT = 1.0
# The archive of 20,000 factories takes about a minute to build on two busy cores.
REBUILD_LIMIT = 300
TIMEOUT = 120
VISITOR = "203.0.113.7"


class Tally:
    """Every answer, by kind: when it was asked, its status (or error), seconds, ETag."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answers = collections.defaultdict(list)

    def add(self, kind: str, answer: tuple) -> None:
        with self.lock:
            self.answers[kind].append(answer)


def fetch(session: requests.Session, url: str) -> tuple[float, int | str, float, str]:
    """GET `url` to its last byte: when it was asked, the status (or the error's name), the
    seconds it took, the ETag."""
    asked = time.monotonic()
    try:
        with session.get(url, stream=True, timeout=TIMEOUT) as response:
            for _ in response.iter_content(1024 * 1024):
                pass
            etag = response.headers.get("ETag", "")
            return asked, response.status_code, time.monotonic() - asked, etag
    except requests.RequestException as error:
        return asked, type(error).__name__, time.monotonic() - asked, ""


def loop(kind: str, urls: list[str], tally: Tally, until: threading.Event, address: str):
    session = requests.Session()
    session.headers.update({**HEADERS, "X-Forwarded-For": address})
    n = 0
    while not until.is_set():
        tally.add(kind, fetch(session, urls[n % len(urls)]))
        n += 1


def first_archive(url: str) -> tuple[float, collections.Counter, int]:
    """Ask for the archive until it comes: the seconds that took, the answers meanwhile, and
    the archive's size."""
    session = requests.Session()
    session.headers.update(HEADERS)
    started = time.monotonic()
    seen = collections.Counter()
    while time.monotonic() - started < 600:
        _, status, _, _ = fetch(session, url)
        seen[status] += 1
        if status == 200:
            size = len(session.get(url, timeout=TIMEOUT).content)
            return time.monotonic() - started, seen, size
        time.sleep(1)
    raise SystemExit(f"No archive within 600 s: {dict(seen)}")


def busiest_counties(workspace: Workspace, count=20) -> list[str]:
    return (
        workspace.manage(
            "shell",
            "-c",
            "from django.db.models import Count; from sites.models import County; "
            "print(','.join(County.objects.annotate(n=Count('factories')).order_by('-n')"
            f".values_list('slug', flat=True)[:{count}]))",
            capture=True,
        )
        .splitlines()[-1]
        .split(",")
    )


def visitor_alone(url: str, pages: list[str], seconds: float) -> list[float]:
    tally = Tally()
    until = threading.Event()
    visitor = threading.Thread(target=loop, args=("page", pages, tally, until, VISITOR))
    visitor.start()
    time.sleep(seconds)
    until.set()
    visitor.join()
    return [seconds for _, _, seconds, _ in tally.answers["page"]]


def load(url: str, pages: list[str], county: str, token: str, arguments) -> dict:
    """The clients and the visitor for `arguments.seconds`, a factory written halfway, and on
    until the archive built after it is served."""
    tally = Tally()
    until = threading.Event()
    threads = [
        threading.Thread(
            target=loop, args=("download", [url + DOWNLOAD], tally, until, f"198.51.100.{n + 1}")
        )
        for n in range(arguments.clients)
    ]
    threads.append(threading.Thread(target=loop, args=("page", pages, tally, until, VISITOR)))
    say(f"{arguments.clients} clients downloading, the visitor reading county pages")
    for thread in threads:
        thread.start()
    time.sleep(arguments.seconds / 2)
    written_at = time.monotonic()
    written = requests.post(
        url + "/api/factories/",
        json={
            "name": "[synthetic] Drill factory written under load",
            "slug": "synthetic-drill-written-under-load",
            "county": county,
            "sector": "foodstuff",
        },
        headers={**HEADERS, "Authorization": f"Token {token}"},
        timeout=TIMEOUT,
    )
    say(f"A factory written through the API: {written.status_code}")
    time.sleep(arguments.seconds / 2)
    old = tally.answers["download"][0][3]

    def rebuilt() -> list[float]:
        with tally.lock:
            answers = list(tally.answers["download"])
        return [asked + s for asked, _, s, etag in answers if etag not in ("", old)]

    while not rebuilt() and time.monotonic() - written_at < REBUILD_LIMIT:
        time.sleep(1)
    until.set()
    for thread in threads:
        thread.join()

    downloads, pages = tally.answers["download"], tally.answers["page"]
    page_seconds = [seconds for _, _, seconds, _ in pages]
    download_seconds = [seconds for _, status, seconds, _ in downloads if status == 200]
    new = rebuilt()
    return {
        "load_seconds": round(time.monotonic() - written_at + arguments.seconds / 2),
        "visitor_pages": len(pages),
        "visitor_p50_s": round(percentile(page_seconds, 0.5), 3),
        "visitor_p95_s": round(percentile(page_seconds, 0.95), 3),
        "visitor_max_s": round(max(page_seconds, default=0), 3),
        "visitor_answers": dict(collections.Counter(status for _, status, _, _ in pages)),
        "downloads": len(downloads),
        "download_answers": dict(collections.Counter(status for _, status, _, _ in downloads)),
        "download_p50_s": round(percentile(download_seconds, 0.5), 3),
        "download_p95_s": round(percentile(download_seconds, 0.95), 3),
        "write_status": written.status_code,
        "new_archive_after_write_s": round(min(new) - written_at, 1) if new else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factories", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--seconds", type=int, default=60)
    arguments = parser.parse_args()

    database_url = recreate_database(DATABASE)
    # Each client is counted at its own address, as behind a proxy that says whom it serves.
    workspace = Workspace(database_url, REGIONDEV_BENCH="true", DJANGO_TRUSTED_PROXY_COUNT="1")
    workspace.env["DOWNLOADS_ROOT"] = str(workspace.folder / "downloads")
    redis = Redis(workspace.folder)
    redis.start()
    workspace.env["CACHE_URL"] = workspace.env["RQ_URL"] = f"redis://127.0.0.1:{redis.port}/0"
    worker = None
    try:
        say(f"Writing {arguments.factories:,} factories and {arguments.events:,} events")
        started = time.monotonic()
        workspace.manage(
            "generate_synthetic",
            "--database-url",
            database_url,
            "--factories",
            str(arguments.factories),
            "--events",
            str(arguments.events),
        )
        workspace.manage("collectstatic", "--noinput")
        token = workspace.staff_token()
        counties = busiest_counties(workspace, 3)
        say(f"Data ready in {time.monotonic() - started:.0f} s")
        worker = start_worker(workspace)
        with workspace.gunicorn() as url:
            say("The first download: asked for, and built in the worker")
            first_seconds, first_answers, size = first_archive(url + DOWNLOAD)
            say(
                f"Archive of {size / 1e6:.2f} MB served {first_seconds:.1f} s after the first "
                f"request; meanwhile {dict(first_answers)}"
            )
            pages = [f"{url}/counties/{slug}/" for slug in counties]
            alone = visitor_alone(url, pages, 10)
            summary = {
                "factories": arguments.factories,
                "events": arguments.events,
                "clients": arguments.clients,
                "seconds": arguments.seconds,
                "archive_mb": round(size / 1e6, 2),
                "first_archive_s": round(first_seconds, 1),
                "visitor_alone_p95_s": round(percentile(alone, 0.95), 3),
                **load(url, pages, counties[0], token, arguments),
            }
        print(summary)
        # A 429 is the throttle refusing a client past its rate: expected, and cheap.
        failures = [status for status in summary["visitor_answers"] if status != 200] + [
            status for status in summary["download_answers"] if status not in (200, 429)
        ]
        ok = (
            summary["visitor_p95_s"] < P95_LIMIT
            and not failures
            and summary["write_status"] == 201
            and summary["new_archive_after_write_s"] is not None
            and summary["new_archive_after_write_s"] < REBUILD_LIMIT
        )
        say("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        if worker:
            stop(worker)
        redis.stop()
        workspace.cleanup()
        drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
