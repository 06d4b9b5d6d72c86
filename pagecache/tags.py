"""
Fine-grained validity of cached pages: which parts of the content a page shows.

While a visitor's page renders, its view and template tags name the parts they show with
`depends_on()`: "organisation:12", or the list of organisations as a whole. The page is kept
with the version of each part, and is served from the cache as long as none of them changed.
Every change names the parts it touched (a model's `page_cache_tags()`, pagecache/signals.py),
so editing one organisation renews its own page and the pages that show it, and the pages of
other organisations stay cached.

Every such page also depends on SITE, which any change without parts of its own renews:
names of categories and topics, bulk writes, restores. Pages that name no parts depend on
the whole content stamp (pagecache/stamp.py), as before.
"""

import datetime
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection
from django.utils import timezone

from .models import ContentTag

SITE = "site"
# The age of parts when not even SITE has a row (a table emptied by hand or by a test).
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
# Beyond this many parts, one change renews everything instead: a command that deletes
# thousands of rows would otherwise write thousands of versions.
MAX_TAGS_PER_CHANGE = 100

_collected = ContextVar("page_cache_tags", default=None)


@contextmanager
def collecting():
    """The parts the code inside names with depends_on(), as a set (empty: none named)."""
    tags = set()
    token = _collected.set(tags)
    try:
        yield tags
    finally:
        _collected.reset(token)


def depends_on(*tags):
    """Names parts of the content the page being rendered shows; nothing outside a page."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def of_row(model, pk):
    """The tag of one row's part, such as "organisations.organisation:12"."""
    return f"{model._meta.label_lower}:{pk}"


def state(tags):
    """
    (version, changed_at) of these parts together with SITE, as the database holds them now:
    one small query. A part without a row (never changed since the table was made, which
    gives SITE a row) counts as unchanged.
    """
    named = sorted({*tags, SITE})
    # Read for every page rendered for a visitor: raw, as compiling the ORM's SELECT takes
    # longer than the query.
    table = connection.ops.quote_name(ContentTag._meta.db_table)
    placeholders = ", ".join(["%s"] * len(named))
    rows = ContentTag.objects.raw(
        f"SELECT name, version, changed_at FROM {table} WHERE name IN ({placeholders})", named
    )
    found = {row.name: (row.version, row.changed_at) for row in rows}
    version = "|".join(found[name][0] if name in found else "-" for name in named)
    return version, max((changed_at for _, changed_at in found.values()), default=EPOCH)


def bump(tags):
    """New versions for the tags, inside the caller's transaction."""
    if len(tags) > MAX_TAGS_PER_CHANGE:
        tags = {SITE}
    now = timezone.now()
    ContentTag.objects.bulk_create(
        [ContentTag(name=name, version=uuid.uuid4().hex, changed_at=now) for name in tags],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["version", "changed_at"],
    )


def of_instance(instance, relations_changed=False):
    """The parts a change of this instance touches: its own say, or everything."""
    page_cache_tags = getattr(instance, "page_cache_tags", None)
    if page_cache_tags is None:
        return {SITE}
    return set(page_cache_tags(relations_changed=relations_changed))
