# `?q=` on sources reads the description beside the title and excerpt: its trigram index, as
# 0003 made theirs (PostgreSQL only).
from django.db import migrations

INDEX = "events_source_description_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON events_source "
            "USING gin ((UPPER(description)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("events", "0013_people")]

    operations = [migrations.RunPython(create, drop)]
