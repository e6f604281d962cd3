from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The staff workflow: roles, bulk import and export, history, article intake."""

    name = "staff"
    verbose_name = "staff workflow"
    default_auto_field = "django.db.models.BigAutoField"
