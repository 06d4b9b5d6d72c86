"""
Parts of pages that cost much to compute and are shared by many addresses, such as the list's
facet counts (the same on every page and in every sort order of one filter), cached until
the content or the code changes, like whole pages.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from . import stamp
from .release import release_token


def cached(name, parts, compute):
    """compute(), kept under `name` and `parts` (a repr-able value) for this content version."""
    identity = repr((release_token(), stamp.current().version, parts))
    key = f"fragment:{name}:{hashlib.sha256(identity.encode()).hexdigest()}"
    cache = caches[settings.PAGE_CACHE_ALIAS]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    return value
