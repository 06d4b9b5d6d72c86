from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.utils.text import capfirst, format_lazy


def name_link_models():
    """
    Django creates a model for each many-to-many field (an organisation's topics, say) and
    names it "Organisation-topic-Beziehung: Organisation_topics object (5)", which is what
    the admin's delete confirmation lists. Its rows are the links alone, so name them so:
    "Zuordnung „Themen“: Lausitzrunde – Kommunalpolitik".
    """
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            link = field.remote_field.through
            if not link._meta.auto_created:
                continue
            label = capfirst(field.verbose_name)
            link._meta.verbose_name = format_lazy("Zuordnung „{}“", label)
            link._meta.verbose_name_plural = format_lazy("Zuordnungen „{}“", label)
            link.__str__ = link_name(field.m2m_field_name(), field.m2m_reverse_field_name())


def link_name(source, target):
    def __str__(link):
        return f"{getattr(link, source)} – {getattr(link, target)}"

    return __str__


class EditorialConfig(AppConfig):
    """What the content apps share: publication state, history, locking, import and export."""

    default = True
    name = "editorial"
    verbose_name = "Redaktion"

    def ready(self):
        name_link_models()


class EditorialAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the editors' site; listed in INSTALLED_APPS in its place."""

    default = False
    default_site = "editorial.sites.EditorialAdminSite"
