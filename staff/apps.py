from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The staff workflow: roles, bulk import and export, history, article intake."""

    name = "staff"
    verbose_name = "staff workflow"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The admin composes the apps below it: their forms are registered here, not in the
        # apps, which do not import staff.
        from staff import event_admin, place_admin  # noqa: F401
