from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView


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
