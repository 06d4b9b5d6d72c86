from django.apps import AppConfig


class LinkcheckConfig(AppConfig):
    """
    Whether the organisations' websites still answer (`manage.py check_links`). An app of its
    own, outside the page cache's content apps: a check changes nothing visitors see.
    """

    name = "linkcheck"
    verbose_name = "Linkprüfung"
