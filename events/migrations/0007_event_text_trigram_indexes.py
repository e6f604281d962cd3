from django.db import migrations

# Trigram indexes behind the search over what happened (events/vocabulary.py and
# EventQuerySet.search): words in an event's summary, place and people. icontains compares
# UPPER(column), so the index is on that. PostgreSQL only, as in 0003.
TRIGRAM_INDEXES = [
    (f"events_{table}_{column}_trgm", f"events_{table}", f"(UPPER({column}))")
    for table, columns in (
        ("ceremony", ("summary", "place_name", "speakers")),
        ("guidancevisit", ("summary", "place_name", "led_by")),
    )
    for column in columns
]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("events", "0006_source_order_undated_last")]

    operations = [migrations.RunPython(create_trigram_indexes, drop_trigram_indexes)]
