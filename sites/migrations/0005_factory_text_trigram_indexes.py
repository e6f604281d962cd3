from django.db import migrations

# Trigram indexes behind finding a factory, and its events, by what it is or makes
# ("paper mill", "soy sauce"): icontains on its name and products compares UPPER(column).
# PostgreSQL only, as in 0002.
TRIGRAM_INDEXES = [
    ("sites_factory_name_trgm", "sites_factory", "(UPPER(name))"),
    ("sites_factory_products_trgm", "sites_factory", "(UPPER(products))"),
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
    dependencies = [("sites", "0004_factory_sectors_of_the_record")]

    operations = [migrations.RunPython(create_trigram_indexes, drop_trigram_indexes)]
