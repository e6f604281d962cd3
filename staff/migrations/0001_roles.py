"""The two staff roles, as groups with model permissions.

- editor: adds, changes and views places, events, sources and photos; deletes events,
  sources and photos, never places (only superusers delete provinces, counties, factories).
- reviewer: views every record, changes nothing.

API tokens carry their user's permissions, so the API follows the same roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PLACES = [("sites", "province"), ("sites", "county"), ("sites", "factory")]
EVENTS = [
    ("events", "ceremony"),
    ("events", "guidancevisit"),
    ("events", "source"),
    ("events", "photo"),
]
ROLES = {
    "editor": [
        *((app, action, model) for app, model in PLACES for action in ("add", "change", "view")),
        *(
            (app, action, model)
            for app, model in EVENTS
            for action in ("add", "change", "delete", "view")
        ),
    ],
    "reviewer": [(app, "view", model) for app, model in PLACES + EVENTS],
}


def create_roles(apps, schema_editor):
    # On a fresh database permissions are only made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(
                content_type__app_label=app, codename=f"{action}_{model}"
            )
            for app, action, model in grants
        ]
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sites", "0001_initial"),
        ("events", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
