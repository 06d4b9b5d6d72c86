"""
A read replica for the public pages, once their reads outgrow one database server.

DATABASE_REPLICA_URL names a streaming replica of the primary (DATABASE_URL); settings.py then
adds it as the "replica" alias and this router. Visitors' pages read the directory from the
replica; every write, and everything an editor's session, login or history needs, stays on
the primary.
"""

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_DB_ALIAS = "replica"

# What visitors' pages read. The page cache's content stamp is among them on purpose: a page
# is stored under the stamp read before it was rendered, which is right only if stamp and
# content come from the same database. A stamp from the primary beside content from a replica
# that has not yet replayed an edit would keep the old page under the new stamp, until the
# next edit. From the replica, a lagging replica merely serves the previous version a moment
# longer, under the previous stamp, as it would without any cache.
REPLICA_APPS = {"organisations", "contacts", "opendata", "flatpages", "sites", "pagecache"}


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        # Inside a transaction on the primary (an admin save, an import) a read must see
        # what the transaction wrote and lock what it will write.
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if model._meta.app_label in REPLICA_APPS:
            return REPLICA_DB_ALIAS
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica follows the primary's schema; it cannot be migrated itself.
        return db == DEFAULT_DB_ALIAS
