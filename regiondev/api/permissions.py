"""Who may do what through the API. Kept apart from the views: DRF imports these classes
from its settings while it is still loading its own views."""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly
from rest_framework.throttling import AnonRateThrottle

from regiondev.caching import count


class WritePermission(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads; a write needs a token or a staff session, and the model permission."""

    message = "Writing needs the permission to do so, with an API token or a staff session."

    def has_permission(self, request, view):
        if (
            request.method not in SAFE_METHODS
            and request.auth is None
            and not request.user.is_staff
        ):
            return False
        return super().has_permission(request, view)


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous requests, at the rate API_ANON_RATE sets (read per request, so tests can
    change it), counted per client and fixed window in the shared cache: one increment a
    request, where DRF's own reads a list of timestamps and writes it back. A request that
    CachedAnswerMiddleware counted already (with its cache lookup) is not counted again."""

    def get_rate(self):
        return settings.API_ANON_RATE

    def counter(self, request) -> tuple[str, int] | None:
        """This client's counter in the current window and its lifetime; None when the
        request is not throttled."""
        if self.rate is None:
            return None
        client = self.get_cache_key(request, None)
        if client is None:
            return None
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_ends = (window + 1) * self.duration
        return f"{client}:{window}", self.duration

    def allow_request(self, request, view):
        counter = self.counter(request)
        if counter is None:
            return True
        counts = getattr(request, "throttle_counts", {})
        if counter not in counts:
            counts[counter] = count(*counter)
            request.throttle_counts = counts
        return counts[counter] <= self.num_requests

    def wait(self):
        return self.window_ends - self.now
