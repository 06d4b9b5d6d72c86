"""
Keeps Organisation.search_document current, whichever way an organisation changes, and
remembers what a save changes for the page cache.
"""

from django.db.models.signals import m2m_changed, post_migrate, post_save, pre_save
from django.dispatch import receiver

from .models import Organisation, Topic
from .search.index import ensure_sqlite_search_index
from .search.text import search_document


# Also for fixtures (raw saves), which bypass Model.save().
@receiver(pre_save, sender=Organisation)
def write_search_document(sender, instance, raw, **kwargs):
    # A fixture row can carry the pk of an existing row; its topics are in the database.
    topics = instance.topics.all() if instance.pk else ()
    instance.search_document = search_document(instance, topics)


@receiver(pre_save, sender=Organisation)
def remember_listed_values(sender, instance, raw, **kwargs):
    """
    What the lists showed of the entry before this save, so that a change that does not
    move it in any list leaves the lists cached (Organisation.page_cache_tags). A fixture's
    row counts as changed.
    """
    if instance.pk is not None and not raw:
        instance.listed_before = (
            Organisation.objects.filter(pk=instance.pk)
            .values_list(*Organisation.LISTED_FIELDS)
            .first()
        )


@receiver(m2m_changed, sender=Organisation.topics.through)
def topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        affected = [instance.pk]
    elif action == "pre_clear":
        # Clearing from a topic's side names no organisations, and they are gone afterwards.
        instance._organisations_before_clear = list(
            instance.organisations.values_list("pk", flat=True)
        )
        return
    elif action == "post_clear":
        affected = instance.__dict__.pop("_organisations_before_clear", [])
    else:
        affected = pk_set
    if action.startswith("post_"):
        Organisation.objects.filter(pk__in=affected).update_search_documents()


@receiver(post_save, sender=Topic)
def topic_renamed(sender, instance, raw, created, **kwargs):
    if not created:
        Organisation.objects.filter(topics=instance).update_search_documents()


@receiver(post_migrate)
def rebuild_sqlite_search_index(sender, using, **kwargs):
    from django.db import connections

    if sender.name == "organisations":
        ensure_sqlite_search_index(connections[using])
