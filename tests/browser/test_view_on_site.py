"""
"Auf der Website anzeigen" in the admin leads an editor to the public page on the address the
site is served on, as `make run` serves it on a port other than 8000: set_site_domain, then
gunicorn, on a fresh seeded database.
"""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from ..support.browser import log_in, tab
from ..support.servers import free_port, gunicorn, manage, seeded_site, server_environment

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

PASSWORD = "Lausitz-2026-Redaktion"
ADD_EDITOR = f"""
from django.contrib.auth.models import Group, User
user = User.objects.create_user("redakteurin", password="{PASSWORD}", is_staff=True)
user.groups.add(Group.objects.get(name="Redaktion"))
"""


@pytest.fixture
def site_on_another_port(tmp_path, migrated_sqlite):
    # Set up as for port 8000, as a database first served there is.
    env = seeded_site(server_environment(tmp_path), migrated_sqlite)
    manage(env, "shell", "-c", ADD_EDITOR)
    port = free_port()
    manage({**env, "PORT": str(port)}, "set_site_domain")
    with gunicorn(env, tmp_path, workers=1, port=port) as (_, base_url):
        yield SimpleNamespace(url=base_url)


def test_view_on_site_leads_an_editor_to_the_public_page(browser, site_on_another_port):
    assert not site_on_another_port.url.endswith(":8000")
    with tab(browser, site_on_another_port) as page:
        log_in(page, "redakteurin", PASSWORD)
        page.goto("/admin/organisations/organisation/")
        page.get_by_role("link", name="Lausitzrunde", exact=True).click()

        with page.expect_navigation() as navigation:
            page.get_by_role("link", name="Auf der Website anzeigen").click()

        assert navigation.value.ok
        assert page.url.startswith(f"{site_on_another_port.url}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Lausitzrunde")
