"""
What the page cache needs of the settings, checked at start-up as django.contrib.admin
checks its dependencies.
"""

from django.apps import apps
from django.conf import settings
from django.core import checks

PAGE_CACHE_MIDDLEWARE = "pagecache.middleware.PageCacheMiddleware"

# Before the page cache: what every response gets, cached or not (security headers), and
# what answers without a page (health checks, over-long addresses, static files).
RUN_BEFORE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lausitz_directory.security.PermissionsPolicyMiddleware",
    "lausitz_directory.health.HealthCheckMiddleware",
    "lausitz_directory.limits.QueryStringLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Times cached pages too; the page cache notes a hit or miss for it.
    "pagecache.timing.ServerTimingMiddleware",
]
# After it: what a cached page never needs. A visitor's page is served without touching the
# session (an editor is known by the cookie alone), and the address decides the language.
RUN_AFTER = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
]


def check_middleware_order(**kwargs):
    middleware = list(settings.MIDDLEWARE)
    if PAGE_CACHE_MIDDLEWARE not in middleware:
        return []
    position = middleware.index(PAGE_CACHE_MIDDLEWARE)
    errors = []
    for name in RUN_BEFORE:
        if name in middleware[position:]:
            errors.append(
                checks.Error(
                    f"'{name}' comes after '{PAGE_CACHE_MIDDLEWARE}' in MIDDLEWARE.",
                    hint=f"Put '{name}' before the page cache, so that cached pages get "
                    "its headers and it answers without a page.",
                    id="pagecache.E001",
                )
            )
    for name in RUN_AFTER:
        if name in middleware[:position]:
            errors.append(
                checks.Error(
                    f"'{name}' comes before '{PAGE_CACHE_MIDDLEWARE}' in MIDDLEWARE.",
                    hint=f"Put '{name}' after the page cache: a cached page never needs it.",
                    id="pagecache.E001",
                )
            )
    return errors


def check_content_apps(**kwargs):
    installed = {config.label for config in apps.get_app_configs()}
    return [
        checks.Error(
            f"PAGE_CACHE_CONTENT_APPS names '{label}', which is no installed app.",
            hint="Name apps by their label, as INSTALLED_APPS installs them; "
            "no change to that app's content would renew the cached pages.",
            id="pagecache.E002",
        )
        for label in settings.PAGE_CACHE_CONTENT_APPS
        if label not in installed
    ]


def check_cache_alias(**kwargs):
    return [
        checks.Error(
            f"{setting} '{getattr(settings, setting)}' names no cache in CACHES.",
            hint="Name one of the CACHES, usually 'default' or 'fragments'.",
            id="pagecache.E003",
        )
        for setting in ("PAGE_CACHE_ALIAS", "FRAGMENT_CACHE_ALIAS")
        if getattr(settings, setting) not in settings.CACHES
    ]
