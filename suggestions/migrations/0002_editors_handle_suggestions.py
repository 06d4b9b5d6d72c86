"""The "Redaktion" group handles suggestions: view, change (take over or reject), delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Redaktion"


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("suggestions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="suggestions"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="suggestions"))


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0002_editors_group"),
        ("suggestions", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
