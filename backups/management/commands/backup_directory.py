import os
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from backups.dump import EXCLUDED, count_by_model, write_counts


class Command(BaseCommand):
    help = (
        "Writes everything in the database (directory, legal pages, accounts with their "
        "password hashes, history) to a JSON file that restore_directory loads, readable by "
        "its owner only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="File to write; default var/backups/<UTC time>.json.",
        )

    def handle(self, *args, output, **options):
        if output is None:
            output = settings.BACKUP_DIR / f"{timezone.now():%Y-%m-%dT%H-%M-%SZ}.json"
            settings.BACKUP_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Also a folder made before backups were private; not done for --output,
            # whose folder may be a shared one.
            settings.BACKUP_DIR.chmod(0o700)
        else:
            output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Natural keys for references to content types and permissions, which migrate
        # recreates under new ids; primary keys stay, since history rows refer to them.
        try:
            with open(output, "w", encoding="utf-8", opener=open_private) as file:
                call_command(
                    "dumpdata",
                    exclude=EXCLUDED,
                    natural_foreign=True,
                    indent=1,
                    stdout=file,
                    verbosity=0,
                )
        except BaseException:
            # A half-written file must not pass for a backup.
            output.unlink(missing_ok=True)
            raise
        counts = count_by_model(output)
        write_counts(self.stdout, counts)
        self.stdout.write(f"{counts.total()} Objekte gesichert in {output}")


def open_private(path, flags):
    """Opens a file for its owner only, from its first byte: a backup holds password hashes."""
    descriptor = os.open(path, flags, 0o600)
    # A file that existed keeps its mode through os.open.
    os.fchmod(descriptor, 0o600)
    return descriptor
