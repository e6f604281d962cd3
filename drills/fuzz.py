"""Fuzz drill: schemathesis against the API under gunicorn with production settings, on
PostgreSQL, with every check and a fixed seed: once anonymous, on every read (an anonymous
write is a 401 by design, which tests/api/test_permissions.py checks), and once with a staff
token, on every operation. Beside the schema's own values, `q` and the slugs in paths are
drawn from punctuation, symbols and the letters of every script too (drills/fuzz_hooks.py).
Prints each run's summary; fails on any failure.

    python drills/fuzz.py [--max-examples 25] [--seed 20241220]
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BIN, ROOT, Workspace, drop_database, recreate_database, say

DATABASE = "regiondev_drill_fuzz"


def schemathesis(workspace, url, seed, max_examples, *options) -> tuple[int, str]:
    command = [
        str(BIN / "schemathesis"),
        "run",
        f"{url}/api/schema/",
        "--checks",
        "all",
        "--seed",
        str(seed),
        "--max-examples",
        str(max_examples),
        "--generation-database",
        "none",
        "--workers",
        "1",
        "--no-color",
        # Gunicorn listens on plain HTTP here; in production a TLS proxy in front says this.
        "--header",
        "X-Forwarded-Proto: https",
    ]
    command += options
    env = {**workspace.env, "SCHEMATHESIS_HOOKS": str(ROOT / "drills" / "fuzz_hooks.py")}
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800
    )
    return result.returncode, result.stdout + result.stderr


def summary_lines(output: str) -> list[str]:
    wanted = re.compile(r"(passed|failed|errors?|skipped|operations|test cases|Seed)", re.I)
    tail = output.strip().splitlines()[-25:]
    return [line for line in tail if wanted.search(line)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--seed", type=int, default=20241220)
    arguments = parser.parse_args()

    say(f"Preparing {DATABASE} (migrate, seed, static files, a staff token)")
    database_url = recreate_database(DATABASE)
    # Schemathesis sends every request from one address; the throttle is for the many.
    workspace = Workspace(database_url, API_ANON_RATE="1000000/hour")
    results = {}
    try:
        workspace.prepare()
        token = workspace.staff_token()
        with workspace.gunicorn() as url:
            for name, options in (
                ("anonymous", ["--include-method", "GET"]),
                ("staff token", ["--header", f"Authorization: Token {token}"]),
            ):
                say(f"schemathesis, {name}: all checks, seed {arguments.seed}")
                code, output = schemathesis(
                    workspace, url, arguments.seed, arguments.max_examples, *options
                )
                results[name] = code
                print(output if code else "\n".join(summary_lines(output)), flush=True)
        for name, code in results.items():
            say(f"{name}: {'PASS' if code == 0 else 'FAIL'}")
        return 0 if results and all(code == 0 for code in results.values()) else 1
    finally:
        workspace.cleanup()
        drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
