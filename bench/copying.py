"""Writing rows in bulk with PostgreSQL's COPY, as the synthetic data set is written."""

from contextlib import contextmanager

from django.db import connection

LOADED_TABLES = (
    "sites_factory",
    "events_citation",
    "events_source",
    "events_ceremony",
    "events_ceremony_factories",
    "events_guidancevisit",
    "events_guidancevisit_factories",
    "events_photo",
)


@contextmanager
def foreign_keys_checked_at_the_end(tables):
    """Drop the tables' foreign keys, and add them back (checking every row) when done.

    PostgreSQL's advice for bulk loads: one check per constraint over the whole table is far
    faster than a trigger per row. Inside the transaction, so a failure restores them.
    """
    connection.check_constraints()  # settles pending checks, which would block ALTER TABLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [list(tables)],
        )
        keys = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def copy_rows(table: str, columns, rows) -> int:
    written = 0
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
            written += 1
    return written


def copy_pairs(table: str, columns, pairs) -> int:
    return copy_rows(table, columns, zip(*pairs, strict=True))


def next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def reset_sequence(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )
