"""
Every save, delete and relation change of public content counts as a change of the content
stamp, raw saves of loaddata and restores included. Queryset .update(), bulk_create and raw
deletes send no signals; their callers call stamp.mark_changed() themselves.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import tags
from .models import ContentStamp
from .stamp import mark_changed


def content_models():
    """
    The models of PAGE_CACHE_CONTENT_APPS, with the through models of many-to-many fields
    (m2m_changed's senders). A label of no installed app is left to pagecache.E002.
    """
    for config in apps.get_app_configs():
        if config.label in settings.PAGE_CACHE_CONTENT_APPS:
            yield from config.get_models(include_auto_created=True)


def content_saved_or_deleted(sender, instance, **kwargs):
    mark_changed(tags.of_instance(instance))


def content_relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        mark_changed(tags.of_instance(instance, relations_changed=True))


def stamp_loaded(sender, raw, **kwargs):
    # A restore or a fixture brings back an older stamp: count on from it with the time of
    # now, so that neither its cached pages nor its Last-Modified come back.
    if raw:
        mark_changed()


def connect():
    # Connected per model rather than for all: other models keep Django's fast deletes,
    # and the historical models of data migrations (which may run before the stamp's
    # table exists) send nothing here.
    for model in content_models():
        post_save.connect(content_saved_or_deleted, sender=model, dispatch_uid="pagecache-save")
        post_delete.connect(content_saved_or_deleted, sender=model, dispatch_uid="pagecache-delete")
        m2m_changed.connect(content_relation_changed, sender=model, dispatch_uid="pagecache-m2m")
    post_save.connect(stamp_loaded, sender=ContentStamp, dispatch_uid="pagecache-stamp-loaded")
