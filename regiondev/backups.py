"""Backups of the database and the uploaded media, and their restore.

    python -m regiondev.backups backup [--to FOLDER]   (make backup)
    python -m regiondev.backups restore FOLDER         (make restore BACKUP=FOLDER)
    python -m regiondev.backups fingerprint            every table's row count and checksum

A backup is a folder holding the database (`database.dump`, pg_dump's custom format, for
PostgreSQL; `database.sqlite3`, an online copy, for SQLite), `media.tar.gz`, and
`manifest.json` with every table's row count and checksum taken from the same snapshot as the
dump. A restore replaces the database and the media with the backup's, in one transaction on
PostgreSQL, then checks every table against the manifest and fails loudly on a difference.
Stop the app servers before restoring.
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiondev.settings")
    import django

    django.setup()


def database():
    from django.conf import settings

    return settings.DATABASES["default"]


def is_postgres(db) -> bool:
    return "postgresql" in db["ENGINE"]


def pg_environment(db) -> dict:
    """The libpq variables pg_dump and pg_restore read, from the Django settings."""
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def postgres_fingerprint(cursor, tables) -> dict:
    """Row count and an order-independent checksum of every table, as {table: [count, md5]}."""
    result = {}
    for table in sorted(tables):
        # The table names are the database's own, quoted; nothing here comes from a user.
        cursor.execute(
            "SELECT count(*), md5(coalesce("  # noqa: S608
            "string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')) "
            f"FROM {quote(table)} t"
        )
        result[table] = list(cursor.fetchone())
    return result


def sqlite_fingerprint(path) -> dict:
    """The same for an SQLite file, hashing each row's values as SQLite returns them."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        result = {}
        for table in sorted(tables):
            rows = sorted(
                hashlib.md5(repr(row).encode(), usedforsecurity=False).hexdigest()
                for row in connection.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            )
            checksum = hashlib.md5(",".join(rows).encode(), usedforsecurity=False).hexdigest()
            result[table] = [len(rows), checksum]
        return result
    finally:
        connection.close()


def quote(table: str) -> str:
    return '"' + table.replace('"', '""') + '"'


def current_fingerprint() -> dict:
    from django.db import connection

    db = database()
    if not is_postgres(db):
        return sqlite_fingerprint(db["NAME"])
    with connection.cursor() as cursor:
        return postgres_fingerprint(cursor, connection.introspection.table_names(cursor))


def backup(folder: Path | None = None) -> Path:
    from django.conf import settings
    from django.db import connection, transaction

    db = database()
    created = datetime.datetime.now(datetime.timezone.utc)
    folder = folder or Path(os.environ.get("BACKUP_DIR", settings.BASE_DIR / "backups")) / (
        created.strftime("%Y%m%d-%H%M%S")
    )
    folder.mkdir(parents=True, exist_ok=False)
    if is_postgres(db):
        # pg_dump reads the snapshot this transaction exports, so the manifest's counts and
        # checksums describe exactly the rows in the dump, even while the site is writing.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            subprocess.run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={folder / PG_DUMP}",
                ],
                env=pg_environment(db),
                check=True,
            )
            tables = postgres_fingerprint(cursor, connection.introspection.table_names(cursor))
    else:
        source = sqlite3.connect(db["NAME"])
        target = sqlite3.connect(folder / SQLITE_COPY)
        with target:
            source.backup(target)
        source.close()
        target.close()
        tables = sqlite_fingerprint(folder / SQLITE_COPY)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname=".")
    manifest = {
        "created": created.isoformat(timespec="seconds"),
        "engine": "postgresql" if is_postgres(db) else "sqlite",
        "database": PG_DUMP if is_postgres(db) else SQLITE_COPY,
        "media": MEDIA_ARCHIVE,
        "tables": tables,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return folder


def create_pg_database_if_missing(db) -> None:
    import psycopg

    environment = pg_environment(db)
    with psycopg.connect(
        host=environment.get("PGHOST"),
        port=environment.get("PGPORT") or None,
        user=environment.get("PGUSER"),
        password=environment.get("PGPASSWORD"),
        dbname="postgres",
        autocommit=True,
    ) as maintenance:
        exists = maintenance.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone()
        if not exists:
            maintenance.execute(f'CREATE DATABASE "{db["NAME"]}"')


def restore_media(archive_path: Path, media: Path) -> None:
    """Swap the media folder for the archive's content, so a failed extract changes nothing."""
    media.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=media.parent))
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(staging, filter="data")
    if media.exists():
        old = media.with_name(f".{media.name}-replaced")
        shutil.rmtree(old, ignore_errors=True)
        media.rename(old)
        staging.rename(media)
        shutil.rmtree(old)
    else:
        staging.rename(media)


def restore(folder: Path) -> dict:
    """Put the backup back; returns the tables whose count or checksum differ (none, we hope)."""
    from django.conf import settings
    from django.db import connections

    manifest = json.loads((folder / MANIFEST).read_text())
    db = database()
    engine = "postgresql" if is_postgres(db) else "sqlite"
    if manifest["engine"] != engine:
        raise SystemExit(f"This backup is of {manifest['engine']}; DATABASE_URL is {engine}.")
    connections.close_all()
    if is_postgres(db):
        create_pg_database_if_missing(db)
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={db['NAME']}",
                str(folder / PG_DUMP),
            ],
            env=pg_environment(db),
            check=True,
        )
    else:
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(folder / SQLITE_COPY)
        target = sqlite3.connect(db["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
    restore_media(folder / MEDIA_ARCHIVE, Path(settings.MEDIA_ROOT))
    restored = current_fingerprint()
    return {
        table: {"backup": expected, "restored": restored.get(table)}
        for table, expected in manifest["tables"].items()
        if restored.get(table) != expected
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m regiondev.backups", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="write a backup folder")
    make.add_argument("--to", type=Path, help="the folder to create (default backups/<time>)")
    put_back = commands.add_parser("restore", help="replace database and media with a backup")
    put_back.add_argument("folder", type=Path)
    commands.add_parser("fingerprint", help="print every table's row count and checksum")
    arguments = parser.parse_args(argv)

    setup_django()
    if arguments.command == "backup":
        folder = backup(arguments.to)
        tables = json.loads((folder / MANIFEST).read_text())["tables"]
        rows = sum(count for count, _ in tables.values())
        print(f"Backed up {len(tables)} tables ({rows} rows) and the media to {folder}")
    elif arguments.command == "restore":
        differences = restore(arguments.folder)
        if differences:
            print(json.dumps(differences, indent=2), file=sys.stderr)
            print(f"Restore differs from the backup in {len(differences)} tables.", file=sys.stderr)
            return 1
        print(f"Restored {arguments.folder}: every table's count and checksum match the backup.")
    else:
        print(json.dumps(current_fingerprint(), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
