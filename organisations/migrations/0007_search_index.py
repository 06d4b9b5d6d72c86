import django.contrib.postgres.search
from django.db import migrations

from organisations.search.index import drop_search_index, ensure_search_index
from organisations.search.text import search_document


def write_search_documents(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    organisations = list(Organisation.objects.prefetch_related("topics"))
    for organisation in organisations:
        organisation.search_document = search_document(organisation, organisation.topics.all())
    Organisation.objects.bulk_update(organisations, ["search_document"], batch_size=1000)


def create_search_index(apps, schema_editor):
    ensure_search_index(schema_editor.connection)


def drop_index(apps, schema_editor):
    drop_search_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0006_demo_data_and_search_document")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(write_search_documents, migrations.RunPython.noop),
        migrations.RunPython(create_search_index, drop_index),
    ]
