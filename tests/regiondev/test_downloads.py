"""The whole record in one archive: it opens, and loads back into an empty database; it is
built once per change of the data, validated, throttled, and never built twice at once."""

import csv
import io
import json
import zipfile

import pytest
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from rq import SimpleWorker

from events.models import Photo
from regiondev import prebuilt
from regiondev.downloads import ARCHIVE_NAME, RECORDS_FILE, record_models
from tests import factories as make
from tests.pages.conftest import png
from tests.services import needs_redis, rq_queue_on_redis

URL = "/api/downloads/records.zip"


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
    factory = make.factory(
        county=songchon, name="Songchon Foodstuff Factory", sector="foodstuff", draft=True
    )
    factory.sources.add(kcna)
    groundbreaking = make.ceremony(
        kind="groundbreaking",
        date="2024-02-21/2024-02-29",
        county=songchon,
        factories=[factory],
        sources=[kcna],
        leader_present=True,
    )
    make.ceremony(
        kind="inauguration",
        date="2024-12-20",
        county=songchon,
        factories=[factory],
        sources=[kcna],
    )
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
    # A province, county, factory, source, three events, a photo, the four citations of the
    # source (the factory's and the three events'), and the leader with his appearance where
    # he was present.
    assert len(after) == 14
    ceremony = next(fields for (model, _), fields in after.items() if model == "events.ceremony")
    assert ceremony["factories"]  # the links came back too, the sources as citations
    assert sum(model == "events.citation" for model, _ in after) == 4


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


def download(client, **headers):
    """The response and, for a 200, its bytes; the queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, **headers)
        body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body, len(queries)


def factory_names(body: bytes) -> set[str]:
    bundle = zipfile.ZipFile(io.BytesIO(body))
    rows = csv.DictReader(io.StringIO(bundle.read(f"{ARCHIVE_NAME}/csv/factories.csv").decode()))
    return {row["name"] for row in rows}


def building(address="http://testserver" + URL):
    """The lock a running build holds on the archive."""
    return f"prebuilt:{prebuilt.digest(address)}:building"


class TestBuiltOncePerChange:
    def test_a_repeat_is_streamed_from_storage_without_a_query(self, client, record):
        first, body, cost = download(client)
        assert cost > 10
        for _ in range(3):
            again, same, repeat_cost = download(client)
            assert again.status_code == 200
            assert repeat_cost == 0
            assert same == body
        assert again["Content-Disposition"] == first["Content-Disposition"]

    def test_a_change_gives_a_new_archive_that_shows_it(self, client, record):
        first, body, _ = download(client)
        assert factory_names(body) == {"Songchon Foodstuff Factory"}
        make.factory(county=record, name="Songchon Textile Mill")
        second, changed, cost = download(client)
        assert cost > 10  # built again, once
        assert factory_names(changed) == {"Songchon Foodstuff Factory", "Songchon Textile Mill"}
        assert second["ETag"] != first["ETag"]
        third, same, cost = download(client)
        assert (cost, same, third["ETag"]) == (0, changed, second["ETag"])

    def test_each_host_gets_an_archive_with_its_own_address(self, client, record, settings):
        settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
        _, here, _ = download(client)
        _, there, cost = download(client, HTTP_HOST="mirror.example")
        assert cost > 10

        def readme(body: bytes) -> str:
            return zipfile.ZipFile(io.BytesIO(body)).read(f"{ARCHIVE_NAME}/README.txt").decode()

        assert "http://mirror.example/" in readme(there)
        assert "mirror.example" not in readme(here)


class TestValidators:
    def test_the_archive_carries_an_etag_a_date_and_a_cache_policy(self, client, record):
        response, _, _ = download(client)
        assert response["ETag"].startswith('W/"')
        assert response["Last-Modified"].endswith(" GMT")
        policy = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=0", "must-revalidate"} <= policy

    def test_a_client_holding_the_current_archive_gets_304_without_a_body(self, client, record):
        response, _, _ = download(client)
        for asked in (
            {"HTTP_IF_NONE_MATCH": response["ETag"]},
            {"HTTP_IF_MODIFIED_SINCE": response["Last-Modified"]},
        ):
            again, _, cost = download(client, **asked)
            assert (again.status_code, cost) == (304, 0)
            assert again["ETag"] == response["ETag"]

    def test_a_client_holding_an_older_archive_gets_the_new_one(self, client, record):
        response, _, _ = download(client)
        make.factory(county=record, name="Songchon Textile Mill")
        again, body, _ = download(client, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 200
        assert "Songchon Textile Mill" in factory_names(body)


class TestThrottled:
    def test_anonymous_clients_are_held_to_the_api_rate(self, client, record, settings):
        settings.API_ANON_RATE = "3/hour"
        statuses = [download(client)[0].status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        refused = client.get(URL)
        assert int(refused["Retry-After"]) > 0
        assert refused.json()["detail"].startswith("Request was throttled")

    def test_a_304_counts_against_the_rate_too(self, client, record, settings):
        settings.API_ANON_RATE = "2/hour"
        etag = download(client)[0]["ETag"]
        assert download(client, HTTP_IF_NONE_MATCH=etag)[0].status_code == 304
        assert download(client, HTTP_IF_NONE_MATCH=etag)[0].status_code == 429

    def test_signed_in_staff_are_not_throttled(self, staff_client, record, settings):
        settings.API_ANON_RATE = "1/hour"
        assert [download(staff_client)[0].status_code for _ in range(3)] == [200, 200, 200]


class TestOneBuildAtATime:
    def test_while_the_first_build_runs_others_are_told_to_come_back(self, client, record):
        cache.add(building(), True)
        response, _, cost = download(client)
        assert (response.status_code, cost) == (503, 0)
        assert int(response["Retry-After"]) > 0
        assert "being prepared" in response.json()["detail"]

    def test_while_a_rebuild_runs_others_get_the_previous_archive(self, client, record):
        first, body, _ = download(client)
        make.factory(county=record, name="Songchon Textile Mill")
        cache.add(building(), True)
        stale, same, cost = download(client)
        assert (stale.status_code, cost, same) == (200, 0, body)
        assert (stale["ETag"], stale["Last-Modified"]) == (first["ETag"], first["Last-Modified"])
        cache.delete(building())
        fresh, changed, _ = download(client)
        assert fresh["ETag"] != first["ETag"]
        assert "Songchon Textile Mill" in factory_names(changed)

    def test_a_stored_archive_two_builds_old_is_deleted(self, client, record, settings):
        download(client)
        for name in ("Songchon Textile Mill", "Songchon Shoe Factory"):
            make.factory(county=record, name=name)
            download(client)
        folder = settings.STORAGES["downloads"]["OPTIONS"]["location"]
        assert len([path for path in folder.rglob("*") if path.is_file()]) == 2

    def test_an_archive_an_hour_old_is_built_again_though_nothing_changed(
        self, client, record, monkeypatch
    ):
        """Where each process keeps its own cache, it does not see the others' writes."""
        first, _, _ = download(client)
        clock = prebuilt.time.time()
        monkeypatch.setattr(prebuilt.time, "time", lambda: clock + prebuilt.MAX_AGE)
        again, body, cost = download(client)
        assert (again.status_code, again["ETag"]) == (200, first["ETag"])  # the same data
        assert factory_names(body) == {"Songchon Foodstuff Factory"}
        assert cost > 10
        assert download(client)[2] == 0

    def test_an_archive_deleted_from_storage_is_built_again(self, client, record, settings):
        download(client)
        folder = settings.STORAGES["downloads"]["OPTIONS"]["location"]
        for path in folder.rglob("*"):
            if path.is_file():
                path.unlink()
        refused, _, _ = download(client)  # which starts the build again
        assert (refused.status_code, int(refused["Retry-After"]) > 0) == (503, True)
        response, body, _ = download(client)
        assert response.status_code == 200
        assert factory_names(body) == {"Songchon Foodstuff Factory"}


