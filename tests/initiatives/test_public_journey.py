"""The whole journey through real URLs, with the e-mails of each step.

Public form -> confirmation link -> moderator approves in the admin -> each
council member votes -> the quorum publishes -> staff add advocacy steps ->
the public page shows them.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from initiatives.models import CouncilVoteTask, Initiative
from tests.initiatives.admin_helpers import act
from tests.initiatives.public_helpers import (
    SUBMIT_URL_EN,
    empty_cache,  # noqa: F401
    form_data,
    png,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

AUTHOR = "amiran@example.org"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def link(message, part):
    url = re.search(rf"https?://\S+{part}\S+/", message.body).group()
    return re.sub(r"^https?://[^/]+", "", url)


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_from_the_public_form_to_the_public_timeline(
    client, moderator, council_members, comms_user
):
    CouncilVoteTask.objects.update(quorum=2)

    # A citizen submits in English, with a photo, shown by initials.
    response = client.post(
        SUBMIT_URL_EN,
        form_data(
            title="A crossing by the Lagodekhi school",
            author_name="Amiran Kobaidze",
            author_email=AUTHOR,
            public_name=Initiative.PublicName.INITIALS,
            attachments=[png()],
        ),
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    [confirmation] = mail.outbox
    assert confirmation.to == [AUTHOR]
    tracking = link(confirmation, "/initiatives/track/")
    assert client.get(tracking).status_code == 200

    # The confirmation link: one button, then the moderators are told.
    confirm = link(confirmation, "/initiatives/confirm/")
    assert client.get(confirm).status_code == 200
    mail.outbox.clear()
    assert client.post(confirm).status_code == 200
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.MODERATION
    assert sent_to(moderator.email)
    assert sent_to(AUTHOR)
    assert client.get(f"/en/initiatives/{initiative.pk}/").status_code == 404

    # The moderator approves in the admin; the council is asked to vote.
    mail.outbox.clear()
    act(logged_in(moderator), initiative, "approve")
    assert initiative.stage == Initiative.Stage.COUNCIL
    for member in council_members:
        assert sent_to(member.email), member
    assert "advisory council" in client.get(tracking).content.decode()

    # Two council members vote for: the quorum publishes it.
    mail.outbox.clear()
    for member in council_members[:2]:
        act(logged_in(member), initiative, "vote_for", comment="Well argued.")
    assert initiative.live
    assert initiative.stage == Initiative.Stage.ACCEPTED
    assert sent_to(AUTHOR)
    public = client.get(f"/en/initiatives/{initiative.pk}/").content.decode()
    assert "A crossing by the Lagodekhi school" in public
    assert "A. K." in public and "Kobaidze" not in public
    assert (
        "A crossing by the Lagodekhi school"
        in client.get("/en/initiatives/").content.decode()
    )

    # Staff record the advocacy; the author hears of each step.
    staff = logged_in(comms_user)
    add = reverse("wagtailsnippets_initiatives_advocacystep:add")
    mail.outbox.clear()
    today = timezone.localdate().isoformat()  # it was accepted just now
    for step in (
        {"kind": "sent", "date": today},
        {"kind": "answer", "date": today, "text": "It is in the plan."},
        {"kind": "outcome", "date": today, "outcome": "implemented"},
    ):
        response = staff.post(add, {"initiative": initiative.pk, "text": "", **step})
        assert response.status_code == 302
    assert len(sent_to(AUTHOR)) == 3

    public = client.get(f"/en/initiatives/{initiative.pk}/").content.decode()
    for text in ("Sent to the municipality", "It is in the plan.", "Implemented"):
        assert text in public
    with translation.override("en"):
        assert date_format(timezone.localdate(), "DATE_FORMAT") in public
    data = client.get("/data/initiatives.json").json()
    assert [step["step"] for step in data[0]["advocacy_steps"]] == [
        "sent",
        "answer",
        "outcome",
    ]
    assert AUTHOR not in str(data)
