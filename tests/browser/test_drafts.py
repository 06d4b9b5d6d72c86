"""
An editor logged in through the admin previews a draft, which axe-core checks as it does every
page (tests/browser/test_pages.py). That the editor sees the banner and a visitor a 404:
tests/test_drafts.py.
"""

import pytest
from playwright.sync_api import expect

from editorial.models import Status
from organisations.models import Organisation

from ..support.admin_forms import EDITOR, EDITOR_PASSWORD, create_editor
from ..support.browser import axe_violations, describe, log_in, show_on_screens, tab

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

DRAFT = "/organisationen/wasserstoffnetzwerk-lausitz/"


@pytest.fixture
def draft(live_seed):
    Organisation.objects.filter(slug="wasserstoffnetzwerk-lausitz").update(status=Status.DRAFT)
    create_editor()
    return live_seed


def test_axe_finds_nothing_on_a_draft_preview_on_phone_desktop_and_dark(browser, draft):
    found = {}
    with tab(browser, draft) as editor:
        log_in(editor, EDITOR, EDITOR_PASSWORD)
        for screen in show_on_screens(editor):
            if screen == "phone":
                editor.goto(DRAFT)
            expect(editor.get_by_role("status")).to_be_visible()
            if violations := axe_violations(editor):
                found[screen] = violations

    assert found == {}, "axe-core found violations:\n" + "\n".join(
        f"{screen}:\n{describe(violations)}" for screen, violations in found.items()
    )
