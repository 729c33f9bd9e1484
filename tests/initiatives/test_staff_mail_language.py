"""E-mails speak one language each (issue 10, defect 11, initiatives part).

Staff e-mails come wholly in the staff member's admin language (their choice,
else the site's default, Georgian), whatever language the request that
triggered them was in; task and workflow names are Georgian data; author
e-mails are signed in the author's language.
"""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.utils import translation
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from initiatives import factories, journey
from initiatives.models import CouncilVoteTask, ModerationTask

pytestmark = pytest.mark.django_db

TITLE = "ბილიკი ლაგოდეხის ტბასთან"
MTAVRULI = re.compile("[\u1c90-\u1cbf]")


def english_words(message, *allowed):
    """Latin words of a message's subject and body, links and `allowed` aside."""
    text = re.sub(r"https?://\S+", " ", f"{message.subject}\n{message.body}")
    names = {word for phrase in allowed for word in re.findall(r"\w+", phrase)}
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in names]


def to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_moderators_mail_is_georgian_when_the_citizen_confirmed_in_english(
    moderator,
):
    initiative = factories.InitiativeFactory(language="en", title=TITLE)
    mail.outbox.clear()

    with translation.override("en"):  # the citizen's /en/ confirmation page
        journey.confirm(initiative)

    (message,) = to(moderator)
    assert english_words(message, moderator.get_short_name()) == []
    assert not MTAVRULI.search(message.subject + message.body)
    assert "მოდერაცია" in message.body  # the task's (Georgian) name
    # The author, meanwhile, hears in the initiative's language.
    (author_mail,) = [m for m in mail.outbox if m.to == [initiative.author_email]]
    assert "is in moderation" in author_mail.subject


def test_a_moderator_who_chose_english_gets_english(moderator):
    prefer(moderator, "en")
    initiative = factories.InitiativeFactory(language="ka", title=TITLE)
    mail.outbox.clear()

    journey.confirm(initiative)

    (message,) = to(moderator)
    assert "has been submitted for approval" in message.body
    assert "Hello" in message.body


def test_council_mail_comes_in_each_members_language(moderator, council_members):
    first, second, _ = council_members
    prefer(second, "en")
    initiative = factories.in_moderation(title=TITLE)
    mail.outbox.clear()

    with translation.override("en"):  # a moderator working in English
        factories.approve_moderation(initiative, moderator)

    (georgian,) = to(first)
    assert english_words(georgian, first.get_short_name(), first.get_full_name()) == []
    assert not MTAVRULI.search(georgian.subject + georgian.body)
    (english,) = to(second)
    assert "awaits your vote" in english.subject


@pytest.mark.parametrize(
    ("language", "signature", "other"),
    [("ka", "კახეთის ჰაბი", "Kakheti Hub"), ("en", "Kakheti Hub", "კახეთის ჰაბი")],
)
def test_authors_mail_is_signed_in_their_language(
    moderator, language, signature, other
):
    initiative = factories.InitiativeFactory(language=language)
    mail.outbox.clear()

    journey.confirm(initiative)

    (message,) = [m for m in mail.outbox if m.to == [initiative.author_email]]
    assert message.body.rstrip().endswith(signature)
    assert other not in message.body


def test_the_workflow_and_its_tasks_have_georgian_names():
    assert Workflow.objects.filter(name="ინიციატივების განხილვა").exists()
    assert ModerationTask.objects.get().name == "მოდერაცია"
    assert CouncilVoteTask.objects.get().name == "საკონსულტაციო საბჭოს განხილვა"


def test_the_renaming_keeps_names_an_administrator_chose():
    migration = importlib.import_module(
        "initiatives.migrations.0009_georgian_task_names"
    )
    ModerationTask.objects.update(name="Moderation")
    CouncilVoteTask.objects.update(name="Our council")

    migration.to_georgian(django_apps, None)

    assert ModerationTask.objects.get().name == "მოდერაცია"
    assert CouncilVoteTask.objects.get().name == "Our council"
