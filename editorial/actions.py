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


def status_action(name, status, description, message):
    """An action that sets the selected entries' status; `message` words the result."""

    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        set_status(modeladmin, request, queryset, status, message)

    # The admin tells actions apart by their function's name.
    action.__name__ = name
    return action


publish = status_action(
    "publish",
    Status.PUBLISHED,
    "Veröffentlichen",
    lambda count: ngettext(
        "%(count)d Eintrag veröffentlicht.", "%(count)d Einträge veröffentlicht.", count
    ),
)
unpublish = status_action(
    "unpublish",
    Status.DRAFT,
    "Zurück in den Entwurf",
    lambda count: ngettext(
        "%(count)d Eintrag zurück in den Entwurf gesetzt; Besucher sehen ihn nicht mehr.",
        "%(count)d Einträge zurück in den Entwurf gesetzt; Besucher sehen sie nicht mehr.",
        count,
    ),
)
