"""
Parts of pages that cost much to compute and are shared by many addresses, such as the list's
result cards (the same on every list that shows the entry), cached until the content they
show or the code changes, like whole pages.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from .release import release_token


def key(name, version, parts):
    identity = repr((release_token(), version, parts))
    return f"fragment:{name}:{hashlib.sha256(identity.encode()).hexdigest()}"


def cached_each(name, items, parts, compute, version):
    """
    [compute(missing) …] for the items, each kept under `name`, parts(item) and the version of
    the content they share (pagecache.tags.state). compute gets the list of items not in the
    cache and returns their values in its order. One cache round trip for all items, and one
    to store the missing ones.
    """
    keys = [key(name, version, parts(item)) for item in items]
    cache = caches[settings.FRAGMENT_CACHE_ALIAS]
    found = cache.get_many(keys)
    missing = [
        (fragment, item)
        for fragment, item in zip(keys, items, strict=True)
        if fragment not in found
    ]
    if missing:
        computed = compute([item for _fragment, item in missing])
        new = dict(zip([fragment for fragment, _item in missing], computed, strict=True))
        cache.set_many(new, settings.FRAGMENT_CACHE_TIMEOUT)
        found.update(new)
    return [found[fragment] for fragment in keys]
