"""
Every save, delete and relation change of public content counts as a change of the content
stamp, raw saves of loaddata and restores included. Queryset .update() and bulk_create send
no signals; their callers call stamp.mark_changed() themselves.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import ContentStamp
from .stamp import mark_changed

# The apps whose models public pages show; flatpages and sites for the legal pages and the
# addresses in sitemaps and feeds.
CONTENT_APPS = {"organisations", "contacts", "opendata", "flatpages", "sites"}


def is_content(model):
    # Data migrations save historical models, maybe before the stamp's table exists; a new
    # release token (migrations are code) keys every page anew after them anyway.
    return model._meta.app_label in CONTENT_APPS and model._meta.apps is apps


def content_saved_or_deleted(sender, **kwargs):
    if is_content(sender):
        mark_changed()


def content_relation_changed(sender, action, **kwargs):
    # The through model of a many-to-many field lives in the app of the field's model.
    if action.startswith("post_") and is_content(sender):
        mark_changed()


def stamp_loaded(sender, raw, **kwargs):
    # A restore or a fixture brings back an older stamp: count on from it with the time of
    # now, so that neither its cached pages nor its Last-Modified come back.
    if raw:
        mark_changed()


def connect():
    post_save.connect(content_saved_or_deleted, dispatch_uid="pagecache-save")
    post_delete.connect(content_saved_or_deleted, dispatch_uid="pagecache-delete")
    m2m_changed.connect(content_relation_changed, dispatch_uid="pagecache-m2m")
    post_save.connect(stamp_loaded, sender=ContentStamp, dispatch_uid="pagecache-stamp-loaded")
