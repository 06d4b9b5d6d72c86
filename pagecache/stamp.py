"""
The content stamp: which version of the public content a cached page or an ETag belongs to.

Every change to what public pages show calls `mark_changed()`; the signals in
pagecache/signals.py do it for saves and deletes, bulk writers (queryset .update(),
bulk_create, management commands) call it themselves after writing.
"""

from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from .models import ContentStamp

STAMP_ID = 1


def mark_changed():
    """Count one change, atomically and inside the caller's transaction."""
    updated = ContentStamp.objects.filter(pk=STAMP_ID).update(
        counter=F("counter") + 1, changed_at=Now()
    )
    if not updated:
        # Only a database emptied by hand (or a test flush) lacks the row the migration made.
        ContentStamp.objects.get_or_create(
            pk=STAMP_ID, defaults={"counter": 1, "changed_at": timezone.now()}
        )


def current():
    """The stamp as the database holds it now: one small query."""
    stamp = ContentStamp.objects.filter(pk=STAMP_ID).first()
    if stamp is None:
        stamp, _ = ContentStamp.objects.get_or_create(
            pk=STAMP_ID, defaults={"counter": 0, "changed_at": timezone.now()}
        )
    return stamp
