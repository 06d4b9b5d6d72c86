"""/healthz and /readyz: what a load balancer asks before it sends visitors."""

import pytest

from .support.database_down import database_down  # noqa: F401 (a fixture)


@pytest.fixture
def probe(client):
    # A balancer probes by the server's address, which ALLOWED_HOSTS does not name.
    return lambda path: client.get(path, headers={"Host": "10.0.0.7:8000"})


def test_healthz_answers_ok_without_touching_the_database(probe):
    # Without the django_db mark, any query would fail the request.
    response = probe("/healthz")

    assert response.status_code == 200
    assert response.text == "ok\n"


@pytest.mark.django_db
def test_readyz_answers_ok_while_the_database_answers(probe):
    response = probe("/readyz")

    assert response.status_code == 200
    assert response.text == "ok\n"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
@pytest.mark.django_db
def test_probes_are_never_cached_and_set_no_cookie(probe, path):
    first = probe(path)
    second = probe(path)

    assert first["Cache-Control"] == "no-store"
    assert "ETag" not in first
    assert not first.cookies
    assert second["Cache-Control"] == "no-store"


@pytest.mark.usefixtures("database_down")
def test_readyz_answers_503_with_retry_after_while_the_database_is_down(probe):
    response = probe("/readyz")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.usefixtures("database_down")
def test_healthz_answers_ok_while_the_database_is_down(probe):
    assert probe("/healthz").status_code == 200


@pytest.mark.django_db
def test_probes_are_not_redirected_to_https(client, settings):
    # Balancers probe the app server over plain HTTP, where visitors are sent to HTTPS.
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/organisationen/").status_code == 301
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
