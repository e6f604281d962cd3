"""A file's preview checks every row as its import would and writes nothing, in a number of
queries that does not grow with its rows (beside the savepoint django-import-export opens
around each row): the records, places and sources a file names are read once per file."""

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Source
from sites.models import Factory
from staff.event_resources import CeremonyResource
from staff.place_resources import FactoryResource

HEADER = ["slug", "name", "county", "sector", "latitude", "longitude", "sources"]


def factory_rows(n: int, *, sources: str = "") -> tablib.Dataset:
    counties = ["songchon", "Unpha", "sukchon-gun", "은파군"]
    return tablib.Dataset(
        *[
            (f"preview-{i}", f"Preview factory {i}", counties[i % 4], "foodstuff", "", "", sources)
            for i in range(n)
        ],
        headers=HEADER,
    )


def previewed(dataset: tablib.Dataset):
    with CaptureQueriesContext(connection) as queries:
        result = FactoryResource().import_data(dataset, dry_run=True)
    statements = [query["sql"] for query in queries.captured_queries]
    return result, [sql for sql in statements if "SAVEPOINT" not in sql]


def errors_of(result) -> dict:
    return {row.number: row.error_dict for row in result.invalid_rows}


def test_a_preview_writes_nothing_and_looks_each_name_up_once_per_file(seeded):
    source = Source.objects.order_by("pk").first()
    small, small_sql = previewed(factory_rows(10, sources=str(source.pk)))
    large, large_sql = previewed(factory_rows(40, sources=str(source.pk)))
    assert (small.totals["new"], large.totals["new"]) == (10, 40)
    assert not large.has_errors()
    assert not large.has_validation_errors(), errors_of(large)
    writes = [sql for sql in large_sql if sql.split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert len(large_sql) == len(small_sql)
    assert not Factory.objects.filter(slug__startswith="preview-").exists()


def test_a_record_given_two_rows_is_refused_naming_the_first(seeded):
    dataset = factory_rows(3)
    dataset.append(("preview-1", "Another name", "songchon", "foodstuff", "", "", ""))
    result, _ = previewed(dataset)
    assert set(errors_of(result)) == {4}
    assert "Row 2 gives this slug too" in errors_of(result)[4]["slug"][0]


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_refusal_looked_up_once_is_given_on_every_row_it_applies_to(seeded, dry_run):
    dataset = factory_rows(4)
    for number in (1, 3):  # rows 2 and 4: a latitude without its longitude
        dataset[number] = (*dataset[number][:4], "39.5", "", "")
    dataset[2] = (*dataset[2][:2], "Nowhere", *dataset[2][3:])
    dataset.append(("preview-9", "Preview factory 9", "Nowhere", "foodstuff", "", "", ""))
    result = FactoryResource().import_data(dataset, dry_run=dry_run)
    errors = errors_of(result)
    assert set(errors) == {2, 3, 4, 5}
    for number in (2, 4):
        assert errors[number]["__all__"] == ["Give both latitude and longitude, or neither."]
    for number in (3, 5):
        assert "There is no county named “Nowhere”" in errors[number]["county"][0]
    assert not Factory.objects.filter(slug__startswith="preview-").exists()


def test_a_preview_of_events_reads_in_queries_that_do_not_grow_with_its_rows(seeded):
    factories = list(Factory.objects.values_list("slug", flat=True)[:4])

    def ceremonies(n: int) -> tablib.Dataset:
        return tablib.Dataset(
            *[
                ("", "other", f"{i % 7 + 1} March 2025", factories[i % 4], f"Meeting {i}")
                for i in range(n)
            ],
            headers=["id", "kind", "date", "factories", "title"],
        )

    def previewed_ceremonies(n: int):
        with CaptureQueriesContext(connection) as queries:
            result = CeremonyResource().import_data(ceremonies(n), dry_run=True)
        assert result.totals["new"] == n, errors_of(result)
        return [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]

    assert len(previewed_ceremonies(40)) == len(previewed_ceremonies(10))
