"""The author's private tracking link: status, and amending when returned."""

import pytest
from django.core import mail

from initiatives import factories, journey
from initiatives.models import Initiative
from tests.initiatives.public_helpers import empty_cache  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def track_url(initiative, language="en"):
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/initiatives/track/{initiative.tracking_token}/"


def test_the_author_follows_the_stage(client):
    initiative = factories.InitiativeFactory(title="Bus shelter in Gurjaani")

    unconfirmed = client.get(track_url(initiative))
    journey.confirm(initiative)
    in_moderation = client.get(track_url(initiative))

    assert unconfirmed.status_code == in_moderation.status_code == 200
    assert "Bus shelter in Gurjaani" in unconfirmed.content.decode()
    assert "Awaiting e-mail confirmation" in unconfirmed.content.decode()
    assert "In moderation" in in_moderation.content.decode()
    assert "noindex" in in_moderation.content.decode()
    assert "no-cache" in in_moderation["Cache-Control"]


def test_a_wrong_token_is_404(client):
    factories.InitiativeFactory()

    assert client.get("/en/initiatives/track/not-a-real-token/").status_code == 404


def test_returned_initiative_shows_reason_and_can_be_amended(client):
    initiative = factories.needs_changes(title="Old title")
    mail.outbox.clear()

    page = client.get(track_url(initiative))

    content = page.content.decode()
    assert "The moderators returned your initiative for changes." in content
    assert "Incomplete" in content
    assert "Please say which street you mean." in content
    assert 'value="Old title"' in content

    data = {
        "title": "New title: Rustaveli street",
        "summary": initiative.summary,
        "problem": initiative.problem,
        "solution": initiative.solution,
        "request_to_municipality": initiative.request_to_municipality,
        "municipality": initiative.municipality_id,
        "public_name": Initiative.PublicName.INITIALS,
    }
    response = client.post(track_url(initiative), data)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.MODERATION
    draft = initiative.get_latest_revision_as_object()
    assert draft.title == "New title: Rustaveli street"
    assert draft.public_name == Initiative.PublicName.INITIALS
    assert initiative.current_workflow_task.name == "მოდერაცია"
    followed = client.get(response["Location"])
    assert "back in moderation" in followed.content.decode()


def test_an_invalid_amendment_keeps_what_was_typed(client):
    initiative = factories.needs_changes()

    response = client.post(
        track_url(initiative),
        {"title": "Typed title", "summary": "", "municipality": "999999"},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Typed title"' in content
    assert 'id="id_summary_error"' in content
    assert 'id="id_municipality_error"' in content
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.NEEDS_CHANGES


def test_no_amendment_unless_returned(client):
    initiative = factories.in_moderation(title="Kept")

    page = client.get(track_url(initiative))
    response = client.post(track_url(initiative), {"title": "Sneaky change"})

    assert "Amend and send again" not in page.content.decode()
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.get_latest_revision_as_object().title == "Kept"
    assert initiative.stage == Initiative.Stage.MODERATION


def test_the_author_sees_the_council_explanation(client):
    initiative = factories.rejected(language="en")

    content = client.get(track_url(initiative)).content.decode()

    assert "will not advocate this initiative" in content
    assert "already funds this" in content
