"""The editors' notice goes through a real SMTP server, started by the test (aiosmtpd)."""

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from django.contrib.auth.models import Group, User

from suggestions.models import Suggestion

from .support.servers import free_port
from .support.suggestions import CORRECTION_URL, filled_in, smtp_mailer

pytestmark = pytest.mark.django_db


class Recorder(Sink):
    """Keeps what the server received: sender, recipients and the message."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {"default": smtp_mailer(controller.port, timeout=10)}
    yield recorder
    controller.stop()


def test_a_suggestion_reaches_the_editors_through_smtp(
    client, seed, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.DIRECTORY_EDITOR_EMAILS = ["redaktion@example.org"]
    settings.DEFAULT_FROM_EMAIL = "verzeichnis@example.org"
    user = User.objects.create_user("lena", email="lena@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    data = filled_in(client.get(CORRECTION_URL), acronym="WRL", submitter_email="b@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CORRECTION_URL, data)
    assert response.status_code == 302
    [envelope] = smtp_server.received
    assert envelope.mail_from == "verzeichnis@example.org"
    assert sorted(envelope.rcpt_tos) == ["lena@example.org", "redaktion@example.org"]
    suggestion = Suggestion.objects.get()
    assert f"Neuer Vorschlag #{suggestion.pk}".encode() in envelope.content
    assert not suggestion.notification_failed
