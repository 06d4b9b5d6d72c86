"""
What the admin's lists of entries share. Their columns are few and short, so that a list fits
beside the navigation and the filters on a 1280 px screen.
"""

from django.contrib import admin
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime


class EntryListMixin:
    """The status as a small badge and the day of the last change, for a ModelAdmin."""

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description="Status", ordering="status")
    def status_badge(self, entry):
        return format_html(
            '<span class="status-badge status-{}">{}</span>',
            entry.status,
            entry.get_status_display(),
        )

    @admin.display(description="Geändert", ordering="updated_at")
    def changed_on(self, entry):
        return date_format(localtime(entry.updated_at), "SHORT_DATE_FORMAT")
