"""
Parts of pages that cost much to compute and are shared by many addresses, such as the list's
facet counts (the same on every page and in every sort order of one filter), cached until
the content or the code changes, like whole pages.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from . import stamp, tags
from .release import release_token


def cached(name, parts, compute, depends_on=()):
    """
    compute(), kept under `name` and `parts` (a repr-able value) while the content it depends
    on is unchanged: the parts of the content named in `depends_on` (pagecache/tags.py), or
    the whole content. The page that shows it depends on the same parts.
    """
    if depends_on:
        tags.depends_on(*depends_on)
        version, _changed_at = tags.state(depends_on)
    else:
        version = stamp.current().version
    identity = repr((release_token(), version, parts))
    key = f"fragment:{name}:{hashlib.sha256(identity.encode()).hexdigest()}"
    cache = caches[settings.PAGE_CACHE_ALIAS]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    return value
