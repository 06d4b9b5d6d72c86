from django.apps import AppConfig


class LegalConfig(AppConfig):
    """
    Impressum, Datenschutzerklärung, the accessibility statement and the page in Leichte
    Sprache, as flat pages the editors keep in the admin.
    """

    name = "legal"
    verbose_name = "Rechtliche Seiten"
