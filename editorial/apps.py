from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class EditorialConfig(AppConfig):
    """What the content apps share: publication state, history, locking, import and export."""

    default = True
    name = "editorial"
    verbose_name = "Redaktion"


class EditorialAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the editors' site; listed in INSTALLED_APPS in its place."""

    default = False
    default_site = "editorial.sites.EditorialAdminSite"
