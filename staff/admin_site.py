"""The admin site as staff meet it: titled Regiondev, the records they keep first (places,
then events), accounts and login lockouts last."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

# Apps in the order the admin index lists them; others follow in alphabetical order.
APP_ORDER = ["sites", "events", "staff", "accounts", "auth", "axes"]


class RegiondevAdminSite(admin.AdminSite):
    site_header = "Regiondev"
    site_title = "Regiondev admin"
    index_title = "Records"
    # The index and the breadcrumbs lead to every list; the sidebar's 300 pixels go to the
    # list and the form instead.
    enable_nav_sidebar = False
    # A dash of its own for "none", not to be read as part of a name ("Anju-shi").
    empty_value_display = "—"

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        ranked = {label: rank for rank, label in enumerate(APP_ORDER)}
        return sorted(apps, key=lambda app: ranked.get(app["app_label"], len(APP_ORDER)))


class RegiondevAdminConfig(AdminConfig):
    default_site = "staff.admin_site.RegiondevAdminSite"
