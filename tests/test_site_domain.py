"""
The site's address follows where it is served: `make run` writes SITE_DOMAIN (DJANGO_SITE_DOMAIN,
else 127.0.0.1:PORT) into the Site row with set_site_domain, and "view on site", the sitemap
index and the feed use it; `check --deploy` warns while production still names this machine.
"""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import call_command

from organisations.models import Organisation
from seo.checks import check_site_domain

from .support.servers import run_python

PUBLIC_DOMAIN = "verzeichnis.example.de"


@pytest.fixture
def served_at(settings):
    """Serves the site (as far as set_site_domain knows) at the given domain."""

    def serve(domain):
        settings.SITE_DOMAIN = domain
        call_command("set_site_domain", stdout=StringIO())

    yield serve
    # The test's rollback takes back the row; the cache must forget it too.
    Site.objects.clear_cache()


def site_domain_in(environment):
    result = run_python(
        ["-c", "from lausitz_directory import settings; print(settings.SITE_DOMAIN)"],
        {"DJANGO_SECRET_KEY": "geheim", **environment},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.db_agnostic
def test_site_domain_is_loopback_at_the_port_served_on():
    assert site_domain_in({"PORT": "8123"}) == "127.0.0.1:8123"
    assert site_domain_in({}) == "127.0.0.1:8000"


@pytest.mark.db_agnostic
def test_django_site_domain_names_the_site_whatever_the_port():
    assert site_domain_in({"PORT": "8123", "DJANGO_SITE_DOMAIN": PUBLIC_DOMAIN}) == PUBLIC_DOMAIN


@pytest.mark.django_db
def test_set_site_domain_writes_the_domain_into_the_site_row(served_at):
    served_at("127.0.0.1:8123")
    assert Site.objects.get_current().domain == "127.0.0.1:8123"

    served_at(PUBLIC_DOMAIN)
    assert Site.objects.get_current().domain == PUBLIC_DOMAIN


@pytest.mark.django_db
def test_set_site_domain_again_leaves_the_row_alone(served_at, settings):
    served_at("127.0.0.1:8123")
    out = StringIO()

    call_command("set_site_domain", stdout=out)

    assert out.getvalue() == "Die Adresse der Website ist schon 127.0.0.1:8123.\n"


def test_view_on_site_leads_to_the_served_address(editor, served_at):
    served_at("127.0.0.1:8123")
    organisation = Organisation.objects.get(slug="lausitzrunde")
    content_type = ContentType.objects.get_for_model(Organisation)

    response = editor.get(f"/admin/r/{content_type.pk}/{organisation.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"http://127.0.0.1:8123{organisation.get_absolute_url()}"


def test_sitemap_index_and_feed_name_the_served_address(client, seed, served_at):
    served_at(PUBLIC_DOMAIN)

    sitemap_index = client.get("/sitemap.xml").content.decode()
    feed = client.get("/offene-daten/feed/").content.decode()

    assert f"http://{PUBLIC_DOMAIN}/sitemap-" in sitemap_index
    assert "127.0.0.1" not in sitemap_index
    assert f"http://{PUBLIC_DOMAIN}/" in feed
    assert "127.0.0.1" not in feed


@pytest.mark.db_agnostic
@pytest.mark.parametrize("domain", ["127.0.0.1:8000", "localhost:8080", "[::1]:8000"])
def test_deploy_check_warns_about_a_loopback_domain_in_production(settings, domain):
    settings.DEBUG = False
    settings.SITE_DOMAIN = domain

    (warning,) = check_site_domain(None)

    assert warning.id == "seo.W001"
    assert domain in warning.msg


@pytest.mark.db_agnostic
def test_deploy_check_accepts_a_public_domain(settings):
    settings.DEBUG = False
    settings.SITE_DOMAIN = PUBLIC_DOMAIN
    assert check_site_domain(None) == []


@pytest.mark.db_agnostic
def test_deploy_check_leaves_development_alone(settings):
    settings.DEBUG = True
    settings.SITE_DOMAIN = "127.0.0.1:8000"
    assert check_site_domain(None) == []
