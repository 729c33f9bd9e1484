"""Staff enter a paper or phone initiative: saved once, only when they submit.

Issue 10, defect 1: Wagtail's autosave created, confirmed and sent the entry
into review while it was still being typed, and a click soon after made a
second one. Authors who wrote on paper or phoned may have no e-mail.
"""

import re
import uuid

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import WorkflowState

from initiatives import factories
from initiatives.models import Initiative
from tests.initiatives.admin_helpers import act, url
from tests.initiatives.test_admin import paper_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def comms(client, comms_user, moderator):
    client.force_login(comms_user)
    return client


def ka(text):
    with translation.override("ka"):
        return str(translation.gettext(text))


def test_the_entry_form_does_not_autosave(comms):
    html = comms.get(url("add")).text

    assert 'id="w-editor-form"' in html
    assert "data-w-autosave-interval-value" not in html
    assert not re.search(r'data-controller="[^"]*\bw-autosave\b', html)
    assert 'name="action-enter"' in html
    # One explicit button: no "save draft", "submit" or "publish" beside it.
    for other in ("action-submit", "action-publish", "action-create"):
        assert f'name="{other}"' not in html


def test_an_autosave_post_saves_and_sends_nothing(comms):
    # What Wagtail's autosave sends: the whole form, asking for JSON.
    response = comms.post(url("add"), paper_form(), HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert response.json()["error_code"] == "explicit_submit_only"
    assert not Initiative.objects.exists()
    assert mail.outbox == []


def test_a_post_without_the_button_saves_nothing(comms):
    response = comms.post(url("add"), paper_form(**{"action-enter": None}))

    assert response.status_code == 200
    assert ka("Nothing was saved: press “Enter and send to moderation”.") in (
        response.text
    )
    assert "Repair the Kvareli lake footpath" in response.text  # kept
    assert not Initiative.objects.exists()
    assert mail.outbox == []


def test_a_double_submit_enters_one_initiative(comms, moderator):
    data = paper_form()

    first = comms.post(url("add"), data, follow=True)
    second = comms.post(url("add"), data, follow=True)

    initiative = Initiative.objects.get()
    assert WorkflowState.objects.count() == 1
    assert initiative.stage == Initiative.Stage.MODERATION
    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(to_moderator) == 1
    entered = ka("Initiative “%(title)s” entered and sent to moderation.") % {
        "title": initiative.title
    }
    assert entered in first.text
    again = ka("Initiative “%(title)s” was already entered; nothing was added.") % {
        "title": initiative.title
    }
    assert again in second.text


@pytest.mark.parametrize(
    ("contact", "way"),
    [
        ({"author_phone": "+995 555 12 34 56"}, "phone"),
        ({"author_address": "Kvareli, Chavchavadze st. 12"}, "post"),
    ],
)
def test_an_author_without_e_mail_is_reached_another_way(
    comms, moderator, contact, way
):
    data = paper_form(**{"author_email": "", "author_phone": "", **contact})

    response = comms.post(url("add"), data)

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.author_email == ""
    assert initiative.stage == Initiative.Stage.MODERATION
    # Staff were told (Wagtail's e-mail to the moderators); nobody else.
    assert {address for m in mail.outbox for address in m.to} == {moderator.email}
    # The listing shows staff who has no e-mail.
    comms.get(url("list"))  # shows (and so clears) the success message
    listing = comms.get(url("list")).text
    row = listing.split(initiative.title, 1)[1].split("</tr>", 1)[0]
    assert ka(way) in row
    assert ka("e-mail") not in row


def test_an_author_with_no_way_to_be_reached_is_refused(comms):
    data = paper_form(author_email="", author_phone="", author_address="")

    response = comms.post(url("add"), data)

    assert response.status_code == 200
    assert "author_email" in response.context["form"].errors
    assert (
        ka(
            "Give at least one way to reach the author: an e-mail, a phone number "
            "or a postal address."
        )
        in response.text
    )
    assert not Initiative.objects.exists()


def test_the_journey_e_mails_an_author_only_if_they_have_an_address(moderator):
    initiative = factories.in_moderation(
        author_email="", author_phone="+995 555 00 00 00", submission_key=uuid.uuid4()
    )
    mail.outbox.clear()

    factories.return_to_author(initiative, moderator)

    assert initiative.stage == Initiative.Stage.NEEDS_CHANGES
    assert mail.outbox == []


def test_the_entry_goes_on_like_any_other(client, comms, moderator):
    comms.post(url("add"), paper_form())
    initiative = Initiative.objects.get()

    client.force_login(moderator)
    act(client, initiative, "approve")

    assert initiative.stage == Initiative.Stage.COUNCIL
