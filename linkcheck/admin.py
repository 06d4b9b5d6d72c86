from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.urls import reverse
from django.utils.html import format_html

from .models import LinkCheck


class BrokenFilter(admin.SimpleListFilter):
    title = "Zustand"
    parameter_name = "defekt"

    def lookups(self, request, model_admin):
        return [("ja", "Defekte Links")]

    def queryset(self, request, queryset):
        return queryset.broken() if self.value() == "ja" else queryset


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """What `manage.py check_links` found, to read; editors correct the organisation itself."""

    list_display = ["organisation_link", "url", "summary", "checked_at"]
    list_filter = [BrokenFilter, "status", "checked_at"]
    search_fields = ["organisation__name", "url", "final_url"]
    list_select_related = ["organisation"]

    @admin.display(description="Organisation", ordering="organisation__name")
    def organisation_link(self, check):
        url = reverse(
            admin_urlname(check.organisation._meta, "change"), args=[check.organisation_id]
        )
        return format_html('<a href="{}">{}</a>', url, check.organisation)

    @admin.display(description="Ergebnis", ordering="status")
    def summary(self, check):
        return check.summary

    # Whoever may see the organisations may see how their websites answer (the "Redaktion"
    # group, for one); nobody writes checks by hand.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("organisations.view_organisation")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
