"""Reads of public pages and API GETs go to the replica; writes and the admin to the primary."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Ceremony
from regiondev.routers import PRIMARY, REPLICA, PrimaryReplicaRouter, ReplicaReadsMiddleware
from sites.models import County, Factory
from tests import factories as make

router = PrimaryReplicaRouter()


@pytest.fixture(scope="module", autouse=True)
def replica(django_db_setup, django_db_blocker):
    """A second database alias: a mirror of the test database, as a streaming replica is of
    the primary. Rows committed by a test (transaction=True) are seen through both."""
    primary = connections[PRIMARY].settings_dict
    settings.DATABASES[REPLICA] = {**primary, "TEST": {**primary["TEST"], "MIRROR": PRIMARY}}
    yield
    with django_db_blocker.unblock():
        connections[REPLICA].close()
    del connections[REPLICA]
    del settings.DATABASES[REPLICA]


pytestmark = pytest.mark.django_db(transaction=True, databases=[PRIMARY, REPLICA])


def routed_reads(method: str, path: str) -> dict:
    """Where a request's reads of each model go, as the middleware and router decide."""
    seen = {}

    def view(request):
        for model in (Factory, Ceremony, County, User, Session):
            seen[model._meta.label] = router.db_for_read(model)
        return HttpResponse()

    request = getattr(RequestFactory(), method.lower())(path)
    ReplicaReadsMiddleware(view)(request)
    return seen


def test_without_a_replica_everything_uses_the_primary(monkeypatch):
    monkeypatch.delitem(settings.DATABASES, REPLICA)
    reads = routed_reads("GET", "/counties/songchon/")
    assert set(reads.values()) == {PRIMARY}


class TestWithAReplica:
    @pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
    @pytest.mark.parametrize("path", ["/counties/songchon/", "/api/factories/", "/"])
    def test_safe_public_requests_read_records_from_the_replica(self, method, path):
        reads = routed_reads(method, path)
        assert reads["sites.Factory"] == reads["events.Ceremony"] == REPLICA
        # Who is asking is always read from the primary.
        assert reads["auth.User"] == reads["sessions.Session"] == PRIMARY

    @pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
    def test_requests_that_write_read_from_the_primary(self, method):
        assert set(routed_reads(method, "/api/factories/").values()) == {PRIMARY}

    def test_the_admin_reads_from_the_primary(self):
        assert set(routed_reads("GET", reverse("admin:index") + "sites/factory/").values()) == {
            PRIMARY
        }

    def test_outside_a_request_reads_use_the_primary(self):
        assert router.db_for_read(Factory) == PRIMARY

    def test_writes_always_go_to_the_primary(self):
        routed = {}

        def view(request):
            routed["write"] = router.db_for_write(Factory)
            return HttpResponse()

        ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
        assert routed["write"] == PRIMARY

    def test_a_page_reads_through_the_replica_connection(self, client):
        county = make.county(name="Songchon", slug="songchon")
        make.factory(county=county, name="Songchon Foodstuff Factory")
        with (
            CaptureQueriesContext(connections[PRIMARY]) as on_primary,
            CaptureQueriesContext(connections[REPLICA]) as on_replica,
        ):
            response = client.get(county.get_absolute_url())
        assert response.status_code == 200
        assert "Songchon Foodstuff Factory" in response.content.decode()
        assert any("sites_factory" in query["sql"] for query in on_replica.captured_queries)
        assert not any("sites_factory" in query["sql"] for query in on_primary)

    def test_a_record_read_from_the_replica_saves_to_the_primary(self):
        county = make.county()
        from_replica = County.objects.using(REPLICA).get(pk=county.pk)
        factory = Factory(county=from_replica, name="New factory", slug="new-factory")
        factory.save()
        assert Factory.objects.using(PRIMARY).filter(slug="new-factory", county=county).exists()

    def test_migrations_run_on_the_primary_only(self):
        assert router.allow_migrate(PRIMARY, "sites") is True
        assert router.allow_migrate(REPLICA, "sites") is False