@pytest.fixture
def queue_on_redis():
    """RQ on the Redis at 127.0.0.1:6379 (its database 13), emptied before and after."""
    with rq_queue_on_redis(13) as queue:
        yield queue


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_with_a_job_queue_a_worker_builds_the_archive_once(client, queue_on_redis):
    make.factory(name="Songchon Foodstuff Factory")
    answers = [download(client) for _ in range(3)]
    assert [(response.status_code, cost) for response, _, cost in answers] == [(503, 0)] * 3
    assert queue_on_redis.count == 1  # one build, however many asked

    SimpleWorker([queue_on_redis], connection=queue_on_redis.connection).work(burst=True)
    response, body, cost = download(client)
    assert (response.status_code, cost) == (200, 0)
    assert factory_names(body) == {"Songchon Foodstuff Factory"}

    make.factory(name="Sinpho Fish Factory")
    stale, same, cost = download(client)
    assert (stale.status_code, cost, same, stale["ETag"]) == (200, 0, body, response["ETag"])
    SimpleWorker([queue_on_redis], connection=queue_on_redis.connection).work(burst=True)
    assert "Sinpho Fish Factory" in factory_names(download(client)[1])


LISTS = ["province", "county", "factory", "ceremony", "guidance-visit", "source", "photo"]


class TestWholeListCsv:
    """An unfiltered whole-list CSV is the same kind of heavy answer as the archive."""

    @staticmethod
    def csv_download(client, basename, params=(), **headers):
        with CaptureQueriesContext(connection) as queries:
            url = reverse(f"api:{basename}-list")
            response = client.get(url, {"format": "csv", **dict(params)}, **headers)
            body = b"".join(response.streaming_content) if response.status_code == 200 else b""
        return response, body, len(queries)

    @pytest.mark.parametrize("basename", LISTS)
    def test_a_repeat_is_streamed_from_storage_and_a_holder_gets_304(
        self, client, record, basename
    ):
        first, body, cost = self.csv_download(client, basename)
        assert cost > 0
        assert first["Content-Type"] == "text/csv; charset=utf-8"
        assert first["Content-Disposition"] == f'attachment; filename="{basename}.csv"'
        # A parameter that is no filter changes nothing in the list, nor in what it costs.
        for params in ({}, {"utm_source": "newsletter"}):
            again, same, cost = self.csv_download(client, basename, params)
            assert (again.status_code, cost, same) == (200, 0, body)
        held, _, cost = self.csv_download(client, basename, HTTP_IF_NONE_MATCH=first["ETag"])
        assert (held.status_code, cost) == (304, 0)

    def test_a_change_shows_in_the_next_download_filtered_or_not(self, client, record):
        first, _, _ = self.csv_download(client, "factory")
        make.factory(county=record, name="Songchon Textile Mill")
        make.factory(name="Sinpho Fish Factory")
        second, whole, _ = self.csv_download(client, "factory")
        assert second["ETag"] != first["ETag"]
        filtered, part, cost = self.csv_download(client, "factory", {"county": record.slug})
        assert cost > 0  # a filtered list is read as it is asked for, not kept
        assert "ETag" not in filtered

        def names(body: bytes) -> set[str]:
            return {row["name"] for row in csv.DictReader(io.StringIO(body.decode()))}

        assert names(whole) == {
            "Songchon Foodstuff Factory",
            "Songchon Textile Mill",
            "Sinpho Fish Factory",
        }
        assert names(part) == {"Songchon Foodstuff Factory", "Songchon Textile Mill"}
