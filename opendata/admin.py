from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.shortcuts import redirect

from .models import DatasetPublication


@admin.register(DatasetPublication)
class DatasetPublicationAdmin(admin.ModelAdmin):
    """One row that editors change; it is neither added nor deleted."""

    fieldsets = [
        (None, {"fields": ["title", "title_en", "description", "description_en"]}),
        (
            "Herausgeber und Lizenz",
            {
                "fields": [
                    "publisher_name",
                    "publisher_url",
                    "contact_email",
                    "licence",
                    "attribution_text",
                    "is_confirmed",
                ]
            },
        ),
        ("Einordnung für Datenportale", {"fields": ["keywords", "spatial", "theme"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # A list of one is a detour: open its form.
        publication = DatasetPublication.objects.current()
        return redirect(admin_urlname(publication._meta, "change"), publication.pk)
