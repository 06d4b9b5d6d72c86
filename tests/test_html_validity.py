"""
Every kind of page, in German and English, is valid HTML: the Nu Html Checker
(npm `vnu-jar`, run on Java) reports no error.

The pages are rendered once and checked in one run of the checker, since
starting Java takes seconds; one test, so that one xdist worker starts it.
"""

import json
import subprocess
from pathlib import Path

import pytest

from .support.site_pages import EMBED_PAGES, ENGLISH_PAGES, FORM_PAGES, GERMAN_PAGES

VNU_JAR = (
    Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
PAGES = [*GERMAN_PAGES, *ENGLISH_PAGES, *FORM_PAGES, *EMBED_PAGES]

# Markup, which no database changes: on SQLite only.
pytestmark = pytest.mark.db_agnostic


def checked_pages(client, folder):
    """Each page's status and the checker's messages about it, keyed by the page's id."""
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: `make test` installs it (npm ci)"
    statuses = {}
    files = {}
    for site_page in PAGES:
        response = client.get(site_page.url())
        statuses[site_page.id] = response.status_code
        files[site_page.id] = folder / f"{site_page.id}.html"
        files[site_page.id].write_bytes(response.content)
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


def test_nu_html_checker_finds_no_errors_on_any_page(client, seed, tmp_path):
    checked = checked_pages(client, tmp_path)
    errors = {}
    for site_page in PAGES:
        status, messages = checked[site_page.id]
        assert status == site_page.status, f"{site_page.url()} answers {status}"
        if found := [m for m in messages if m["type"] in {"error", "non-document-error"}]:
            errors[site_page.url()] = describe(found)
        if warnings := [m for m in messages if m not in found]:
            print(f"The Nu Html Checker warns about {site_page.url()}:\n{describe(warnings)}")

    assert errors == {}, "The Nu Html Checker finds errors:\n" + "\n".join(
        f"{url}:\n{description}" for url, description in errors.items()
    )
