"""Cache drill: the load drill's traffic while the cache's Redis hangs, then is stopped.

Starts a Redis of its own (on a free port, so no other Redis is touched) as the app's
CACHE_URL, then under load: normal; Redis frozen (SIGSTOP: it accepts connections and never
answers); normal again; Redis killed (nothing listens); Redis started again. Counts every
answer per phase and per kind (pages, API reads, API writes). Passes when no request in any
phase got a 5xx or no answer, and every write the API acknowledged is in the database.

    python drills/cache.py [--users 16] [--phase-seconds 20]
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    Workspace,
    drop_database,
    free_port,
    percentile,
    recreate_database,
    say,
)
from load import failed, run_locust, written_titles

DATABASE = "regiondev_drill_cache"
PHASES = ["redis up", "redis hanging", "redis back", "redis down", "redis restarted"]


class Redis:
    """A redis-server of the drill's own, to freeze, kill and start again."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(100):
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.05)
        raise SystemExit("The drill's Redis did not start")

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.thaw()
            self.kill()


def kind(name: str) -> str:
    if name.startswith("page"):
        return "pages"
    return "API writes" if "write" in name else "API reads"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--phase-seconds", type=int, default=20)
    arguments = parser.parse_args()
    length = arguments.phase_seconds

    say(f"Preparing {DATABASE} (migrate, seed, static files, a staff token)")
    database_url = recreate_database(DATABASE)
    workspace = Workspace(database_url, API_ANON_RATE="1000000/hour")
    redis = Redis(workspace.folder)
    redis.start()
    workspace.env["CACHE_URL"] = f"redis://127.0.0.1:{redis.port}/0"
    workspace.env["RQ_URL"] = ""
    boundaries = {}

    def break_redis(timed_from):
        actions = [None, redis.freeze, redis.thaw, redis.kill, redis.start]
        for number, (phase, action) in enumerate(zip(PHASES, actions, strict=True)):
            time.sleep(max(0, timed_from + number * length - time.time()))
            if action:
                action()
            boundaries[phase] = time.time()
            say(f"{phase}")

    try:
        workspace.prepare()
        token = workspace.staff_token()
        with workspace.gunicorn() as url:
            say(f"gunicorn at {url}, Redis at port {redis.port}; {arguments.users} clients")
            entries, warmup, acknowledged = run_locust(
                workspace,
                url,
                token,
                arguments.users,
                length * len(PHASES),
                workspace.folder / "requests.jsonl",
                on_start=break_redis,
            )
        starts = [boundaries[phase] for phase in PHASES] + [float("inf")]
        print(f"{'phase':<17}{'kind':<12}{'requests':>9}{'5xx/none':>9}{'non-2xx':>8}"
              f"{'p50 ms':>8}{'p99 ms':>8}")
        table = []
        for number, phase in enumerate(PHASES):
            in_phase = [e for e in entries if starts[number] <= e["start"] < starts[number + 1]]
            for what in ("pages", "API reads", "API writes"):
                selected = [e for e in in_phase if kind(e["name"]) == what]
                times = [e["ms"] for e in selected]
                server_errors = [e for e in selected if e["status"] == 0 or e["status"] >= 500]
                row = {
                    "phase": phase,
                    "kind": what,
                    "requests": len(selected),
                    "server_errors": len(server_errors),
                    "non_2xx": len(failed(selected)),
                    "p50_ms": round(percentile(times, 0.5), 1),
                    "p99_ms": round(percentile(times, 0.99), 1),
                }
                table.append(row)
                print(f"{phase:<17}{what:<12}{row['requests']:>9}{row['server_errors']:>9}"
                      f"{row['non_2xx']:>8}{row['p50_ms']:>8.1f}{row['p99_ms']:>8.1f}")
        missing = set(acknowledged) - written_titles(database_url)
        summary = {
            "requests": len(entries),
            "server_errors": sum(row["server_errors"] for row in table),
            "non_2xx": sum(row["non_2xx"] for row in table),
            "statuses": dict(Counter(e["status"] for e in entries)),
            "warmup": {"requests": len(warmup), "errors": len(failed(warmup))},
            "writes_acknowledged": len(acknowledged),
            "acknowledged_writes_missing": len(missing),
        }
        print(json.dumps(summary, indent=2))
        ok = (
            summary["non_2xx"] == 0
            and not failed(warmup)
            and not missing
            and all(row["requests"] > 0 for row in table)
        )
        say("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        redis.stop()
        workspace.cleanup()
        drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
