from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction

from backups.dump import count_by_model, write_counts


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
            raise CommandError(f"{file} is not a backup written by backup_directory.") from error
        if interactive:
            answer = input(
                f"Everything in the database is replaced by {file} "
                f"({counts.total()} objects). Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Nothing restored.")
        connection = connections[DEFAULT_DB_ALIAS]
        # All or nothing: a backup that fails to load leaves the database as it was.
        try:
            with transaction.atomic():
                # PostgreSQL refuses to empty tables with foreign-key checks still pending
                # from earlier writes in the same transaction; check them now.
                connection.check_constraints()
                # flush empties every table, then recreates content types and permissions
                # (post_migrate), which the backup refers to by natural key.
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(file.resolve()), verbosity=0)
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(
                f"{file} could not be loaded; nothing was changed.\n{error}"
            ) from error
        # Content types now have new ids.
        ContentType.objects.clear_cache()
        write_counts(self.stdout, counts)
        self.stdout.write(f"Restored {counts.total()} objects from {file}")
