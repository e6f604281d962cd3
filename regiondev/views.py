from django.http import JsonResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request):
    """Says the app server is up; touches no database, so load balancers may poll it often."""
    return JsonResponse({"status": "ok"})
