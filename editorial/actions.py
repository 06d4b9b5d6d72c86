"""Admin actions for every model with EditorialFields: publish and unpublish a selection."""

from django.contrib import admin, messages
from django.utils.translation import ngettext

from .models import Status


def set_status(modeladmin, request, queryset, status, message):
    # Saved one by one, not update(), so that each change is in the history; the new edit
    # version makes a change form opened before refuse to save the old status back.
    changed = 0
    for entry in queryset.exclude(status=status):
        entry.status = status
        entry.version += 1
        entry.save(update_fields=["status", "version", "updated_at"])
        changed += 1
    modeladmin.message_user(request, message(changed) % {"count": changed}, messages.SUCCESS)


@admin.action(description="Veröffentlichen", permissions=["change"])
def publish(modeladmin, request, queryset):
    set_status(
        modeladmin,
        request,
        queryset,
        Status.PUBLISHED,
        lambda count: ngettext(
            "%(count)d Eintrag veröffentlicht.", "%(count)d Einträge veröffentlicht.", count
        ),
    )


@admin.action(description="Zurück in den Entwurf", permissions=["change"])
def unpublish(modeladmin, request, queryset):
    set_status(
        modeladmin,
        request,
        queryset,
        Status.DRAFT,
        lambda count: ngettext(
            "%(count)d Eintrag zurück in den Entwurf gesetzt; Besucher sehen ihn nicht mehr.",
            "%(count)d Einträge zurück in den Entwurf gesetzt; Besucher sehen sie nicht mehr.",
            count,
        ),
    )
