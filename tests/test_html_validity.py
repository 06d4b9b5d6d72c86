"""
Every kind of page, in German and English, is valid HTML: the Nu Html Checker
(npm `vnu-jar`, run on Java) reports no error.

The pages are rendered once and checked in one run of the checker, since
starting Java takes seconds; each page then has its own test.
"""

import json
import subprocess
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client

from .support.site_pages import ENGLISH_PAGES, GERMAN_PAGES

VNU_JAR = (
    Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
PAGES = [*GERMAN_PAGES, *ENGLISH_PAGES]

# Without the mark pytest-django would set up no test database for this module.
# Markup, which no database changes: on SQLite only.
pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]


@pytest.fixture(scope="module")
def checked_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """Each page's status and the checker's messages about it, keyed by the page's id."""
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: `make test` installs it (npm ci)"
    folder = tmp_path_factory.mktemp("html")
    statuses = {}
    files = {}
    with django_db_blocker.unblock(), transaction.atomic():
        client = Client()
        for site_page in PAGES:
            response = client.get(site_page.url())
            statuses[site_page.id] = response.status_code
            files[site_page.id] = folder / f"{site_page.id}.html"
            files[site_page.id].write_bytes(response.content)
        transaction.set_rollback(True)
    run = subprocess.run(
        ["java", "-jar", VNU_JAR, "--format", "json", "--stdout", *files.values()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stdout, f"The Nu Html Checker did not run:\n{run.stderr}"
    messages = json.loads(run.stdout)["messages"]
    return {
        page_id: (
            statuses[page_id],
            [m for m in messages if m.get("url", "").endswith(f"/{path.name}")],
        )
        for page_id, path in files.items()
    }


def describe(messages):
    return "\n".join(
        f"- line {m.get('lastLine')}, column {m.get('firstColumn', m.get('lastColumn'))}: "
        f"{m['message']}\n    {' '.join(m.get('extract', '').split())}"
        for m in messages
    )


@pytest.mark.parametrize("site_page", PAGES, ids=[page.id for page in PAGES])
def test_nu_html_checker_finds_no_errors(checked_pages, site_page):
    status, messages = checked_pages[site_page.id]
    assert status == site_page.status, f"{site_page.url()} answers {status}"
    errors = [m for m in messages if m["type"] in {"error", "non-document-error"}]
    if warnings := [m for m in messages if m not in errors]:
        print(f"The Nu Html Checker warns about {site_page.url()}:\n{describe(warnings)}")

    assert errors == [], f"The Nu Html Checker finds errors in {site_page.url()}:\n" + describe(
        errors
    )
