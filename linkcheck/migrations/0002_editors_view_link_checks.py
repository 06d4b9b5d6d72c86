"""The "Redaktion" group may read the link checks; only the command writes them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Redaktion"


def view_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="linkcheck", codename="view_linkcheck")


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("linkcheck")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*view_permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP):
        group.permissions.remove(*view_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0002_editors_group"),
        ("linkcheck", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
