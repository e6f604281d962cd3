"""Fill a benchmark database with synthetic records at a chosen scale.

    manage.py generate_synthetic --factories 100000 --events 1000000

The target is its own PostgreSQL database, `regiondev_bench` on 127.0.0.1 unless
`--database-url` (or BENCH_DATABASE_URL) names another; its name must contain "bench", so
synthetic rows never land among real ones. It is created when missing, migrated, given the
real gazetteer, then filled. A database that already holds synthetic rows is dropped and made
anew, unless `--reuse` finds it at the asked scale and leaves it as it is.
"""

import os
import subprocess
import sys
import time

import environ
import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql

from bench import synthetic
from events.seed import load_gazetteer

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/regiondev_bench"
MAX_FACTORIES = 100_000
MAX_EVENTS = 1_000_000


def bench_database(url: str) -> dict:
    """The target's settings, or a CommandError when it is not a benchmark database."""
    config = environ.Env.db_url_config(url)
    if "postgresql" not in config["ENGINE"]:
        raise CommandError(f"Synthetic data goes to PostgreSQL (COPY); {url} is not PostgreSQL.")
    if "bench" not in config["NAME"]:
        raise CommandError(
            f"Refusing to write synthetic rows into “{config['NAME']}”: the target database's "
            "name must contain “bench”, so synthetic data never mixes with real data."
        )
    return config


def same_database(a: dict, b: dict) -> bool:
    keys = ("NAME", "HOST", "PORT")
    return all(str(a.get(key) or "") == str(b.get(key) or "") for key in keys)


def libpq_params(config: dict, dbname: str | None = None) -> dict:
    params = {
        "dbname": dbname or config["NAME"],
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    return {key: value for key, value in params.items() if value}


def synthetic_scale(config: dict) -> tuple[int, int] | None:
    """Synthetic factories and events already in the target, or None for an empty database."""
    with psycopg.connect(**libpq_params(config)) as conn:
        if conn.execute("SELECT to_regclass('sites_factory')").fetchone()[0] is None:
            return None
        factories = conn.execute(
            "SELECT count(*) FROM sites_factory WHERE slug LIKE %s", [synthetic.SLUG_PREFIX + "%"]
        ).fetchone()[0]
        events = conn.execute(
            "SELECT (SELECT count(*) FROM events_ceremony WHERE summary LIKE %(mark)s)"
            " + (SELECT count(*) FROM events_guidancevisit WHERE summary LIKE %(mark)s)",
            {"mark": synthetic.MARK + "%"},
        ).fetchone()[0]
    return (factories, events) if factories or events else None


def create_database(config: dict, *, drop: bool) -> None:
    name = sql.Identifier(config["NAME"])
    with psycopg.connect(**libpq_params(config, "postgres"), autocommit=True) as conn:
        if drop:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


class Command(BaseCommand):
    help = "Fill a separate PostgreSQL benchmark database with clearly synthetic records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-url",
            default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
            help=f"The benchmark database; its name must contain “bench”. Default {DEFAULT_URL}.",
        )
        parser.add_argument("--factories", type=int, default=10_000)
        parser.add_argument("--events", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=20, help="Same seed, same data.")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Keep the database as it is if it already holds synthetic data at this scale.",
        )

    def handle(self, *, database_url, factories, events, seed, reuse, **options):
        if not 1 <= factories <= MAX_FACTORIES:
            raise CommandError(f"--factories must be between 1 and {MAX_FACTORIES:,}.")
        if not 1 <= events <= MAX_EVENTS:
            raise CommandError(f"--events must be between 1 and {MAX_EVENTS:,}.")
        target = bench_database(database_url)
        if same_database(settings.DATABASES["default"], target):
            self.fill(factories=factories, events=events, seed=seed)
            return
        try:
            present = synthetic_scale(target)
        except psycopg.OperationalError:
            present = None  # no such database yet
        if reuse and present == (factories, events):
            self.stdout.write(
                f"{target['NAME']} already holds {factories:,} synthetic factories and "
                f"{events:,} events; kept as it is."
            )
            return
        create_database(target, drop=present is not None)
        # The rest runs with the benchmark database as `default`, so the ORM, migrations
        # and the gazetteer loader write there and nowhere else.
        subprocess.run(
            [
                sys.executable,
                str(settings.BASE_DIR / "manage.py"),
                "generate_synthetic",
                "--database-url",
                database_url,
                "--factories",
                str(factories),
                "--events",
                str(events),
                "--seed",
                str(seed),
            ],
            env={**os.environ, "DATABASE_URL": database_url},
            check=True,
        )

    def fill(self, *, factories: int, events: int, seed: int) -> None:
        name = connection.settings_dict["NAME"]
        started = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        load_gazetteer()
        if synthetic_scale(connection.settings_dict):
            raise CommandError(
                f"{name} already holds synthetic rows. Run this command from another "
                "DATABASE_URL to have the benchmark database made anew."
            )
        self.stdout.write(f"Writing {factories:,} factories and {events:,} events to {name}…")
        counts = synthetic.generate(factories=factories, events=events, seed=seed)
        with connection.cursor() as cursor:
            # Fresh statistics and a visibility map, so the planner sees the real sizes and
            # index-only scans work from the first query.
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{name}: {counts.factories:,} factories, {counts.ceremonies:,} ceremonies, "
                f"{counts.visits:,} guidance visits, {counts.sources:,} sources, "
                f"{counts.photos:,} photos in {time.monotonic() - started:.0f} s."
            )
        )
