from django.apps import AppConfig
from django.core import checks


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Seitencache"

    def ready(self):
        from . import signals
        from .checks import check_cache_alias, check_content_apps, check_middleware_order

        checks.register(check_middleware_order)
        checks.register(check_content_apps)
        checks.register(check_cache_alias, checks.Tags.caches)
        signals.connect()
