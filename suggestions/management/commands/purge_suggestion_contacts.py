from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from suggestions.models import Suggestion


class Command(BaseCommand):
    help = (
        "Removes name and e-mail of suggestions handled more than --days days ago "
        "(default SUGGESTION_CONTACT_RETENTION_DAYS). Run daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SUGGESTION_CONTACT_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        moment = timezone.now() - timedelta(days=days)
        purged = Suggestion.objects.handled_before(moment).purge_contacts()
        self.stdout.write(f"Name and e-mail removed from {purged} suggestion(s).")
