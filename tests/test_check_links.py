"""`manage.py check_links` against websites on this machine; no test reaches beyond it."""

import io

import pytest
from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.core.management import CommandError, call_command

from editorial.models import Status
from linkcheck.models import LinkCheck
from organisations.models import Organisation

from .support.factories import OrganisationFactory
from .support.pages import text
from .support.websites import closed_port, local_website

# Markup, headers and HTTP behaviour, which no database changes: judged once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]

# Short, so that the hanging website costs a test half a second; generous for a local answer.
TIMEOUT = "0.5"


@pytest.fixture
def website():
    with local_website() as (address, requests):
        yield address, requests


def run_check_links(*arguments, stdout=None):
    stdout = stdout or io.StringIO()
    call_command("check_links", "--timeout", TIMEOUT, *arguments, stdout=stdout)
    return stdout.getvalue()


def checked(url):
    """The stored result for an organisation whose website is `url`, after a run."""
    organisation = OrganisationFactory(website=url)
    run_check_links()
    return LinkCheck.objects.get(organisation=organisation)


def test_a_website_that_answers_is_in_order(website):
    address, _ = website
    result = checked(f"{address}/")
    assert (result.status, result.http_status, result.final_url) == ("ok", 200, f"{address}/")
    assert not result.is_broken


def test_a_chain_of_redirects_is_followed_and_recorded(website):
    address, _ = website
    result = checked(f"{address}/kette/1/")
    assert (result.status, result.redirects, result.final_url) == ("redirect", 3, f"{address}/")
    assert not result.is_broken


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/nach-ftp/", "ftp://127.0.0.1/datei.txt"),
        ("/nach-file/", "file:///etc/passwd"),
        ("/nach-javascript/", "javascript:alert(1)"),
    ],
)
def test_a_redirect_outside_http_and_https_is_an_error_and_not_followed(website, path, target):
    address, _ = website
    result = checked(f"{address}{path}")
    assert (result.status, result.final_url) == ("invalid_scheme", target)
    assert result.is_broken


def test_an_address_outside_http_and_https_is_not_asked(website):
    _, requests = website
    result = checked("ftp://127.0.0.1/datei.txt")
    assert result.status == "invalid_scheme"
    assert requests == []


def test_a_missing_page_is_not_found(website):
    address, _ = website
    result = checked(f"{address}/fehlt/")
    assert (result.status, result.http_status) == ("not_found", 404)
    assert result.is_broken


def test_a_server_error_is_an_http_error_with_its_code(website):
    address, _ = website
    result = checked(f"{address}/kaputt/")
    assert (result.status, result.http_status) == ("http_error", 500)


def test_a_website_that_refuses_head_is_asked_with_get(website):
    address, requests = website
    result = checked(f"{address}/ohne-head/")
    assert (result.status, result.http_status) == ("ok", 200)
    assert [(method, path) for method, path, _ in requests] == [
        ("HEAD", "/ohne-head/"),
        ("GET", "/ohne-head/"),
    ]


def test_a_website_that_does_not_answer_in_time_is_a_timeout(website):
    address, _ = website
    assert checked(f"{address}/haengt/").status == "timeout"


def test_a_refused_connection_is_recorded_as_refused():
    assert checked(f"http://127.0.0.1:{closed_port()}/").status == "refused"


def test_a_name_that_does_not_exist_is_recorded_as_name_not_found():
    # .invalid never resolves (RFC 6761); the resolver answers without asking the network.
    result = checked("http://verein.invalid/")
    assert (result.status, result.get_status_display()) == ("dns", "Name nicht gefunden")


def test_a_website_that_speaks_no_tls_on_https_is_a_tls_error(website):
    address, _ = website
    result = checked(address.replace("http://", "https://") + "/")
    assert result.status == "tls"
    assert result.message


def test_requests_name_the_site_and_its_address(website):
    address, requests = website
    checked(f"{address}/")
    [(_, _, agent)] = requests
    assert agent.startswith("LausitzVerzeichnis-Linkpruefung/1.0 (+http")
    assert f"://{Site.objects.get_current().domain}/)" in agent


def test_only_published_organisations_are_checked(website):
    address, requests = website
    OrganisationFactory(website=f"{address}/entwurf/", status=Status.DRAFT)
    checked(f"{address}/")
    assert [path for _, path, _ in requests] == ["/"]


def test_a_new_run_replaces_the_result_and_forgets_removed_websites(website):
    address, _ = website
    kept = OrganisationFactory(website=f"{address}/fehlt/")
    removed = OrganisationFactory(website=f"{address}/")
    run_check_links()
    kept.website = f"{address}/"
    kept.save()
    removed.website = ""
    removed.save()
    run_check_links()
    assert list(LinkCheck.objects.values_list("organisation__slug", "status")) == [
        (kept.slug, "ok")
    ]


def test_output_names_each_website_and_the_total_in_german(website):
    address, _ = website
    OrganisationFactory(slug="verein-a", website=f"{address}/fehlt/")
    output = run_check_links("--workers", "1")
    assert "1/1 verein-a: Nicht gefunden (404)\n" in output
    assert output.endswith("1 Websites geprüft, 1 defekt.\n")


@pytest.mark.parametrize("option", ["--workers", "--timeout"])
def test_workers_and_timeout_must_be_positive(option):
    with pytest.raises(CommandError):
        run_check_links(option, "0")


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_one_progress_line_counts_up_then_the_broken_are_listed(website):
    address, _ = website
    OrganisationFactory(slug="verein-a", website=f"{address}/")
    OrganisationFactory(slug="verein-b", website=f"{address}/kaputt/")
    output = run_check_links(stdout=Terminal())
    assert "\r1/2 geprüft" in output
    assert "\r2/2 geprüft, 1 defekt\n" in output
    assert "Defekt: verein-b: HTTP-Fehler: HTTP 500 Internal Server Error" in output


# --- Admin ----------------------------------------------------------------------------------


@pytest.fixture
def link_checks(seed):
    """Stored results for two seed organisations, one broken; no website is asked."""
    for slug, status in [("lmbv", "ok"), ("ihk-cottbus", "not_found")]:
        organisation = Organisation.objects.get(slug=slug)
        LinkCheck.objects.create(
            organisation=organisation,
            url=organisation.website or "https://example.org/",
            checked_at="2026-11-25T10:00:00Z",
            status=status,
        )


def test_editors_list_the_broken_links_in_the_admin(editor, link_checks):
    response = editor.get("/admin/linkcheck/linkcheck/?defekt=ja")
    assert [str(check.organisation.slug) for check in response.context["cl"].result_list] == [
        "ihk-cottbus"
    ]
    assert "Defekte Links" in text(response)
    assert "Nicht gefunden (404)" in text(response)


def test_editors_cannot_change_a_link_check_by_hand(editor, link_checks):
    assert editor.get("/admin/linkcheck/linkcheck/add/").status_code == 403


def test_who_may_not_see_organisations_does_not_see_their_link_checks(client, link_checks):
    client.force_login(User.objects.create_user("gast", is_staff=True))
    assert client.get("/admin/linkcheck/linkcheck/").status_code == 403
