from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Seitencache"

    def ready(self):
        from . import signals

        signals.connect()
