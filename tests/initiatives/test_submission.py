"""The public submission form: a citizen proposes an initiative."""

import re

import pytest
from django.core import mail

from initiatives.models import Initiative
from tests.initiatives.public_helpers import (
    SUBMIT_URL,
    SUBMIT_URL_EN,
    counts,
    empty_cache,  # noqa: F401
    files_on_disk,
    form_data,
    pdf,
    png,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_the_form_is_offered_in_georgian_and_english(client):
    georgian = client.get(SUBMIT_URL)
    english = client.get(SUBMIT_URL_EN)

    assert georgian.status_code == english.status_code == 200
    assert '<html lang="ka">' in georgian.content.decode()
    assert "Submit an initiative" in english.content.decode()
    for name in ("title", "author_email", "consent", "attachments", "homepage"):
        assert f'name="{name}"' in georgian.content.decode()
    assert 'name="submission_key"' in georgian.content.decode()


def test_a_submission_is_saved_as_an_unconfirmed_draft_and_mailed(client):
    response = client.post(SUBMIT_URL, form_data())

    assert response.status_code == 302
    assert response["Location"] == "/initiatives/submit/sent/"
    initiative = Initiative.objects.get()
    assert initiative.stage == Initiative.Stage.UNCONFIRMED
    assert not initiative.live
    assert initiative.language == "ka"
    assert initiative.author_email == "nino@example.org"
    assert initiative.author_phone == "+995 555 12 34 56"
    assert initiative.consent_given_at is not None
    assert initiative.municipality.slug == "telavi"
    [message] = mail.outbox
    assert message.to == ["nino@example.org"]
    assert "/initiatives/confirm/" in message.body
    assert f"/initiatives/track/{initiative.tracking_token}/" in message.body
    assert "/en/" not in message.body  # Georgian links for a Georgian author


def test_the_english_form_mails_in_english(client):
    client.post(SUBMIT_URL_EN, form_data(title="Lights on the school road"))

    initiative = Initiative.objects.get()
    [message] = mail.outbox
    assert initiative.language == "en"
    assert "Please confirm" in message.subject
    assert "/en/initiatives/confirm/" in message.body


def test_the_check_your_email_page(client):
    response = client.get("/en/initiatives/submit/sent/")

    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()


def test_a_double_submit_creates_one_initiative_and_one_email(client):
    data = form_data()

    first = client.post(SUBMIT_URL, data)
    second = client.post(SUBMIT_URL, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Initiative.objects.count() == 1
    assert len(mail.outbox) == 1


def test_topics_and_supporting_organization_are_saved(client):
    from directory.factories import OrganizationFactory
    from taxonomy.factories import topic

    organization = OrganizationFactory()
    environment = topic("environment")

    client.post(
        SUBMIT_URL,
        form_data(
            topics=[str(environment.pk)],
            supporting_organization=str(organization.pk),
        ),
    )

    initiative = Initiative.objects.get()
    assert list(initiative.topics.all()) == [environment]
    assert initiative.supporting_organization == organization


def test_attachments_are_stored_under_random_names(client, settings):
    client.post(
        SUBMIT_URL,
        form_data(attachments=[png("ჩემი ფოტო.png"), pdf("budget.pdf")]),
    )

    initiative = Initiative.objects.get()
    attachments = list(initiative.attachments.order_by("content_type"))
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png"]
    for attachment in attachments:
        stored = attachment.file.name.rsplit("/", 1)[-1]
        assert re.fullmatch(r"[0-9a-f]{32}\.(pdf|png)", stored), stored
    assert {a.original_name for a in attachments} == {"ჩემი ფოტო.png", "budget.pdf"}
    assert len(files_on_disk(settings)) == 2


def test_the_honeypot_creates_nothing_and_tells_nothing(client):
    response = client.post(SUBMIT_URL, form_data(homepage="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == "/initiatives/submit/sent/"
    assert counts() == (0, 0)
    assert mail.outbox == []


def test_the_rate_limit_refuses_in_the_users_language(client, settings):
    settings.INITIATIVE_SUBMIT_RATE = "2/h"
    for _ in range(2):
        assert client.post(SUBMIT_URL_EN, form_data()).status_code == 302

    response = client.post(SUBMIT_URL_EN, form_data(title="The third one"))

    assert response.status_code == 429
    content = response.content.decode()
    assert "Too many initiatives were sent from your network" in content
    assert 'value="The third one"' in content  # what was typed is kept
    assert Initiative.objects.count() == 2


def test_invalid_posts_do_not_use_up_the_rate_limit(client, settings):
    settings.INITIATIVE_SUBMIT_RATE = "1/h"
    for _ in range(3):
        assert client.post(SUBMIT_URL, form_data(title="")).status_code == 200

    assert client.post(SUBMIT_URL, form_data()).status_code == 302
    assert Initiative.objects.count() == 1


def test_no_rate_limit_when_the_setting_is_none(client, settings):
    settings.INITIATIVE_SUBMIT_RATE = None
    for _ in range(7):
        assert client.post(SUBMIT_URL, form_data()).status_code == 302

    assert Initiative.objects.count() == 7


def test_csrf_is_required(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(SUBMIT_URL, form_data())

    assert response.status_code == 403
    assert Initiative.objects.count() == 0
