from django.contrib import admin


class EditorialAdminSite(admin.AdminSite):
    """The editors' admin, under the directory's name rather than Django's."""

    site_header = "Lausitz-Verzeichnis · Redaktion"
    site_title = "Lausitz-Verzeichnis"
    index_title = "Inhalte pflegen"
