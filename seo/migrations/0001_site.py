"""The Site row that sitemap.xml takes its domain from, with the configured address."""

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations


def configure_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": "Lausitz-Verzeichnis"},
    )
    # The row was written with an explicit key; PostgreSQL's sequence must follow it.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Site]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("sites", "0002_alter_domain_unique")]

    operations = [migrations.RunPython(configure_site, migrations.RunPython.noop)]
