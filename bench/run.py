"""The benchmark: `make bench` (or `python -m bench.run`).

1. Makes sure the benchmark database holds the synthetic data set (generate_synthetic, at
   100,000 factories and 1,000,000 events unless BENCH_FACTORIES / BENCH_EVENTS say less;
   bench/config.py reads every setting).
2. Medians (bench/medians.py), in-process through Django's test client with DEBUG off and
   no cache, of the API and the pages, each beside its idiomatic version (the same view
   written the plain way, bench/idiomatic.py) and its floor: the same data read with raw
   psycopg SQL and encoded (as JSON; as CSV for the CSV export).
3. Throughput (bench/load.py): gunicorn (gunicorn.conf.py, 2 workers of 4 threads) on
   127.0.0.1 under wrk, for the API list without a cache and with it warm, a page, and the
   trivial /healthz, the URLs taking turns over three rounds.

It prints one table (bench/report.py) and writes the same numbers to
artifacts/bench/<time>.json. Every step is bounded in time, and it stops the servers it starts.
"""

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime

from bench.config import APP_ENV, BASE_DIR, DATABASE_URL, EVENTS, FACTORIES, PYTHON
from bench.load import throughput
from bench.medians import in_process_medians
from bench.report import machine, report, targets


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
