from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DataError, IntegrityError
from django.template.defaultfilters import filesizeformat

from regiondev.errors import error_response, integrity_conflict


class RequestSizeLimitMiddleware:
    """Refuse a request body over its limit with 413 and a message, before anything reads it.

    Django checks DATA_UPLOAD_MAX_MEMORY_SIZE only when `request.body` or `request.POST` is
    read, and answers 400; REST framework's parsers read the stream and skip the check. So the
    declared Content-Length is judged here, once for every view: an upload (multipart) may be
    as large as MAX_UPLOAD_REQUEST_SIZE, any other body DATA_UPLOAD_MAX_MEMORY_SIZE. A body that
    lies about its length is cut at the declared length by the WSGI stream.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = self.limit_for(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            return self.too_large(request, limit)
        if self.is_upload(request) and request.method == "POST":
            # The form fields of an upload count against DATA_UPLOAD_MAX_MEMORY_SIZE; parse
            # them here, where an overflow can still become a 413 (CSRF checking would
            # otherwise parse them first and turn the error into a 400).
            try:
                request.POST  # noqa: B018
            except RequestDataTooBig:
                return self.too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RequestDataTooBig):
            return self.too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return None

    @staticmethod
    def is_upload(request) -> bool:
        return request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data")

    def limit_for(self, request):
        if self.is_upload(request):
            return settings.MAX_UPLOAD_REQUEST_SIZE
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    @staticmethod
    def too_large(request, limit):
        return error_response(
            request,
            413,
            "Request too large",
            f"The request body is larger than this server accepts ({filesizeformat(limit)}). "
            "Nothing was saved; send a smaller file or fewer data.",
        )


class IntegrityErrorMiddleware:
    """A write the database refuses (a unique value taken by a concurrent save, a constraint)
    is a 409 with the constraint's message, never a 500; a value it cannot hold at all (a NUL
    character, which PostgreSQL text refuses) is a 400. The view's transaction has already
    rolled back when the error reaches here, so nothing is half-saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, IntegrityError):
            return integrity_conflict(request, exception)
        if isinstance(exception, DataError):
            return error_response(
                request,
                400,
                "Not saved: a value the database cannot hold",
                "A value sent is one the database cannot store (a NUL character, or a number "
                "or text too large). Nothing was saved; correct it and try again.",
            )
        return None
