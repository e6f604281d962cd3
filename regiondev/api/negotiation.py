"""`?format=` picks the format; an unknown or empty one is refused, never quietly ignored.

Kept apart from the views: DRF imports this class from its settings while it is still
loading its own views.
"""

from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class FormatNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        param = self.settings.URL_FORMAT_OVERRIDE
        if param and param in request.query_params:
            asked = request.query_params[param]
            offered = [renderer.format for renderer in renderers]
            if asked not in offered:
                names = ", ".join(f for f in offered if f != "api")
                raise ValidationError({param: [f"Unknown format “{asked}”: use one of {names}."]})
        return super().select_renderer(request, renderers, format_suffix)
