from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.removal import DemoDataInUse, remove_demo_data
from pagecache.stamp import one_change


class Command(BaseCommand):
    help = (
        "Deletes every row generate_demo_data wrote, and the demo topics, states and "
        "districts no other entry uses, in one transaction. Seed and editors' entries stay."
    )

    def handle(self, *args, verbosity, **options):
        try:
            # Each deleted row tells the page cache; it counts them as one change.
            with transaction.atomic(), one_change():
                deleted, kept = remove_demo_data()
        except DemoDataInUse as error:
            names = ", ".join(person.full_name for person in error.people)
            raise CommandError(
                "Nichts entfernt: Diese Ansprechpartner der Redaktion arbeiten bei einer "
                f"Demo-Organisation: {names}. Bitte zuerst ihren Arbeitgeber ändern."
            ) from None
        if verbosity == 0:
            return
        self.stdout.write(
            f"Demodaten entfernt – Organisationen: {deleted['organisations']}, "
            f"Beziehungen: {deleted['relations']}, Ansprechpartner: {deleted['contacts']}, "
            f"Rollen: {deleted['roles']}, {named_lists(deleted)}."
        )
        if any(kept.values()):
            self.stdout.write(
                f"Behalten, weil Einträge der Redaktion sie nutzen – {named_lists(kept)}."
            )


def named_lists(counts):
    return (
        f"Themen: {counts['topics']}, Bundesländer: {counts['states']}, "
        f"Landkreise und kreisfreie Städte: {counts['districts']}"
    )
