from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Impressum and Datenschutzerklärung, as flat pages the editors keep in the admin."""

    name = "legal"
    verbose_name = "Rechtliche Seiten"
