"""
Several app servers share one Redis (CACHE_URL/REDIS_URL): a page one of them rendered is
served by the others, and an edit on any of them shows on all at once (with the local memory
cache's test in tests/test_http_caching.py). Against a real Redis (tests/support/redis.py).
"""

import pytest
from django.test import Client

from .support.redis import use_shared_cache

pytestmark = pytest.mark.django_db

LIST = "/organisationen/"


@pytest.fixture
def shared_cache(settings):
    return use_shared_cache(settings)


def test_page_rendered_by_one_app_server_is_served_from_redis_by_another(
    shared_cache, seed, django_assert_max_num_queries
):
    first_server, second_server = Client(), Client()
    rendered = first_server.get(LIST)

    with django_assert_max_num_queries(1):
        served = second_server.get(LIST)

    assert served.content == rendered.content
    assert served["ETag"] == rendered["ETag"]
