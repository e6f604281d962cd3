"""The benchmark's report: the machine, the targets met or missed, and the table printed."""

import os
import platform
from pathlib import Path

from bench.config import DATABASE_URL, DEEP_PAGE, FAST_PATH_GAIN
from bench.load import Load
from bench.medians import Median


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
