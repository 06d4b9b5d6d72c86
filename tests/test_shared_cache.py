"""
Several app servers share one Redis (CACHE_URL/REDIS_URL): a page one of them rendered is
served by the others, and an edit on any of them shows on all at once. Against a real Redis,
the private one scripts/redis.sh starts (`make test` starts it too).
"""

import subprocess
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client

from organisations.models import Organisation

from .admin_forms import save_in_admin
from .pages import result_names

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6390/0"
LIST = "/organisationen/"


@pytest.fixture
def shared_cache(settings):
    """The page cache in Redis, as CACHE_URL=redis://… configures it."""
    subprocess.run([BASE_DIR / "scripts" / "redis.sh"], check=True, timeout=30)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    return caches["default"]


def test_page_rendered_by_one_app_server_is_served_from_redis_by_another(
    shared_cache, seed, django_assert_max_num_queries
):
    first_server, second_server = Client(), Client()
    rendered = first_server.get(LIST)

    with django_assert_max_num_queries(1):
        served = second_server.get(LIST)

    assert served.content == rendered.content
    assert served["ETag"] == rendered["ETag"]


def test_admin_edit_on_one_app_server_shows_on_another_at_once(shared_cache, editor):
    visitor = Client()
    assert "Wasserstoffnetzwerk Lausitz" in result_names(visitor.get(LIST))
    organisation = Organisation.objects.get(slug="wasserstoffnetzwerk-lausitz")

    saved = save_in_admin(editor, organisation, {"name": "Wasserstoff-Netzwerk der Lausitz"})

    assert saved.status_code == 302
    names = result_names(visitor.get(LIST))
    assert "Wasserstoff-Netzwerk der Lausitz" in names
    assert "Wasserstoffnetzwerk Lausitz" not in names
