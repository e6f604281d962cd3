"""The whole record in one archive: it opens, and loads back into an empty database."""

import csv
import io
import json
import zipfile

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.dateparse import parse_datetime

from events.models import Photo
from regiondev.downloads import ARCHIVE_NAME, RECORDS_FILE, record_models
from tests import factories as make
from tests.pages.conftest import png


def everything() -> dict:
    """Every record of every model, as plain data, keyed by model and id."""
    # A many-to-many list comes in the link table's order, which PostgreSQL does not keep.
    # A time is written to the millisecond, as ".000" when it has microseconds only, and read
    # back without them: compared as times, not as text.
    return {
        (row["model"], row["pk"]): {
            name: sorted(value)
            if isinstance(value, list)
            else parse_datetime(value)
            if name.endswith("_at") and value
            else value
            for name, value in row["fields"].items()
        }
        for row in json.loads(
            serializers.serialize(
                "json",
                [record for model in record_models() for record in model._default_manager.all()],
            )
        )
    }


def archive(client) -> zipfile.ZipFile:
    response = client.get(reverse("api:download-records"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def record(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    songchon = make.county(
        name="Songchon", latitude=39.2528, longitude=126.2011, programme_year=2024
    )
    kcna = make.source(title='=HYPERLINK("x") Kim Jong Un\'s World', published="2025")
    factory = make.factory(county=songchon, name="Songchon Foodstuff Factory", sector="foodstuff")
    factory.sources.add(kcna)
    groundbreaking = make.ceremony(
        kind="groundbreaking",
        date="2024-02-21/2024-02-29",
        county=songchon,
        factories=[factory],
        sources=[kcna],
        leader_present=True,
    )
    make.ceremony(kind="inauguration", date="2024-12-20", county=songchon, factories=[factory])
    make.visit(date="2024-07", place_name="the shore in Sinpho", sources=[kcna])
    Photo.objects.create(
        image=png(), caption="The workshop", credit="KCNA", source=kcna, ceremony=groundbreaking
    )
    return songchon


def test_the_archive_holds_every_list_the_records_the_licence_and_a_citation(client, record):
    bundle = archive(client)
    names = set(bundle.namelist())
    for resource in ("provinces", "counties", "factories", "ceremonies", "guidance-visits"):
        assert f"{ARCHIVE_NAME}/csv/{resource}.csv" in names
    assert {f"{ARCHIVE_NAME}/{n}" for n in ("LICENCE.txt", "CITATION.cff", "README.txt")} <= names
    assert "CC BY" in bundle.read(f"{ARCHIVE_NAME}/LICENCE.txt").decode()
    assert "GeoNames" in bundle.read(f"{ARCHIVE_NAME}/LICENCE.txt").decode()
    assert "cff-version: 1.2.0" in bundle.read(f"{ARCHIVE_NAME}/CITATION.cff").decode()
    sources = list(
        csv.DictReader(io.StringIO(bundle.read(f"{ARCHIVE_NAME}/csv/sources.csv").decode("utf-8-sig")))
    )
    assert sources[0]["title"].startswith("'=HYPERLINK")  # escaped as the API's CSV is
    ceremonies = bundle.read(f"{ARCHIVE_NAME}/csv/ceremonies.csv").decode()
    assert "2024-02-21/2024-02-29" in ceremonies
    assert "late February 2024" in ceremonies


def test_the_archive_loads_back_into_an_empty_database_with_every_record_equal(
    client, record, tmp_path
):
    before = everything()
    bundle = archive(client)
    records = tmp_path / RECORDS_FILE
    records.write_bytes(bundle.read(f"{ARCHIVE_NAME}/{RECORDS_FILE}"))

    for model in reversed(record_models()):
        model._default_manager.all().delete()
    assert everything() == {}

    call_command("loaddata", str(records), verbosity=0)
    after = everything()
    assert after == before
    # A province, county, factory, source, three events, a photo and the three events'
    # citations of the source.
    assert len(after) == 11
    ceremony = next(fields for (model, _), fields in after.items() if model == "events.ceremony")
    assert ceremony["factories"]  # the links came back too, the sources as citations
    assert sum(model == "events.citation" for model, _ in after) == 3


def test_the_archive_costs_the_same_queries_at_any_size(client, db):
    """Guards against a query per record."""

    def cost(rows: int) -> int:
        for _ in range(rows):
            factory = make.factory()
            make.ceremony(factories=[factory], sources=[make.source()], county=factory.county)
        with CaptureQueriesContext(connection) as queries:
            archive(client)
        return len(queries)

    assert cost(2) == cost(20)
