import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from demo.writer import DEFAULT_SEED, SeedMissing, generate_demo_data
from pagecache.stamp import mark_changed


class Command(BaseCommand):
    help = (
        "Adds COUNT invented, published directory entries with relations and contact persons, "
        "marked as demo data (remove them with remove_demo_data). The same count and seed "
        "give the same entries; a second run adds further ones under new names."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many entries.")
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Seed of the random generator (default {DEFAULT_SEED}).",
        )

    def handle(self, *args, count, seed, verbosity, **options):
        if count < 1:
            raise CommandError("--count muss mindestens 1 sein.")
        progress = Progress(self.stderr) if verbosity > 0 else None
        started = time.monotonic()
        try:
            with transaction.atomic():
                created = generate_demo_data(count, seed, progress)
                # bulk_create sends no signals, so the page cache learns of the change here.
                mark_changed()
        except SeedMissing:
            raise CommandError(
                "Die Kategorien Netzwerk, Initiative und Projektträger fehlen. "
                "Bitte zuerst `manage.py seed_directory` ausführen."
            ) from None
        # Planner statistics for the grown tables, as autovacuum would gather them later:
        # without them both databases pick slow plans for the list and the exports.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if verbosity == 0:
            return
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Demodaten angelegt in {seconds:.0f} s – Organisationen: {created['organisations']}, "
            f"Beziehungen: {created['relations']}, Ansprechpartner: {created['contacts']}, "
            f"Rollen: {created['roles']}."
        )
        self.stdout.write(
            f"Neu angelegt – Themen: {created['topics']}, Bundesländer: {created['states']}, "
            f"Landkreise und kreisfreie Städte: {created['districts']}."
        )


class Progress:
    """
    "Demodaten: 45000/100000 (45 %)" on stderr: rewritten in place on a terminal, otherwise
    a line at every quarter, so that logs stay short.
    """

    def __init__(self, stream):
        self.stream = stream
        self.in_place = stream.isatty()
        self.reported_quarter = 0

    def __call__(self, done, total):
        percent = done * 100 // total
        message = f"Demodaten: {done}/{total} ({percent} %)"
        if self.in_place:
            ending = "\n" if done == total else ""
            self.stream.write(f"\r{message}", style_func=str, ending=ending)
            self.stream.flush()
        elif (quarter := done * 4 // total) > self.reported_quarter:
            self.reported_quarter = quarter
            self.stream.write(message, style_func=str)
