"""
"Zuletzt geprüft" in the admin: the action that records a check, the filter for entries due
for one, and their count on the admin's index.
"""

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The list filter's parameter and value, also in the index's links to the due entries.
DUE_PARAMETER = "pruefung"
DUE_VALUE = "faellig"


def due_label():
    months = settings.DIRECTORY_VERIFY_AFTER_MONTHS
    return ngettext(
        "nicht geprüft seit %(months)d Monat", "nicht geprüft seit %(months)d Monaten", months
    ) % {"months": months}


@admin.action(description="Als geprüft markieren", permissions=["change"])
def mark_verified(modeladmin, request, queryset):
    # The admin's list runs its actions inside a revision (reversion's VersionAdmin): each
    # entry gets a version in its history, with this comment and the editor's name.
    reversion.set_comment(_("Als geprüft markiert"))
    entries = list(queryset)
    for entry in entries:
        entry.mark_verified()
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d Eintrag als geprüft markiert.",
            "%(count)d Einträge als geprüft markiert.",
            len(entries),
        )
        % {"count": len(entries)},
        messages.SUCCESS,
    )


class VerificationDueFilter(admin.SimpleListFilter):
    title = "Prüfung"
    parameter_name = DUE_PARAMETER

    def lookups(self, request, model_admin):
        return [(DUE_VALUE, due_label())]

    def queryset(self, request, queryset):
        if self.value() == DUE_VALUE:
            return queryset.verification_due()
        return queryset


def due_for_verification(admin_site, request):
    """Per kind of entry the editor may see, its published entries due for a check."""
    due = []
    for model, model_admin in admin_site._registry.items():
        if not hasattr(model._default_manager, "verification_due"):
            continue
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        due.append(
            {
                "name": opts.verbose_name_plural,
                "count": model._default_manager.published().verification_due().count(),
                "url": reverse(f"{admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
                + f"?status=published&{DUE_PARAMETER}={DUE_VALUE}",
            }
        )
    return due
