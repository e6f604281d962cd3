"""Load drill: gunicorn with production settings under locust, 32 clients for 60 seconds.

Pages, API lists and details, searches in several spellings, and a few writes with an API
token (drills/locustfile.py). Prints the error count and latency percentiles; fails when any
request fails or p99 is 500 ms or more.

The clients join over the first seconds of a warm-up that is not timed: 32 clients opening
at the same instant on workers that have not yet answered once queue behind each other, and
their first answers (up to a second) would measure that instant, not the steady load. A
request that fails during the warm-up still fails the drill, and its writes are checked.

    python drills/load.py [--users 32] [--seconds 60]
"""

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    BIN,
    ROOT,
    Workspace,
    drop_database,
    percentile,
    query,
    recreate_database,
    say,
)

DATABASE = "regiondev_drill_load"
P99_LIMIT_MS = 500
WARMUP_SECONDS = 10
RAMP_SECONDS = 5  # within the warm-up


def run_locust(workspace, url, token, users, seconds, log: Path, on_start=None):
    """Run the locust traffic headless, a warm-up and then `seconds` timed.

    `on_start(timed_from)` may act while it runs. Returns the timed requests, the warm-up's
    requests and every acknowledged write.
    """
    env = {
        **workspace.env,
        "DRILL_TOKEN": token,
        "DRILL_LOG": str(log),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        str(BIN / "locust"),
        "--locustfile",
        str(ROOT / "drills" / "locustfile.py"),
        "--headless",
        "--host",
        url,
        "--users",
        str(users),
        "--spawn-rate",
        str(users / RAMP_SECONDS),
        "--run-time",
        f"{WARMUP_SECONDS + seconds}s",
        "--stop-timeout",
        "10",
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    timed_from = time.time() + WARMUP_SECONDS
    with open(workspace.folder / "locust.out", "w") as output:
        locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
        if on_start:
            on_start(timed_from)
        locust.wait(timeout=WARMUP_SECONDS + seconds + 120)
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    acknowledged = entries.pop()["acknowledged"]
    timed = [entry for entry in entries if entry["start"] >= timed_from]
    warmup = [entry for entry in entries if entry["start"] < timed_from]
    return timed, warmup, acknowledged


def failed(entries) -> list:
    return [entry for entry in entries if not 200 <= entry["status"] < 300]


def summarise(entries) -> dict:
    failures = failed(entries)
    times = [entry["ms"] for entry in entries]
    seconds = max(entry["start"] for entry in entries) - min(entry["start"] for entry in entries)
    return {
        "requests": len(entries),
        "errors": len(failures),
        "error_statuses": dict(Counter(entry["status"] for entry in failures)),
        "requests_per_second": round(len(entries) / seconds, 1) if seconds else 0,
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "max_ms": round(max(times), 1),
    }


def by_name(entries) -> list[tuple]:
    names = sorted({entry["name"] for entry in entries})
    rows = []
    for name in names:
        selected = [entry for entry in entries if entry["name"] == name]
        times = [entry["ms"] for entry in selected]
        errors = len(failed(selected))
        rows.append((name, len(selected), errors, percentile(times, 0.5), percentile(times, 0.99)))
    return rows


def print_table(entries) -> None:
    print(f"{'request':<22}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}")
    for name, count, errors, p50, p99 in by_name(entries):
        print(f"{name:<22}{count:>8}{errors:>8}{p50:>9.1f}{p99:>9.1f}")


def written_titles(database_url) -> set:
    """The titles of every source the drill's writes left in the database."""
    rows = query(
        database_url, "SELECT title FROM events_source WHERE title LIKE %s", ["drill-write-%"]
    )
    return {title for (title,) in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    arguments = parser.parse_args()

    say(f"Preparing {DATABASE} (migrate, seed, static files, a staff token)")
    database_url = recreate_database(DATABASE)
    # One client address sends all the traffic here; the anonymous throttle is for the many.
    workspace = Workspace(database_url, API_ANON_RATE="1000000/hour")
    try:
        workspace.prepare()
        token = workspace.staff_token()
        with workspace.gunicorn() as url:
            say(f"gunicorn at {url}; locust: {arguments.users} clients, {arguments.seconds} s")
            entries, warmup, acknowledged = run_locust(
                workspace,
                url,
                token,
                arguments.users,
                arguments.seconds,
                workspace.folder / "requests.jsonl",
            )
        summary = summarise(entries)
        summary["warmup"] = {"requests": len(warmup), "errors": len(failed(warmup))}
        missing = set(acknowledged) - written_titles(database_url)
        summary["writes_acknowledged"] = len(acknowledged)
        summary["acknowledged_writes_missing"] = len(missing)
        print_table(entries)
        print(json.dumps(summary, indent=2))
        ok = (
            summary["errors"] == 0
            and not failed(warmup)
            and summary["p99_ms"] < P99_LIMIT_MS
            and not missing
        )
        say("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        workspace.cleanup()
        drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
