import json
from collections import Counter, defaultdict

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand
from django.core.serializers.base import DeserializationError
from django.db import transaction

from organisations.models import Organisation

SEED_FIXTURE = settings.BASE_DIR / "fixtures" / "lausitz_directory.json"


class Command(BaseCommand):
    help = (
        "Adds the entries of the seed fixture that the database lacks and leaves every "
        "existing one as it is, unlike loaddata, which overwrites what editors changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Seed only a directory without organisations, so that entries editors "
            "deleted stay deleted (what `make run` uses on every start).",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Organisation.objects.exists():
            self.stdout.write("Das Verzeichnis hat schon Einträge; nichts hinzugefügt.")
            return
        counts = defaultdict(Counter)
        with transaction.atomic():
            for entry in json.loads(SEED_FIXTURE.read_text(encoding="utf-8")):
                counts[entry["model"]][add_if_missing(entry)] += 1
        for label, count in counts.items():
            parts = [f"{count[outcome]} {outcome}" for outcome in OUTCOMES if count[outcome]]
            self.stdout.write(f"{label}: {', '.join(parts)}")


ADDED = "hinzugefügt"
KEPT = "unverändert"
CLASHING = "nicht hinzugefügt, kollidiert mit einem vorhandenen Eintrag"
ORPHANED = "nicht hinzugefügt, verweist auf einen Eintrag, den es nicht mehr gibt"
OUTCOMES = [ADDED, KEPT, CLASHING, ORPHANED]


def add_if_missing(entry):
    """Saves one fixture entry unless a row with its natural key exists; returns the outcome."""
    try:
        # The fixture lists entries after those they refer to, so every reference
        # resolves unless an editor deleted or renamed its target.
        (item,) = serializers.deserialize("python", [entry], handle_forward_references=True)
    except (ObjectDoesNotExist, DeserializationError):
        return ORPHANED
    if item.object.pk is not None:
        return KEPT
    if item.deferred_fields:
        return ORPHANED
    try:
        # Same name or slug as an entry an editor renamed: that entry is the seed's.
        item.object.validate_unique()
        item.object.validate_constraints()
    except ValidationError:
        return CLASHING
    item.save()
    return ADDED
