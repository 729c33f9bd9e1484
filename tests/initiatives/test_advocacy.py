"""Staff record advocacy steps on a live initiative; the author hears of each."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.models import WorkflowState

from initiatives import factories
from initiatives.models import AdvocacyStep, Initiative
from tests.initiatives.admin_helpers import assert_denied

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_initiatives_advocacystep:add"


@pytest.fixture
def initiative(moderator, council_members):
    return factories.accepted(council_members, author_email="nino@example.org")


def day(days_ago):
    """The ISO date `days_ago` days before today (the fixture was accepted 30
    days ago)."""
    return (timezone.localdate() - datetime.timedelta(days=days_ago)).isoformat()


def post_step(client, initiative, **data):
    return client.post(
        reverse(ADD_URL),
        {"initiative": initiative.pk, "date": day(20), "text": "", **data},
    )


def test_staff_add_steps_and_the_author_is_told(client, comms_user, initiative):
    letter = Document.objects.create(title="Letter to Telavi City Hall")
    client.force_login(comms_user)
    mail.outbox.clear()

    response = post_step(client, initiative, kind="sent", letter=letter.pk)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.SENT
    (message,) = mail.outbox
    assert message.to == ["nino@example.org"]
    assert "Sent to the municipality" in message.body

    post_step(
        client,
        initiative,
        kind="answer",
        date=day(10),
        text="The lights are in the 2027 budget.",
    )
    post_step(client, initiative, kind="outcome", date=day(2), outcome="implemented")

    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.IMPLEMENTED
    assert [step.kind for step in initiative.advocacy_steps.all()] == [
        "sent",
        "answer",
        "outcome",
    ]
    assert len(mail.outbox) == 3
    assert "2027 budget" in mail.outbox[1].body


def test_steps_do_not_rerun_the_workflow(client, comms_user, initiative):
    client.force_login(comms_user)
    post_step(client, initiative, kind="sent")

    initiative.refresh_from_db()
    assert initiative.live
    assert not initiative.has_unpublished_changes
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED


def test_an_outcome_needs_its_value_and_nothing_is_saved(
    client, comms_user, initiative
):
    client.force_login(comms_user)
    response = post_step(client, initiative, kind="outcome")

    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    assert not AdvocacyStep.objects.exists()


def test_only_live_initiatives_take_steps(client, comms_user, moderator):
    draft = factories.in_moderation()
    client.force_login(comms_user)

    response = post_step(client, draft, kind="sent")

    assert response.status_code == 200
    assert not AdvocacyStep.objects.exists()


def test_deleting_the_last_step_restores_the_stage(initiative):
    factories.add_step(initiative, "sent", days_ago=10)
    answer = factories.add_step(initiative, "answer", days_ago=2, text="Soon.")
    answer.delete()

    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.SENT


def test_moderators_and_council_do_not_record_steps(
    client, moderator, council_members, initiative
):
    for user in (moderator, council_members[0]):
        client.force_login(user)
        assert_denied(post_step(client, initiative, kind="sent"))
    assert not AdvocacyStep.objects.exists()


# --- The timeline stays valid and chronological (issue 10, defect 5) -------


def ka(text):
    with translation.override("ka"):
        return translation.gettext(text)


def refused(response, field):
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors[field]


@pytest.fixture
def comms(client, comms_user):
    client.force_login(comms_user)
    return client


def test_a_step_before_the_acceptance_is_refused(comms, initiative):
    refused(post_step(comms, initiative, kind="sent", date=day(31)), "date")
    assert post_step(comms, initiative, kind="sent", date=day(30)).status_code == 302
    assert AdvocacyStep.objects.count() == 1


def test_a_step_in_the_future_is_refused(comms, initiative):
    refused(post_step(comms, initiative, kind="sent", date=day(-1)), "date")
    assert not AdvocacyStep.objects.exists()


def test_an_answer_needs_a_sending_before_it(comms, initiative):
    answer = {"kind": "answer", "text": "We will see."}

    refused(post_step(comms, initiative, date=day(10), **answer), "date")
    post_step(comms, initiative, kind="sent", date=day(5))
    refused(post_step(comms, initiative, date=day(10), **answer), "date")
    assert post_step(comms, initiative, date=day(3), **answer).status_code == 302

    assert [step.kind for step in initiative.advocacy_steps.all()] == [
        "sent",
        "answer",
    ]


def test_the_outcome_is_the_one_last_step(comms, initiative):
    post_step(comms, initiative, kind="sent", date=day(10))

    outcome = {"kind": "outcome", "outcome": "declined"}
    refused(post_step(comms, initiative, date=day(12), **outcome), "date")
    assert post_step(comms, initiative, date=day(4), **outcome).status_code == 302
    refused(post_step(comms, initiative, date=day(2), **outcome), "kind")
    refused(post_step(comms, initiative, kind="sent", date=day(1)), "date")

    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.DECLINED


def test_moving_a_sending_after_its_answer_is_refused(comms, initiative):
    sent = factories.add_step(initiative, "sent", days_ago=10)
    factories.add_step(initiative, "answer", days_ago=5, text="Yes.")
    edit = reverse("wagtailsnippets_initiatives_advocacystep:edit", args=[sent.pk])

    response = comms.post(
        edit, {"initiative": initiative.pk, "kind": "sent", "date": day(2)}
    )

    refused(response, "date")
    sent.refresh_from_db()
    assert sent.date.isoformat() == day(10)


def test_the_chooser_offers_only_accepted_initiatives(
    comms, initiative, moderator, council_members
):
    draft = factories.in_moderation(title="A draft still in moderation")
    unconfirmed = factories.InitiativeFactory(title="Never confirmed")
    not_accepted = factories.rejected(council_members, title="Not accepted one")

    html = comms.get(reverse(ADD_URL)).text

    select = re.search(r'<select name="initiative"[^>]*>(.*?)</select>', html, re.S)
    assert select, "the initiative is chosen from a list"
    options = select.group(1)
    assert f'value="{initiative.pk}"' in options
    for other in (draft, unconfirmed, not_accepted):
        assert f'value="{other.pk}"' not in options
        assert other.title not in options


def test_the_public_timeline_is_chronological(client, comms, initiative):
    post_step(comms, initiative, kind="sent", date=day(20))
    post_step(comms, initiative, kind="answer", date=day(8), text="Answer text.")
    post_step(comms, initiative, kind="outcome", date=day(3), outcome="implemented")
    # Refused: it would have gone before the acceptance.
    post_step(comms, initiative, kind="sent", date=day(40))

    html = client.get(f"/en/initiatives/{initiative.pk}/").text
    timeline = html.split('class="initiative-timeline"', 1)[1].split("</ol>", 1)[0]
    dates = re.findall(r'<time datetime="([0-9-]+)"', timeline)
    assert dates == sorted(dates)
    assert len(dates) == 5  # submitted, accepted, three steps
    assert day(40) not in dates
