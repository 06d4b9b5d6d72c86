from django.db import migrations, models
from django.utils import timezone


def create_site_tag(apps, schema_editor):
    # Pages that name parts of the content count their age from here until a part changes.
    apps.get_model("pagecache", "ContentTag").objects.create(
        name="site", version="initial", changed_at=timezone.now()
    )


class Migration(migrations.Migration):
    dependencies = [("pagecache", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="ContentTag",
            fields=[
                ("name", models.CharField(max_length=100, primary_key=True, serialize=False)),
                ("version", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField()),
            ],
            options={"verbose_name": "Inhaltsteil", "verbose_name_plural": "Inhaltsteile"},
        ),
        migrations.RunPython(create_site_tag, migrations.RunPython.noop),
    ]
