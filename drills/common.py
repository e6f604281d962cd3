"""What every drill needs: its own database, the app under gunicorn on a free port, a clock."""

import contextlib
import math
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
BIN = Path(PYTHON).parent
PG = os.environ.get("DRILL_PG", "postgres://postgres@127.0.0.1:5432")


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def recreate_database(name: str) -> str:
    """A fresh, empty PostgreSQL database of the drill's own; returns its URL."""
    if not name.startswith("regiondev_drill"):
        raise SystemExit(f"Drills only use their own databases (regiondev_drill…), not {name}.")
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{PG}/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(url: str, sql: str, params=()):
    with psycopg.connect(url) as connection:
        return connection.execute(sql, params).fetchall()


class Workspace:
    """Production settings pointed at a drill database, with media and static in a temp folder."""

    def __init__(self, database_url: str | None, **environment):
        """`database_url` None: an SQLite file in the workspace."""
        self.folder = Path(tempfile.mkdtemp(prefix="regiondev-drill-"))
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url or f"sqlite:///{self.folder / 'db.sqlite3'}",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Gunicorn on plain HTTP stands behind a TLS proxy here; the clients say so.
            "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "MEDIA_ROOT": str(self.folder / "media"),
            "STATIC_ROOT": str(self.folder / "static"),
            "BACKUP_DIR": str(self.folder / "backups"),
            **environment,
        }
        (self.folder / "media").mkdir()

    def manage(self, *args, capture=False) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        )
        return (result.stdout or "").strip()

    def python(self, *args, capture=False) -> subprocess.CompletedProcess:
        return subprocess.run(
            [PYTHON, *args],
            cwd=ROOT,
            env=self.env,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )

    def prepare(self, seed=True) -> None:
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        if seed:
            self.manage("load_seed")

    def staff_token(self) -> str:
        """A superuser and an API token for it; returns the token's secret."""
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; "
            "get_user_model().objects.create_superuser('drill', 'drill@example.org', "
            f"'{secrets.token_urlsafe(16)}')",
        )
        return self.manage("create_api_token", "drill", "--name", "drill", capture=True)

    @contextlib.contextmanager
    def gunicorn(self, workers=None):
        """The app under gunicorn with the committed config; yields its base URL."""
        port = free_port()
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESSLOG": ""}
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        # Open for as long as the server runs; closed when it stops.
        log = open(self.folder / "gunicorn.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/healthz", server, self.folder / "gunicorn.log")
            yield url
        finally:
            stop(server)
            log.close()

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def start_worker(workspace: Workspace) -> subprocess.Popen:
    """An RQ worker on the workspace's queue, logging to worker.log beside it."""
    # Handed to the worker process, which outlives this function.
    log = open(workspace.folder / "worker.log", "a")  # noqa: SIM115
    return subprocess.Popen(
        [str(BIN / "python"), "manage.py", "rqworker", "default"],
        cwd=ROOT,
        env=workspace.env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    """Stop a process started in its own session, and everything it started."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout=120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            print(log.read_text()[-3000:], file=sys.stderr)
            raise SystemExit(f"gunicorn exited with {server.returncode} before serving")
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    print(log.read_text()[-3000:], file=sys.stderr)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout} s")


def percentile(values, fraction: float) -> float:
    """The nearest-rank percentile of `values` (0 for none)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]
