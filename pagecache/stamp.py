"""
The content stamp: which version of the public content a cached page or an ETag belongs to.

Every change to what public pages show calls `mark_changed()`; the signals in
pagecache/signals.py do it for saves and deletes, bulk writers (queryset .update(),
bulk_create, management commands) call it themselves after writing. A command that deletes
many rows wraps the deletion in `one_change()`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from .models import ContentStamp

STAMP_ID = 1

_counting_as_one = ContextVar("counting_as_one", default=False)


@contextmanager
def one_change():
    """
    Counts every change inside as one, at the end: a command that deletes thousands of rows
    would otherwise update the stamp once per row, as each row sends post_delete.
    """
    token = _counting_as_one.set(True)
    try:
        yield
    finally:
        _counting_as_one.reset(token)
    mark_changed()


def mark_changed():
    """Count one change, atomically and inside the caller's transaction."""
    if _counting_as_one.get():
        return
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
