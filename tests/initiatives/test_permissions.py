"""What each staff role may and may not see and do in the admin, both ways.

(The anonymous and author-token side is tested with the public views.)
"""

import pytest
from django.urls import reverse

from initiatives import factories, uploads
from initiatives.models import CouncilVote, CouncilVoteTask, Initiative
from tests.initiatives.admin_helpers import act, assert_denied, url
from tests.initiatives.public_helpers import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(admin_user, comms_user, moderator, council_members):
    return {
        "admin": admin_user,
        "comms": comms_user,
        "moderator": moderator,
        "council": council_members[0],
    }


@pytest.fixture
def in_moderation(users):
    return factories.in_moderation(
        author_email="private-author@example.org",
        attachments=[uploads.validate_attachment(pdf("plan.pdf"))],
    )


@pytest.fixture
def in_council(users):
    return factories.in_council(author_email="private-author@example.org")


# role -> may it (list, inspect, edit, add, delete, field history, add steps,
# open an attachment, open the review screen)?
MATRIX = {
    "admin": dict(
        list=1, inspect=1, edit=1, add=1, delete=1, history=1, steps=1, file=1, review=1
    ),
    "comms": dict(
        list=1, inspect=1, edit=0, add=1, delete=0, history=0, steps=1, file=0, review=0
    ),
    "moderator": dict(
        list=1, inspect=1, edit=1, add=1, delete=1, history=1, steps=0, file=1, review=1
    ),
    "council": dict(
        list=1, inspect=1, edit=0, add=0, delete=0, history=0, steps=0, file=1, review=1
    ),
}


def check(response, allowed):
    if allowed:
        assert response.status_code == 200, response.status_code
    else:
        assert_denied(response)


@pytest.mark.parametrize("role", MATRIX)
def test_admin_views_by_role(client, users, in_moderation, role):
    may = MATRIX[role]
    client.force_login(users[role])
    pk = in_moderation.pk

    check(client.get(url("list")), may["list"])
    check(client.get(url("inspect", pk)), may["inspect"])
    check(client.get(url("edit", pk)), may["edit"])
    check(client.get(url("add")), may["add"])
    check(client.get(url("delete", pk)), may["delete"])
    check(client.get(url("field_history", pk)), may["history"])
    steps = reverse("wagtailsnippets_initiatives_advocacystep:add")
    check(client.get(steps), may["steps"])
    attachment = in_moderation.attachments.get()
    check(client.get(url("attachment", pk, attachment.pk)), may["file"])
    check(client.get(url("review", pk)), may["review"])
    check(client.get(url("review_preview", pk)), may["review"])


def test_anonymous_visitors_see_no_admin_view(client, in_moderation):
    pk = in_moderation.pk
    attachment = in_moderation.attachments.get()
    for name, args in [
        ("list", ()),
        ("inspect", (pk,)),
        ("edit", (pk,)),
        ("add", ()),
        ("attachment", (pk, attachment.pk)),
        ("review", (pk,)),
        ("review_preview", (pk,)),
    ]:
        response = client.get(url(name, *args))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ["comms", "council"])
def test_inspect_view_hides_the_authors_contact(client, users, in_moderation, role):
    client.force_login(users[role])
    response = client.get(url("inspect", in_moderation.pk))

    assert in_moderation.title in response.text
    assert "private-author@example.org" not in response.text


@pytest.mark.parametrize("role", ["comms", "council", "admin"])
def test_only_moderators_approve_in_moderation(client, users, in_moderation, role):
    # Administrators may too (superusers act on every group task); the others not.
    client.force_login(users[role])
    response = act(client, in_moderation, "approve")

    if role == "admin":
        assert in_moderation.stage == Initiative.Stage.COUNCIL
    else:
        assert_denied(response)
        assert in_moderation.stage == Initiative.Stage.MODERATION


def test_moderator_approves(client, users, in_moderation):
    client.force_login(users["moderator"])
    act(client, in_moderation, "approve")
    assert in_moderation.stage == Initiative.Stage.COUNCIL


@pytest.mark.parametrize("role", ["comms", "moderator", "admin"])
def test_only_council_members_vote(client, users, in_council, role):
    client.force_login(users[role])
    assert_denied(act(client, in_council, CouncilVoteTask.VOTE_FOR))
    assert not in_council.live


def test_council_member_votes(client, users, in_council):
    client.force_login(users["council"])
    response = act(client, in_council, CouncilVoteTask.VOTE_FOR)
    assert response.status_code == 302
    assert CouncilVote.objects.get().member == users["council"]


@pytest.mark.parametrize("role", ["comms", "moderator", "council"])
def test_nobody_but_administrators_publishes_directly(client, users, role):
    initiative = factories.in_moderation()
    client.force_login(users[role])
    client.post(
        url("edit", initiative.pk),
        {"title": "Published by hand", "action-publish": "action-publish"},
    )

    initiative.refresh_from_db()
    assert not initiative.live
    assert not users[role].has_perm("initiatives.publish_initiative")


@pytest.mark.parametrize("role", ["comms", "moderator", "council"])
def test_dashboard_of_each_role(client, users, in_moderation, role):
    client.force_login(users[role])
    home = client.get(reverse("wagtailadmin_home")).text
    # Only moderators have this one waiting for them.
    assert (in_moderation.title in home) == (role == "moderator")


def test_council_member_previews_the_text_under_review(client, users, in_council):
    client.force_login(users["council"])
    task = in_council.current_workflow_task
    response = client.get(url("workflow_preview", in_council.pk, task.pk))

    assert response.status_code == 200
    assert in_council.summary in response.text
    assert "private-author@example.org" not in response.text


def test_workflow_and_council_task_are_editable_in_settings(client, users):
    client.force_login(users["admin"])
    workflows = client.get(reverse("wagtailadmin_workflows:index")).text
    assert "ინიციატივების განხილვა" in workflows

    task = CouncilVoteTask.objects.get()
    response = client.get(reverse("wagtailadmin_workflows:edit_task", args=[task.pk]))
    assert response.status_code == 200
    assert 'name="quorum"' in response.text


def test_only_administrators_change_the_workflow(client, users):
    for role in ("comms", "moderator", "council"):
        client.force_login(users[role])
        assert_denied(client.get(reverse("wagtailadmin_workflows:index")))
