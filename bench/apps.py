from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark: synthetic data at scale and the harness that measures against it."""

    name = "bench"
    default_auto_field = "django.db.models.BigAutoField"
