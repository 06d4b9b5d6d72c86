from django.db import migrations

from organisations.search.index import ensure_search_index


def create_word_list(apps, schema_editor):
    # Brings the trigger and indexes of migration 0007 up to date, adding the word list.
    ensure_search_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0008_list_indexes")]

    operations = [migrations.RunPython(create_word_list, migrations.RunPython.noop)]
