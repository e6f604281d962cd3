"""Restart drill: the load drill's traffic while PostgreSQL itself is restarted.

Restarts the machine's PostgreSQL cluster (every database on it: run it when nobody else
needs the server) some seconds into the run. Requests that meet the restart may get a 503
with Retry-After; every request that starts after PostgreSQL is back must succeed, and every
write the API acknowledged (201) must be in the database. Prints both; fails otherwise.

    python drills/restart.py [--users 32] [--seconds 60] [--restart-after 20]
"""

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Workspace, drop_database, recreate_database, say
from load import failed, print_table, run_locust, summarise, written_titles

DATABASE = "regiondev_drill_restart"


def restart_postgres() -> None:
    versions = sorted(path.name for path in Path("/etc/postgresql").iterdir())
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "restart"],
        check=True,
    )


def wait_for_postgres(timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432"], capture_output=True)
        if ready.returncode == 0:
            return
        time.sleep(0.1)
    raise SystemExit("PostgreSQL did not come back")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--restart-after", type=int, default=20)
    arguments = parser.parse_args()

    say(f"Preparing {DATABASE} (migrate, seed, static files, a staff token)")
    database_url = recreate_database(DATABASE)
    workspace = Workspace(database_url, API_ANON_RATE="1000000/hour")
    restart = {}

    def restart_during_load(timed_from):
        time.sleep(max(0, timed_from + arguments.restart_after - time.time()))
        restart["began"] = time.time()
        say("Restarting PostgreSQL")
        restart_postgres()
        wait_for_postgres()
        restart["ended"] = time.time()
        say(f"PostgreSQL back after {restart['ended'] - restart['began']:.1f} s")

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
                on_start=restart_during_load,
            )
        during = [e for e in entries if restart["began"] <= e["start"] < restart["ended"]]
        after = [e for e in entries if e["start"] >= restart["ended"]]
        failed_after = failed(after)
        # A request that meets the restart may be refused with a 503, never a 500.
        server_errors = [
            e
            for e in warmup + entries
            if e["status"] == 0 or (e["status"] >= 500 and e["status"] != 503)
        ]
        missing = set(acknowledged) - written_titles(database_url)
        print_table(entries)
        summary = {
            "restart_seconds": round(restart["ended"] - restart["began"], 1),
            "requests": len(entries),
            "warmup": {"requests": len(warmup), "errors": len(failed(warmup))},
            "requests_during_restart": len(during),
            "statuses_during_restart": dict(Counter(e["status"] for e in during)),
            "requests_after_restart": len(after),
            "non_2xx_after_restart": len(failed_after),
            "errors_other_than_503": len(server_errors),
            "writes_acknowledged": len(acknowledged),
            "acknowledged_writes_missing": len(missing),
            "all_requests": summarise(entries),
        }
        print(json.dumps(summary, indent=2))
        ok = (
            not failed(warmup)
            and not failed_after
            and not server_errors
            and not missing
            and len(after) > 0
            and len(acknowledged) > 0
        )
        say("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        workspace.cleanup()
        drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
