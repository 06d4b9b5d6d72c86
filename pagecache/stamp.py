"""
The content stamp: which version of the public content a cached page or an ETag belongs to.

Every change to what public pages show calls `mark_changed()`; the signals in
pagecache/signals.py do it for saves and deletes, bulk writers (queryset .update(),
bulk_create, management commands) call it themselves after writing. A command that deletes
many rows wraps the deletion in `one_change()`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from . import tags
from .models import ContentStamp

STAMP_ID = 1

# The parts touched inside one_change(), or None outside it.
_pending_tags = ContextVar("pending_tags", default=None)


@contextmanager
def one_change():
    """
    Counts every change inside as one, at the end: a command that deletes thousands of rows
    would otherwise update the stamp once per row, as each row sends post_delete.
    """
    pending = set()
    token = _pending_tags.set(pending)
    try:
        yield
    finally:
        _pending_tags.reset(token)
    mark_changed(pending or None)


def mark_changed(touched=None):
    """
    Count one change, atomically and inside the caller's transaction, and renew the parts of
    the content it touched (pagecache/tags.py); without parts named, everything.
    """
    pending = _pending_tags.get()
    if pending is not None:
        pending.update(touched or {tags.SITE})
        return
    tags.bump(touched or {tags.SITE})
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
    # Read twice for every page rendered for a visitor: raw, as compiling the ORM's SELECT
    # takes three times as long as the query.
    table = connection.ops.quote_name(ContentStamp._meta.db_table)
    found = ContentStamp.objects.raw(
        f"SELECT id, counter, changed_at FROM {table} WHERE id = %s", [STAMP_ID]
    )
    stamp = next(iter(found), None)
    if stamp is None:
        stamp, _ = ContentStamp.objects.get_or_create(
            pk=STAMP_ID, defaults={"counter": 0, "changed_at": timezone.now()}
        )
    return stamp
