"""Reads of public pages and API GETs go to a read replica when one is configured.

A request's reads may use the replica only when the request cannot write: a safe method
(GET, HEAD, OPTIONS) outside the admin. `ReplicaReadsMiddleware` decides that once per
request; `PrimaryReplicaRouter` follows the decision. Everything else — writes, the admin,
management commands, migrations — uses `default`, the primary.

Who the visitor is (sessions, users, permissions, API tokens) is always read from the
primary: a replica that lags a few hundred milliseconds must not log someone out right after
they logged in.
"""

from contextvars import ContextVar

from django.conf import settings
from django.urls import reverse

PRIMARY = "default"
REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
IDENTITY_APPS = frozenset({"auth", "sessions", "contenttypes", "admin", "accounts"})

_reads_from_replica = ContextVar("reads_from_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _reads_from_replica.get()
            and model._meta.app_label not in IDENTITY_APPS
            and replica_configured()
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows, so objects from either may be related.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica receives its schema from the primary through replication.
        return db != REPLICA


class ReplicaReadsMiddleware:
    """Lets the router send this request's reads to the replica when it cannot write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_from_replica.set(self.may_read_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(token)

    @staticmethod
    def may_read_from_replica(request) -> bool:
        return request.method in SAFE_METHODS and not request.path.startswith(
            reverse("admin:index")
        )
