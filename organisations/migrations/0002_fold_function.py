from django.db import migrations

from organisations.search.text import FOLD_FUNCTION, postgresql_fold_function_sql


def create_fold_function(apps, schema_editor):
    # SQLite gets the function from Python on every connection (see organisations/search/text.py).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(postgresql_fold_function_sql())


def drop_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FOLD_FUNCTION}(text)")


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(create_fold_function, drop_fold_function)]
