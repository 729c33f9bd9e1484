"""E-mail leaves through the outbox: stored with what caused it, sent by a
background task, and retried until the mail server takes it."""

import datetime
import socketserver
import threading

import pytest
from django.core import mail as outbox
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub import mail
from hub.models import OutgoingMail
from initiatives.models import Initiative
from tests.initiatives.public_helpers import SUBMIT_URL, form_data
from tests.worker import run_the_worker

pytestmark = pytest.mark.django_db


class RefusingSMTPHandler(socketserver.StreamRequestHandler):
    """A mail server that greets, then refuses every message for now (451)."""

    def handle(self):
        self.wfile.write(b"220 refusing.test ESMTP\r\n")
        for line in self.rfile:
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.wfile.write(b"250 refusing.test\r\n")
            elif command.startswith("QUIT"):
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"451 4.3.0 try again later\r\n")


@pytest.fixture
def refusing_smtp(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), RefusingSMTPHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.shutdown()
    server.server_close()


def test_a_message_is_stored_and_sent():
    assert mail.send(
        "initiatives/email/author_update_subject.txt",
        "initiatives/email/author_update.txt",
        {"initiative": None, "event": "received", "tracking_url": "/x/"},
        ["nino@example.org", ""],
        language="en",
    )

    [stored] = OutgoingMail.objects.all()
    assert stored.sent_at is not None and stored.recipients == ["nino@example.org"]
    [message] = outbox.outbox
    assert message.subject == stored.subject and message.to == ["nino@example.org"]


def test_a_rolled_back_change_sends_nothing(queued):
    # As in production: the delivery task waits in the database for a worker.
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send(
            "initiatives/email/author_update_subject.txt",
            "initiatives/email/author_update.txt",
            {"initiative": None, "event": "received", "tracking_url": "/x/"},
            ["nino@example.org"],
        )
        raise RuntimeError("the submission failed")

    assert not OutgoingMail.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert outbox.outbox == []


def test_in_production_the_worker_sends_what_the_request_stored(queued, monkeypatch):
    mail.send(
        "initiatives/email/author_update_subject.txt",
        "initiatives/email/author_update.txt",
        {"initiative": None, "event": "received", "tracking_url": "/x/"},
        ["nino@example.org"],
    )
    assert outbox.outbox == []  # nothing sent in the request

    run_the_worker(monkeypatch)

    assert OutgoingMail.objects.get().sent_at is not None
    [message] = outbox.outbox
    assert message.to == ["nino@example.org"]


def test_a_refusing_mail_server_loses_no_message(client, refusing_smtp, settings):
    response = client.post(SUBMIT_URL, form_data())

    # The citizen's submission succeeds although the confirmation could not go.
    assert response.status_code == 302
    assert Initiative.objects.count() == 1
    [stored] = OutgoingMail.objects.all()
    assert stored.sent_at is None and stored.attempts == 1
    assert "451" in stored.last_error
    assert "nino@example.org" in stored.recipients

    # Not due yet: nothing is tried again before its pause is over.
    assert mail.send_pending() == (0, 0)

    # The server takes mail again: the next run of send_pending_mail sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert mail.send_pending(now=later) == (1, 0)
    stored.refresh_from_db()
    assert stored.sent_at is not None and stored.attempts == 2
    [message] = outbox.outbox
    assert message.to == ["nino@example.org"]
    assert "/initiatives/confirm/" in message.body


def test_a_message_refused_every_time_is_given_up_at_last(refusing_smtp):
    mail.send(
        "initiatives/email/author_update_subject.txt",
        "initiatives/email/author_update.txt",
        {"initiative": None, "event": "received", "tracking_url": "/x/"},
        ["nino@example.org"],
    )
    far = timezone.now() + datetime.timedelta(days=30)
    for _ in range(len(mail.RETRY_AFTER)):
        mail.send_pending(now=far)

    stored = OutgoingMail.objects.get()
    assert stored.failed and stored.sent_at is None
    assert stored.attempts == len(mail.RETRY_AFTER) + 1


def test_administrators_read_the_outbox_and_nobody_edits_it(client, admin_user):
    from hub.factories import UserFactory
    from hub.roles import COMMUNICATIONS_STAFF

    mail.send(
        "initiatives/email/author_update_subject.txt",
        "initiatives/email/author_update.txt",
        {"initiative": None, "event": "received", "tracking_url": "/x/"},
        ["nino@example.org"],
    )
    stored = OutgoingMail.objects.get()
    client.force_login(admin_user)

    listing = client.get("/admin/outgoing_mail/")
    assert listing.status_code == 200 and stored.subject in listing.content.decode()
    inspect = client.get(f"/admin/outgoing_mail/inspect/{stored.pk}/")
    assert "nino@example.org" in inspect.content.decode()
    assert client.get(f"/admin/outgoing_mail/edit/{stored.pk}/").status_code != 200
    assert client.get("/admin/outgoing_mail/new/").status_code != 200

    client.force_login(UserFactory(username="comms", role=COMMUNICATIONS_STAFF))
    assert client.get("/admin/outgoing_mail/").status_code in (302, 403)
