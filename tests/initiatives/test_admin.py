"""The initiatives admin: listing, overdue filter, paper submissions, audit log."""

import datetime
import uuid

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from initiatives import factories
from initiatives.models import Initiative
from taxonomy.factories import municipality
from tests.initiatives.admin_helpers import act, url

pytestmark = pytest.mark.django_db


def age(initiative, days):
    Initiative.objects.filter(pk=initiative.pk).update(
        stage_changed_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_listing_shows_stage_municipality_and_days(client, moderator):
    initiative = factories.in_moderation(municipality=municipality("lagodekhi"))
    age(initiative, 9)
    client.force_login(moderator)

    response = client.get(url("list"))

    assert response.status_code == 200
    row = response.text.split(initiative.title, 1)[1].split("</tr>", 1)[0]
    with translation.override("ka"):  # the admin's language here
        assert str(Initiative.Stage.MODERATION.label) in row
    assert municipality("lagodekhi").name in row
    assert ">9<" in row.replace(" ", "").replace("\n", "")


def test_overdue_filter(client, moderator):
    overdue = factories.in_moderation(title="Overdue bus stop")
    recent = factories.in_moderation(title="Recent playground")
    old_but_moved_on = factories.in_council(title="Old council item")
    age(overdue, 15)
    age(old_but_moved_on, 30)
    client.force_login(moderator)

    text = client.get(url("list"), {"overdue": "true"}).text

    assert overdue.title in text
    assert recent.title not in text
    assert old_but_moved_on.title not in text


def test_bad_filter_value_is_not_an_error(client, moderator):
    client.force_login(moderator)
    assert client.get(url("list"), {"stage": "nonsense"}).status_code == 200


def paper_form(**overrides):
    data = {
        "title": "Repair the Kvareli lake footpath",
        "summary": "The footpath around the lake is broken.",
        "problem": "Older people cannot walk around the lake.",
        "solution": "Repave 800 m of path.",
        "request_to_municipality": "Fund the repair in 2027.",
        "municipality": municipality("kvareli").pk,
        "language": "ka",
        "author_name": "გიორგი მაისურაძე",
        "author_email": "giorgi@example.org",
        "author_phone": "+995 555 12 34 56",
        "public_name": "initials",
        "channel": "phone",
        "consent": "on",
        "submission_key": str(uuid.uuid4()),
        "action-enter": "1",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_staff_enter_a_phone_submission_with_consent(client, comms_user, moderator):
    client.force_login(comms_user)

    response = client.post(url("add"), paper_form())

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.channel == Initiative.Channel.PHONE
    assert initiative.consent_recorded_by == comms_user
    assert initiative.consent_given_at is not None
    assert initiative.stage == Initiative.Stage.MODERATION
    assert initiative.current_workflow_task.name == "მოდერაცია"


def test_staff_submission_without_consent_is_refused(client, comms_user):
    client.force_login(comms_user)

    response = client.post(url("add"), paper_form(consent=""))

    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert "Repair the Kvareli lake footpath" in response.text  # kept
    assert not Initiative.objects.exists()


def test_audit_log_shows_who_did_what(client, moderator):
    initiative = factories.in_moderation()
    client.force_login(moderator)
    act(client, initiative, "approve")

    entries = ModelLogEntry.objects.filter(object_id=str(initiative.pk))
    approve = entries.get(action="wagtail.workflow.approve")
    assert approve.user == moderator
    history = client.get(url("history", initiative.pk))
    assert history.status_code == 200
    # The admin speaks Georgian (site/admin_locale): "დამტკიცდა", "დამტკიცება".
    assert "დამტკიც" in history.text
