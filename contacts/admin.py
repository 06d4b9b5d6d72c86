import reversion
from django.contrib import admin

from editorial.actions import publish, unpublish
from editorial.history import HistoryAdmin
from editorial.lists import EntryListMixin
from editorial.locking import OptimisticLockingAdminMixin
from editorial.spreadsheets import DirectoryImportExportMixin
from editorial.verification import VerificationDueFilter, mark_verified

from .models import ContactPerson, ContactRole
from .resources import ContactPersonResource

# A version of a person keeps their roles, so that recovering the person brings them back.
reversion.register(ContactPerson, follow=["roles"])


class ContactRoleInline(admin.TabularInline):
    model = ContactRole
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(ContactPerson)
class ContactPersonAdmin(
    EntryListMixin, DirectoryImportExportMixin, OptimisticLockingAdminMixin, HistoryAdmin
):
    resource_classes = [ContactPersonResource]
    list_display = ["name", "employer", "email", "status_badge", "changed_on"]
    list_filter = ["status", VerificationDueFilter, "is_directory_contact", "employer"]
    actions = [publish, unpublish, mark_verified]
    search_fields = ["first_name", "last_name", "position", "email"]
    list_select_related = ["employer"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
    autocomplete_fields = ["employer"]
    readonly_fields = ["created_at", "updated_at", "verified_at"]
    inlines = [ContactRoleInline]
    fieldsets = [
        (None, {"fields": ["status", "first_name", "last_name", "slug", "is_directory_contact"]}),
        ("Funktion", {"fields": ["job_title", "position", "employer"]}),
        (
            "Englisch",
            {
                "fields": ["job_title_en", "position_en"],
                "description": "Für die englischen Seiten unter /en/. Leere Felder zeigen dort "
                "den deutschen Text.",
            },
        ),
        ("Kontakt", {"fields": [("phone", "phone_display"), ("fax", "fax_display"), "email"]}),
        (
            "Verlauf",
            {"fields": ["created_at", "updated_at", "verified_at"], "classes": ["collapse"]},
        ),
    ]

    @admin.display(description="Name", ordering="last_name")
    def name(self, person):
        return person.full_name


@admin.register(ContactRole)
class ContactRoleAdmin(HistoryAdmin):
    list_display = ["person", "role", "organisation", "order"]
    list_filter = ["role"]
    search_fields = ["person__first_name", "person__last_name", "organisation__name"]
    autocomplete_fields = ["person", "organisation"]
    list_select_related = ["person", "organisation"]
