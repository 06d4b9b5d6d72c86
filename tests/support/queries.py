"""How many queries a page costs when the page cache cannot answer it."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, path, warm_up=True):
    if warm_up:
        client.get(path)  # once before, so that per-process caches (the Site, …) are filled
    # Every request renders its page: none comes from the page cache.
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(queries)
