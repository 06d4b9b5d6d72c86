"""The one publication row, with its placeholders, and the editors' right to change it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Redaktion"
SINGLETON_PK = 1


def create_publication(apps, schema_editor):
    apps.get_model("opendata", "DatasetPublication").objects.get_or_create(pk=SINGLETON_PK)
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("opendata")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name=EDITORS_GROUP).permissions.add(
        *Permission.objects.filter(
            content_type__app_label="opendata",
            codename__in=["view_datasetpublication", "change_datasetpublication"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("opendata", "0001_initial"),
        ("contacts", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(create_publication, migrations.RunPython.noop)]
