from django.contrib import admin

from .verification import due_for_verification, due_label


class EditorialAdminSite(admin.AdminSite):
    """The editors' admin, under the directory's name rather than Django's."""

    site_header = "Lausitz-Verzeichnis · Redaktion"
    site_title = "Lausitz-Verzeichnis"
    index_title = "Inhalte pflegen"

    def index(self, request, extra_context=None):
        # What is due for a check ("zuletzt geprüft"), at the top of the index.
        extra_context = {
            "verification_due": due_for_verification(self, request),
            "verification_due_label": due_label(),
            **(extra_context or {}),
        }
        return super().index(request, extra_context)
