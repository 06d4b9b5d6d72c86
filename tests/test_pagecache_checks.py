"""The system checks of the page cache: what its settings must hold, with an id and a hint."""

import pytest
from django.conf import settings
from django.core import checks
from django.test import override_settings

from pagecache.checks import PAGE_CACHE_MIDDLEWARE, RUN_AFTER, RUN_BEFORE

SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware"
SERVER_TIMING = "pagecache.timing.ServerTimingMiddleware"


def error_ids():
    return [message.id for message in checks.run_checks() if message.id.startswith("pagecache.")]


def moved(name, before):
    """MIDDLEWARE with `name` moved to just before `before`."""
    middleware = [entry for entry in settings.MIDDLEWARE if entry != name]
    middleware.insert(middleware.index(before), name)
    return middleware


def test_the_project_settings_pass_every_check():
    assert error_ids() == []


def test_middleware_that_answers_without_a_page_must_come_before_the_page_cache():
    with override_settings(MIDDLEWARE=moved(PAGE_CACHE_MIDDLEWARE, before=WHITENOISE)):
        [error] = [error for error in checks.run_checks() if WHITENOISE in error.msg]
    assert error.id == "pagecache.E001"
    assert error.hint


def test_server_timing_must_come_before_the_page_cache_to_time_cached_pages():
    with override_settings(MIDDLEWARE=moved(SERVER_TIMING, before=SESSION)):
        [error] = checks.run_checks()
    assert error.id == "pagecache.E001"
    assert SERVER_TIMING in error.msg


def test_the_session_must_come_after_the_page_cache():
    with override_settings(MIDDLEWARE=moved(SESSION, before=PAGE_CACHE_MIDDLEWARE)):
        assert error_ids() == ["pagecache.E001"]


def with_page_cache_at(position):
    middleware = [entry for entry in settings.MIDDLEWARE if entry != PAGE_CACHE_MIDDLEWARE]
    middleware.insert(position, PAGE_CACHE_MIDDLEWARE)
    return middleware


@pytest.mark.parametrize(
    ("position", "misplaced"),
    [(0, RUN_BEFORE), (len(settings.MIDDLEWARE), RUN_AFTER)],
    ids=["page cache first names what must come before it", "last names what must come after"],
)
def test_a_misplaced_page_cache_names_every_middleware_on_the_wrong_side(position, misplaced):
    with override_settings(MIDDLEWARE=with_page_cache_at(position)):
        errors = checks.run_checks()
    assert {error.id for error in errors} == {"pagecache.E001"}
    assert len(errors) == len(misplaced)
    for name in misplaced:
        assert any(name in error.msg for error in errors)


def test_content_apps_must_be_installed():
    content_apps = [*settings.PAGE_CACHE_CONTENT_APPS, "news"]
    with override_settings(PAGE_CACHE_CONTENT_APPS=content_apps):
        [error] = checks.run_checks()
    assert error.id == "pagecache.E002"
    assert "'news'" in error.msg
    assert error.hint


def test_the_cache_alias_must_name_a_cache():
    with override_settings(PAGE_CACHE_ALIAS="pages"):
        [error] = checks.run_checks(tags=[checks.Tags.caches])
    assert error.id == "pagecache.E003"
    assert error.hint


def test_the_fragment_cache_alias_must_name_a_cache():
    with override_settings(FRAGMENT_CACHE_ALIAS="parts"):
        [error] = checks.run_checks(tags=[checks.Tags.caches])
    assert error.id == "pagecache.E003"
    assert "'parts'" in error.msg
