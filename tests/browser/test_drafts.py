"""An editor logged in through the admin previews a draft; a visitor meets a 404."""

from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from editorial.models import Status
from organisations.models import Organisation

from .conftest import watched_tab
from .test_accessibility import SCREENS, axe_violations, describe

pytestmark = pytest.mark.browser

DRAFT = "/organisationen/wasserstoffnetzwerk-lausitz/"
USERNAME = "redakteurin"
PASSWORD = "Lausitz-2026-Redaktion"

tab = contextmanager(watched_tab)


@pytest.fixture
def draft(live_seed):
    Organisation.objects.filter(slug="wasserstoffnetzwerk-lausitz").update(status=Status.DRAFT)
    user = User.objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    return live_seed


def log_in(tab):
    """Through the admin's login form, as an editor does."""
    tab.goto("/admin/login/")
    tab.get_by_label("Benutzername").fill(USERNAME)
    tab.get_by_label("Passwort").fill(PASSWORD)
    tab.get_by_role("button", name="Anmelden").click()
    expect(tab.get_by_role("heading", name="Inhalte pflegen")).to_be_visible()
    tab.wait_for_load_state("load")  # its icons, which leaving early would abort


def test_editor_sees_the_draft_with_a_banner_while_a_visitor_gets_404(browser, draft):
    with tab(browser, draft) as editor:
        log_in(editor)
        editor.goto(DRAFT)
        expect(editor.get_by_role("status")).to_contain_text(
            "Entwurf – für Besucher nicht sichtbar"
        )
        expect(editor.get_by_role("heading", level=1)).to_have_text("Wasserstoffnetzwerk Lausitz")

    with tab(browser, draft, error_page_path=DRAFT) as visitor:
        response = visitor.goto(DRAFT)
        assert response.status == 404
        expect(visitor.get_by_role("status")).to_have_count(0)
        expect(visitor.get_by_role("heading", name="Wasserstoffnetzwerk Lausitz")).to_have_count(0)


def test_axe_finds_nothing_on_a_draft_preview_on_phone_desktop_and_dark(browser, draft):
    found = {}
    with tab(browser, draft) as editor:
        log_in(editor)
        for screen, (viewport, color_scheme) in SCREENS.items():
            editor.set_viewport_size(viewport)
            editor.emulate_media(color_scheme=color_scheme)
            editor.goto(DRAFT)
            expect(editor.get_by_role("status")).to_be_visible()
            if violations := axe_violations(editor):
                found[screen] = violations

    assert found == {}, "axe-core found violations:\n" + "\n".join(
        f"{screen}:\n{describe(violations)}" for screen, violations in found.items()
    )
