"""django-simple-history: who changed what, never unpublished draft text."""

import pytest

from initiatives import factories
from initiatives.models import CouncilVoteTask, Initiative
from tests.initiatives.admin_helpers import act, url

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Unpublished draft title nobody may see"


def edit_form(initiative, **overrides):
    data = {
        "title": initiative.title,
        "summary": initiative.summary,
        "problem": initiative.problem,
        "solution": initiative.solution,
        "request_to_municipality": initiative.request_to_municipality,
        "municipality": initiative.municipality_id,
        "language": initiative.language,
        "author_name": initiative.author_name,
        "author_email": initiative.author_email,
        "author_phone": initiative.author_phone,
        "public_name": initiative.public_name,
        "channel": initiative.channel,
    }
    data.update(overrides)
    return data


@pytest.fixture
def published(client, moderator, council_members):
    initiative = factories.in_council(moderator)
    for member in council_members[:2]:
        client.force_login(member)
        act(client, initiative, CouncilVoteTask.VOTE_FOR)
    assert initiative.live
    return initiative


def test_history_records_who_published(published, council_members):
    record = published.history.filter(live=True).earliest("history_date")
    assert record.history_user == council_members[1]  # the deciding vote
    assert record.title == published.title


def test_unpublished_draft_never_reaches_the_history(
    client, moderator, admin_user, published
):
    client.force_login(moderator)
    response = client.post(
        url("edit", published.pk), edit_form(published, title=DRAFT_TITLE)
    )
    assert response.status_code == 302

    published.refresh_from_db()
    assert published.has_unpublished_changes
    assert published.get_latest_revision_as_object().title == DRAFT_TITLE
    assert not published.history.filter(title=DRAFT_TITLE).exists()
    client.get(url("list"))  # shows (and so clears) the "updated" message
    history_page = client.get(url("field_history", published.pk)).text
    assert DRAFT_TITLE not in history_page

    # Once an administrator publishes it, it is history, with their name.
    client.force_login(admin_user)
    client.post(
        url("edit", published.pk),
        edit_form(published, title=DRAFT_TITLE, **{"action-publish": "publish"}),
    )
    record = published.history.get(title=DRAFT_TITLE)
    assert record.history_user == admin_user
    assert DRAFT_TITLE in client.get(url("field_history", published.pk)).text


def test_drafts_under_review_have_no_history(moderator):
    initiative = factories.in_council(moderator)
    assert not initiative.history.exists()
    assert Initiative.history.model.objects.count() == 0


def test_stage_changes_of_a_live_initiative_are_recorded(published, comms_user):
    factories.add_step(published, "sent")
    stages = list(published.history.values_list("stage", flat=True))
    assert Initiative.Stage.SENT in stages
