from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django.views.static import serve


@require_safe
def healthz(request):
    """Says the app server is up; touches no database, so load balancers may poll it often."""
    return JsonResponse({"status": "ok"})


class MethodView(TemplateView):
    """How dates, uncertainty, sources and disagreements are handled; citing; the licence."""

    template_name = "method.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            licence=settings.REGIONDEV_DATA_LICENCE,
            credits=settings.REGIONDEV_CREDITS,
            citation=settings.REGIONDEV_CITATION,
            **kwargs,
        )


@require_safe
def media_file(request, path):
    """An uploaded photo from MEDIA_ROOT, so that the app alone (gunicorn, as deployed)
    serves them; in front of a proxy that serves /media/ itself this is never reached.
    Django's `serve` refuses a path out of MEDIA_ROOT and a folder (404, no listing) and
    answers a matching If-Modified-Since with 304. A stored photo's name is random and its
    file never rewritten, so a copy may be kept for a year."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    # Whatever a file holds, a browser opening it runs nothing of it.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
