"""E-mails reach the right people, in the author's language."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from initiatives import factories, journey
from tests.initiatives.admin_helpers import recipients

pytestmark = pytest.mark.django_db


def test_georgian_author_gets_georgian_mail_with_the_georgian_link(moderator):
    initiative = factories.InitiativeFactory(language="ka", title="ბილიკი ტბასთან")
    mail.outbox.clear()
    journey.confirm(initiative)

    (message,) = [m for m in mail.outbox if m.to == [initiative.author_email]]
    assert "მოდერაცია" in message.subject
    assert f"/initiatives/track/{initiative.tracking_token}/" in message.body
    assert "/en/initiatives/" not in message.body


def test_english_author_gets_english_mail(moderator):
    initiative = factories.InitiativeFactory(language="en")
    mail.outbox.clear()
    journey.confirm(initiative)

    (message,) = [m for m in mail.outbox if m.to == [initiative.author_email]]
    assert "is in moderation" in message.subject
    assert f"/en/initiatives/track/{initiative.tracking_token}/" in message.body


def test_council_members_are_told_a_review_arrived(moderator, council_members):
    initiative = factories.in_moderation()
    opted_out = council_members[2]
    profile = UserProfile.get_for_user(opted_out)
    profile.submitted_notifications = False
    profile.save()
    mail.outbox.clear()

    factories.approve_moderation(initiative, moderator)

    to = recipients(mail.outbox)
    assert council_members[0].email in to and council_members[1].email in to
    assert opted_out.email not in to
    council_mail = next(m for m in mail.outbox if m.to == [council_members[0].email])
    assert f"/admin/snippets/initiatives/initiative/review/{initiative.pk}/" in (
        council_mail.body
    )
    # Council members never see the author's private address in that e-mail.
    assert initiative.author_email not in council_mail.body


def test_no_mail_leaks_the_authors_address_to_staff(moderator):
    initiative = factories.in_moderation(author_email="secret-author@example.org")
    staff_mail = [m for m in mail.outbox if m.to != [initiative.author_email]]
    assert staff_mail
    assert all("secret-author@example.org" not in m.body for m in staff_mail)
