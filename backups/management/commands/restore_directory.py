import sys
from pathlib import Path

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.management.commands import loaddata
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction

from backups.dump import count_by_model, write_counts

# Kept as they are, so their ids stay those that running processes have cached; the
# backup refers to them by natural key. migrate (before a restore) keeps them complete.
KEPT_MODELS = [ContentType, Permission]
# The answers that go on; "yes" for those who type Django's usual one.
YES = {"ja", "yes"}


class Command(BaseCommand):
    help = "Replaces everything in the database with a backup written by backup_directory."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file (.json).")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask before replacing the database.",
        )

    def handle(self, *args, file, interactive, **options):
        try:
            counts = count_by_model(file)
        except (OSError, ValueError, TypeError, KeyError) as error:
            raise CommandError(f"{file} ist keine Sicherung von backup_directory.") from error
        if interactive:
            self.confirm(file, counts)
        # All or nothing: a backup that fails to load leaves the database as it was.
        try:
            with transaction.atomic():
                empty_tables(connections[DEFAULT_DB_ALIAS])
                # Django's own loaddata: the backup's history is the history, and the
                # project's (editorial) would add a version to every entry that has one.
                call_command(loaddata.Command(), str(file.resolve()), verbosity=0)
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(
                f"{file} ließ sich nicht laden; nichts wurde geändert.\n{error}"
            ) from error
        Site.objects.clear_cache()
        write_counts(self.stdout, counts)
        self.stdout.write(f"{counts.total()} Objekte wiederhergestellt aus {file}")

    def confirm(self, file, counts):
        """Asks in German, as the admin speaks; without a terminal to ask on, refuses clearly."""
        if not sys.stdin.isatty():
            raise CommandError(
                "Keine Rückfrage möglich (kein Terminal); nichts wiederhergestellt. "
                "Mit --noinput wird ohne Rückfrage wiederhergestellt."
            )
        try:
            answer = input(
                f"Alles in der Datenbank wird durch {file} ersetzt ({counts.total()} Objekte). "
                "Zum Fortfahren „ja“ eingeben: "
            )
        except EOFError:
            answer = ""
        if answer.strip().lower() not in YES:
            raise CommandError("Nichts wiederhergestellt.")


def empty_tables(connection):
    """Empties every table but those of KEPT_MODELS, as `manage.py flush` empties all."""
    kept = {model._meta.db_table for model in KEPT_MODELS}
    tables = sorted(
        set(connection.introspection.django_table_names(only_existing=True, include_views=False))
        - kept
    )
    # PostgreSQL refuses to empty tables with foreign-key checks still pending from
    # earlier writes in the same transaction; check them now.
    connection.check_constraints()
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    )
