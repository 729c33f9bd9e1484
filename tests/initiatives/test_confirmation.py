"""The confirmation link: only a confirmed initiative enters the review."""

import datetime
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import WorkflowState

from hub.tokens import sign
from initiatives import factories, tokens
from initiatives.models import Initiative
from tests.initiatives.public_helpers import SUBMIT_URL, empty_cache, form_data  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def confirm_url(initiative, language="ka"):
    with translation.override(language):
        return reverse(
            "initiatives:confirm",
            kwargs={"token": tokens.confirmation_token(initiative)},
        )


def link_from_mail(message):
    return next(
        line.replace("http://testserver", "")
        for line in message.body.splitlines()
        if "/initiatives/confirm/" in line
    )


def test_the_mailed_link_asks_then_confirms_and_starts_moderation(client, moderator):
    client.post(SUBMIT_URL, form_data())
    initiative = Initiative.objects.get()
    link = link_from_mail(mail.outbox[0])

    page = client.get(link)

    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.UNCONFIRMED  # opening is not enough

    done = client.post(link)

    assert done.status_code == 200
    assert initiative.tracking_token in done.content.decode()
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.MODERATION
    assert initiative.confirmed_at is not None
    assert WorkflowState.objects.filter(object_id=str(initiative.pk)).count() == 1


def test_a_replayed_confirmation_is_friendly_and_changes_nothing(client, moderator):
    initiative = factories.InitiativeFactory(language="en")
    url = confirm_url(initiative, "en")
    client.post(url)
    mail.outbox.clear()

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 200
        assert "Already confirmed" in response.content.decode()
    assert WorkflowState.objects.filter(object_id=str(initiative.pk)).count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "1:abc:forged",
        "1::AAAAAA:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    ],
)
def test_a_forged_token_is_a_clear_400(client, token):
    factories.InitiativeFactory()

    response = client.get(f"/en/initiatives/confirm/{token}/")

    assert response.status_code == 400
    assert "This confirmation link does not work" in response.content.decode()
    assert Initiative.objects.get().stage == Initiative.Stage.UNCONFIRMED


def test_a_token_signed_for_another_key_is_refused(client):
    initiative = factories.InitiativeFactory()
    token = sign(tokens.SALT, f"{initiative.pk}:00000000-0000-0000-0000-000000000000")

    response = client.post(f"/en/initiatives/confirm/{token}/")

    assert response.status_code == 404
    initiative.refresh_from_db()
    assert initiative.confirmed_at is None


def test_an_expired_token_is_refused(client, monkeypatch):
    initiative = factories.InitiativeFactory()
    eight_days_ago = time.time() - 8 * 24 * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: eight_days_ago)
        url = confirm_url(initiative, "en")

    response = client.post(url)

    assert response.status_code == 400
    assert "The link has expired" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.confirmed_at is None


def test_an_expired_draft_cannot_be_confirmed_even_with_a_fresh_token(client):
    initiative = factories.InitiativeFactory()
    Initiative.objects.filter(pk=initiative.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=8)
    )

    response = client.post(confirm_url(initiative, "en"))

    assert response.status_code == 400
    initiative.refresh_from_db()
    assert initiative.confirmed_at is None
    assert not WorkflowState.objects.exists()


def test_the_link_of_a_deleted_draft_is_a_clear_404(client):
    initiative = factories.InitiativeFactory()
    url = confirm_url(initiative, "en")
    initiative.delete()

    response = client.get(url)

    assert response.status_code == 404
    assert "We found no initiative for this link" in response.content.decode()
