"""Two editors in two browsers open the same organisation; the second save is refused."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from organisations.models import Organisation

from ..support.browser import log_in, tab

pytestmark = pytest.mark.browser

PASSWORD = "Lausitz-2026-Redaktion"


@pytest.fixture
def editors(live_seed):
    for username in ("erste", "zweite"):
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name="Redaktion"))
    return live_seed


def open_in_admin(page, username, organisation):
    log_in(page, username, PASSWORD)
    page.goto(f"/admin/organisations/organisation/{organisation.pk}/change/")
    expect(page.get_by_label("Abkürzung")).to_be_visible()


def test_the_second_editor_is_told_what_the_first_changed(browser, editors):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    with tab(browser, editors) as first, tab(browser, editors) as second:
        open_in_admin(first, "erste", organisation)
        open_in_admin(second, "zweite", organisation)

        first.get_by_label("Abkürzung").fill("LR")
        first.get_by_role("button", name="Sichern", exact=True).click()
        expect(first.get_by_text("wurde erfolgreich geändert")).to_be_visible()

        second.locator("#id_description").fill("Text der Zweiten.")
        second.get_by_role("button", name="Sichern", exact=True).click()
        errors = second.locator(".errorlist.nonfield")
        expect(errors).to_contain_text(
            "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben."
        )
        expect(errors).to_contain_text("Abkürzung: jetzt „LR“")
        expect(second.locator("#id_description")).to_have_value("Text der Zweiten.")
        second.wait_for_load_state("load")

    organisation.refresh_from_db()
    assert organisation.acronym == "LR"
    assert organisation.description != "Text der Zweiten."
