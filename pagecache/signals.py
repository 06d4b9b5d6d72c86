"""
Every save, delete and relation change of public content counts as a change of the content
stamp, raw saves of loaddata and restores included. Queryset .update() and bulk_create send
no signals; their callers call stamp.mark_changed() themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .stamp import mark_changed

# The apps whose models public pages show; flatpages and sites for the legal pages and the
# addresses in sitemaps and feeds.
CONTENT_APPS = {"organisations", "contacts", "opendata", "flatpages", "sites"}


def is_content(model):
    return model._meta.app_label in CONTENT_APPS


def content_saved_or_deleted(sender, **kwargs):
    if is_content(sender):
        mark_changed()


def content_relation_changed(sender, action, **kwargs):
    # The through model of a many-to-many field lives in the app of the field's model.
    if action.startswith("post_") and is_content(sender):
        mark_changed()


def connect():
    post_save.connect(content_saved_or_deleted, dispatch_uid="pagecache-save")
    post_delete.connect(content_saved_or_deleted, dispatch_uid="pagecache-delete")
    m2m_changed.connect(content_relation_changed, dispatch_uid="pagecache-m2m")
