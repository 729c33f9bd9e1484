"""Who sees what on the public side: anonymous, the author's link, staff.

Staff review initiatives in the admin; the public pages show every visitor,
logged in or not, published initiatives only.
"""

import pytest

from initiatives import factories
from tests.initiatives.public_helpers import published

pytestmark = pytest.mark.django_db


def unpublished():
    return {
        "unconfirmed": factories.InitiativeFactory(title="Hidden unconfirmed"),
        "moderation": factories.in_moderation(title="Hidden in moderation"),
        "needs_changes": factories.needs_changes(title="Hidden returned"),
        "council": factories.in_council(title="Hidden with council"),
        "rejected": factories.rejected(title="Hidden rejected"),
    }


def detail(initiative):
    return f"/en/initiatives/{initiative.pk}/"


def track(initiative):
    return f"/en/initiatives/track/{initiative.tracking_token}/"


@pytest.fixture(params=["anonymous", "moderator", "council", "admin", "comms"])
def visitor(request, client, moderator, council_members, admin_user, comms_user):
    users = {
        "anonymous": None,
        "moderator": moderator,
        "council": council_members[0],
        "admin": admin_user,
        "comms": comms_user,
    }
    if users[request.param]:
        client.force_login(users[request.param])
    return client


def test_nobody_sees_an_unpublished_initiative_on_public_pages(visitor):
    hidden = unpublished()
    shown = published(title="Shown and published")

    listing = visitor.get("/en/initiatives/").content.decode()
    csv = visitor.get("/data/initiatives.csv").content.decode()

    assert "Shown and published" in listing and "Shown and published" in csv
    assert visitor.get(detail(shown)).status_code == 200
    for initiative in hidden.values():
        assert visitor.get(detail(initiative)).status_code == 404
        assert initiative.title not in listing
        assert initiative.title not in csv


def test_the_tracking_link_shows_its_own_initiative_only(client):
    mine = factories.in_moderation(title="My own initiative")
    other = factories.in_moderation(title="Somebody else's initiative")

    page = client.get(track(mine)).content.decode()

    assert "My own initiative" in page
    assert "Somebody else" not in page
    assert other.tracking_token not in page


@pytest.mark.parametrize(
    "token",
    ["x", "A" * 32, "../../admin"],
)
def test_a_wrong_tracking_token_is_404(client, token):
    factories.in_moderation()

    assert client.get(f"/en/initiatives/track/{token}/").status_code == 404


def test_a_tracking_link_never_shows_contact_details(client):
    initiative = factories.needs_changes(
        author_email="private-mail@example.org", author_phone="+995 599 00 11 22"
    )

    page = client.get(track(initiative)).content.decode()

    assert "private-mail@example.org" not in page
    assert "599 00 11 22" not in page


def test_the_author_link_cannot_amend_another_initiative(client):
    mine = factories.needs_changes(title="Mine")
    other = factories.needs_changes(title="Theirs")

    client.post(
        track(mine),
        {
            "title": "Changed",
            "summary": "s",
            "problem": "p",
            "solution": "s",
            "request_to_municipality": "r",
            "municipality": mine.municipality_id,
            "public_name": "anonymous",
        },
    )

    other.refresh_from_db()
    assert other.get_latest_revision_as_object().title == "Theirs"
    mine.refresh_from_db()
    assert mine.get_latest_revision_as_object().title == "Changed"


def test_the_published_page_needs_no_login(client):
    initiative = published(title="Open to all")

    response = client.get(detail(initiative))

    assert response.status_code == 200
    assert "Open to all" in response.content.decode()
