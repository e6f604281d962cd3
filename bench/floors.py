"""Floors: what each benchmarked view shows, read with raw psycopg SQL and encoded.

A floor is the least work any implementation must do for the same answer: the rows the
view shows, fetched with the fewest plain queries over the same indexes, and encoded as JSON
(as CSV for the CSV export). The ratio of a view's median to its floor is the price of
everything else: the ORM, serializers, templates, middleware.
"""

import csv
import io
import json

from psycopg.rows import dict_row

FACTORY_ROW = """
    SELECT f.id, f.slug, f.name, f.sector, f.products, f.description, f.latitude, f.longitude,
           f.status, f.groundbreaking_date, f.groundbreaking_lower, f.groundbreaking_upper,
           f.inauguration_date, f.inauguration_lower, f.inauguration_upper, f.updated_at,
           c.id AS county_id, c.slug AS county_slug, c.name AS county_name,
           p.id AS province_id, p.slug AS province_slug, p.name AS province_name
      FROM sites_factory f
      JOIN sites_county c ON c.id = f.county_id
      JOIN sites_province p ON p.id = c.province_id
"""
EVENT_COLUMNS = """
    e.id, e.kind, e.date, e.date_lower, e.date_upper, e.place_name, e.leader_present,
    e.summary, c.name AS county_name, c.slug AS county_slug, p.name AS province_name
"""
EVENT_PLACES = """
    LEFT JOIN sites_county c ON c.id = e.county_id
    LEFT JOIN sites_province p ON p.id = e.province_id
"""
SOURCE_COLUMNS = "s.id, s.title, s.description, s.publisher, s.published, s.url"
# Each kind of event: its table, its id's column in the link tables, its kind, and its
# column in events_photo.
EVENT_TABLES = (
    ("events_ceremony", "ceremony_id", "ceremony", "ceremony_id"),
    ("events_guidancevisit", "guidancevisit_id", "visit", "visit_id"),
)
PHOTO_COLUMNS = """
    p.id, p.image, p.thumbnail, p.caption, p.credit, p.width, p.height,
    s.id AS source_id, s.title AS source_title, s.published AS source_published
"""


def encode(data) -> bytes:
    return json.dumps(data, default=str, ensure_ascii=False).encode()


def rows(conn, sql: str, params=()) -> list[dict]:
    with conn.cursor(row_factory=dict_row) as cursor:
        return cursor.execute(sql, params).fetchall()


def attach(conn, records: list[dict], name: str, sql: str) -> None:
    """Each record's rows from `sql`, as a list under `name`: one query for all records.
    `sql` selects the record's id as `owner` and takes the list of ids as its parameter."""
    by_id = {record["id"]: record for record in records}
    for record in records:
        record[name] = []
    if not by_id:
        return
    for row in rows(conn, sql, [list(by_id)]):
        by_id[row.pop("owner")][name].append(row)


def attach_sources(conn, records: list[dict], link_table: str, column: str) -> None:
    attach(
        conn,
        records,
        "sources",
        f"SELECT l.{column} AS owner, {SOURCE_COLUMNS} FROM {link_table} l"
        f" JOIN events_source s ON s.id = l.source_id WHERE l.{column} = ANY(%s)",
    )


def attach_photos(conn, records: list[dict], column: str) -> None:
    attach(
        conn,
        records,
        "photos",
        f"SELECT p.{column} AS owner, {PHOTO_COLUMNS} FROM events_photo p"
        f" JOIN events_source s ON s.id = p.source_id WHERE p.{column} = ANY(%s)",
    )


def subjects(conn) -> dict:
    """What the pages and the timeline are measured on: Songchon, the programme's first
    county, and its first operating factory."""
    county = "songchon"
    factory = conn.execute(
        "SELECT f.slug FROM sites_factory f JOIN sites_county c ON c.id = f.county_id"
        " WHERE c.slug = %s AND f.status = 'operating' ORDER BY f.slug LIMIT 1",
        [county],
    ).fetchone()[0]
    return {"county": county, "factory": factory}


def factory_list(conn, size: int, after: str | None = None) -> list[dict]:
    factories = rows(
        conn,
        FACTORY_ROW + " WHERE f.slug > %s ORDER BY f.slug LIMIT %s",
        [after or "", size],
    )
    attach_sources(conn, factories, "events_citation", "factory_id")
    return factories


def factory_page(conn, size: int, after: str | None = None) -> bytes:
    return encode({"results": factory_list(conn, size, after)})


