"""
The private Redis that scripts/redis.sh starts (`make test` starts it too), for the tests of a
shared page cache. Each use and each xdist worker gets a database of its own, since emptying
the cache empties its whole database.
"""

import os
import subprocess

from django.core.cache import caches

from .servers import BASE_DIR

# Redis has 16 databases: two uses for up to eight workers.
WORKERS = 8
USES = ("in-process", "app servers")


def start_redis():
    subprocess.run([BASE_DIR / "scripts" / "redis.sh"], check=True, timeout=30)


def redis_url(use):
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    return f"redis://127.0.0.1:6390/{USES.index(use) * WORKERS + worker}"


def use_shared_cache(settings):
    """The page cache in Redis, as CACHE_URL=redis://… configures it; emptied, as others are."""
    start_redis()
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url("in-process"),
        }
        for alias in ("default", "fragments")
    }
    cache = caches["default"]
    cache.clear()
    return cache
