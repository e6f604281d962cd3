from django.apps import AppConfig


class RegiondevConfig(AppConfig):
    """The project's own pieces that need the app registry: the cache's change signals."""

    name = "regiondev"

    def ready(self):
        from regiondev import caching  # noqa: F401  (connects the receivers)