def factory_csv(conn, count: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    after, written = None, 0
    while written < count:  # in pages of 500, as the API serves them
        page = factory_list(conn, min(500, count - written), after)
        if written == 0:
            writer.writerow(page[0].keys())
        for factory in page:
            writer.writerow(
                [
                    "; ".join(s["title"] for s in value) if isinstance(value, list) else value
                    for value in factory.values()
                ]
            )
        written += len(page)
        after = page[-1]["slug"]
    return buffer.getvalue().encode()


def factory_events(conn, factory_id: int, photos: bool = False) -> list[dict]:
    events = []
    for table, column, kind, photo_column in EVENT_TABLES:
        found = rows(
            conn,
            f"SELECT {EVENT_COLUMNS} FROM {table} e JOIN {table}_factories l ON l.{column} = e.id"
            f" {EVENT_PLACES} WHERE l.factory_id = %s",
            [factory_id],
        )
        attach_sources(conn, found, "events_citation", photo_column)
        if photos:
            attach_photos(conn, found, photo_column)
        events.extend({**event, "type": kind} for event in found)
    events.sort(key=lambda e: (e["date_lower"], e["date_upper"], e["id"]))
    return events


def timeline(conn, slug: str, photos: bool = False) -> bytes:
    (factory,) = rows(conn, FACTORY_ROW + " WHERE f.slug = %s", [slug])
    attach_sources(conn, [factory], "events_citation", "factory_id")
    if photos:
        attach_photos(conn, [factory], "factory_id")
    factory["events"] = factory_events(conn, factory["id"], photos)
    return encode(factory)


def factory_detail(conn, slug: str) -> bytes:
    """What the factory's page shows: its timeline, with the photos beside it."""
    return timeline(conn, slug, photos=True)


def county_page(conn, slug: str) -> bytes:
    (county,) = rows(
        conn,
        "SELECT c.*, p.name AS province_name, p.slug AS province_slug FROM sites_county c"
        " JOIN sites_province p ON p.id = c.province_id WHERE c.slug = %s",
        [slug],
    )
    attach_sources(conn, [county], "sites_county_sources", "county_id")
    # What the page shows: its first 50 factories and latest 50 events (one more of each,
    # to know whether to link on), each with its sources and photos, the events with their
    # factories.
    county["factories"] = rows(
        conn,
        "SELECT id, slug, name, sector, status, groundbreaking_date, groundbreaking_lower,"
        " groundbreaking_upper, inauguration_date, inauguration_lower, inauguration_upper"
        " FROM sites_factory WHERE county_id = %s ORDER BY name, id LIMIT 51",
        [county["id"]],
    )
    attach_sources(conn, county["factories"], "events_citation", "factory_id")
    attach_photos(conn, county["factories"], "factory_id")
    events = []
    for table, column, _, photo_column in EVENT_TABLES:
        found = rows(
            conn,
            f"SELECT {EVENT_COLUMNS} FROM {table} e {EVENT_PLACES} WHERE e.county_id = %s"
            " ORDER BY e.date_lower DESC, e.date_upper DESC, e.id DESC LIMIT 51",
            [county["id"]],
        )
        attach_sources(conn, found, "events_citation", photo_column)
        attach(
            conn,
            found,
            "factories",
            f"SELECT l.{column} AS owner, f.id, f.slug, f.name FROM {table}_factories l"
            f" JOIN sites_factory f ON f.id = l.factory_id WHERE l.{column} = ANY(%s)",
        )
        attach_photos(conn, found, photo_column)
        events += found
    events.sort(key=lambda e: (e["date_lower"], e["date_upper"], e["id"]), reverse=True)
    county["events"] = events[:51]
    return encode(county)


def home_page(conn) -> bytes:
    latest = []
    for table in ("events_ceremony", "events_guidancevisit"):
        latest += rows(
            conn,
            f"SELECT {EVENT_COLUMNS} FROM {table} e {EVENT_PLACES}"
            " ORDER BY e.date_upper DESC, e.date_lower DESC, e.id DESC LIMIT 6",
        )
    latest.sort(key=lambda e: (e["date_upper"], e["date_lower"], e["id"]), reverse=True)
    return encode(
        {
            "programme": rows(
                conn,
                "SELECT c.id, c.slug, c.name, c.programme_year, p.name AS province_name"
                " FROM sites_county c JOIN sites_province p ON p.id = c.province_id"
                " WHERE c.programme_year IS NOT NULL ORDER BY c.programme_year, c.name",
            ),
            "statuses": rows(conn, "SELECT status, count(*) FROM sites_factory GROUP BY status"),
            "latest": latest[:6],
            "sources": conn.execute("SELECT count(*) FROM events_source").fetchone()[0],
        }
    )


def search(conn, key: str, limit: int = 51) -> bytes:
    needle = f"% {key}%"
    places = rows(
        conn,
        "SELECT c.id, c.slug, c.name, p.name AS province_name FROM sites_county c"
        " JOIN sites_province p ON p.id = c.province_id WHERE c.search_keys LIKE %s"
        " ORDER BY c.name LIMIT %s",
        [needle, limit],
    )
    provinces = rows(
        conn,
        "SELECT id, slug, name FROM sites_province WHERE search_keys LIKE %s LIMIT %s",
        [needle, limit],
    )
    factories = rows(
        conn,
        FACTORY_ROW + " WHERE f.search_keys LIKE %s OR c.search_keys LIKE %s"
        " ORDER BY f.name LIMIT %s",
        [needle, needle, limit],
    )
    events = []
    for table in ("events_ceremony", "events_guidancevisit"):
        events += rows(
            conn,
            f"SELECT {EVENT_COLUMNS} FROM {table} e {EVENT_PLACES}"
            " WHERE c.search_keys LIKE %s OR p.search_keys LIKE %s"
            " ORDER BY e.date_lower, e.date_upper, e.id LIMIT %s",
            [needle, needle, limit],
        )
    events.sort(key=lambda e: (e["date_lower"], e["date_upper"], e["id"]))
    return encode(
        {
            "counties": places,
            "provinces": provinces,
            "factories": factories,
            "events": events[:limit],
        }
    )
