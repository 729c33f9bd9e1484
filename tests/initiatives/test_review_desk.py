"""The review desk (issue 10): dashboard panels and the one review screen.

Moderators get a queue with days waiting and overdue marks; council members
an inbox with the votes so far; both open one screen with everything about
the initiative and the step's actions as visible buttons. Staff who record
advocacy see the municipalities that have not answered.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from initiatives import factories, journey, uploads
from initiatives.models import CouncilVoteTask, Initiative
from taxonomy.factories import municipality
from tests.initiatives.admin_helpers import assert_denied, url
from tests.initiatives.public_helpers import pdf

pytestmark = pytest.mark.django_db

TITLE = "ქუჩის განათება სოფელ ალვანში"
HOME = "wagtailadmin_home"


def ka(text, *args):
    with translation.override("ka"):
        return (
            translation.gettext(text) % args[0] if args else translation.gettext(text)
        )


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def georgian(**kwargs):
    return {
        "title": TITLE,
        "summary": "სკოლამდე მისასვლელ გზაზე მზის სანათების დამონტაჟება.",
        "problem": "ზამთარში გზა ბნელია.",
        "solution": "თორმეტი მზის სანათი.",
        "request_to_municipality": "სანათები მომავალი წლის ბიუჯეტში.",
        "language": "ka",
        "author_name": "ნინო ბერიძე",
        "municipality": municipality("akhmeta"),
        **kwargs,
    }


def row_of(html, title):
    return html.split(title, 1)[1].split("</tr>", 1)[0]


# --- Dashboard panels -------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "mark"), [(3, None), (11, "near overdue"), (14, "overdue")]
)
def test_the_moderators_queue_marks_what_waits_too_long(client, moderator, days, mark):
    with journey.as_of(days_ago(days)):
        initiative = factories.in_moderation(**georgian())
    client.force_login(moderator)

    html = client.get(reverse(HOME)).text

    assert ka("Initiatives awaiting moderation") in html
    row = row_of(html, TITLE)
    assert municipality("akhmeta").name in row
    assert f">{days}<" in re.sub(r"\s+", "", row)
    assert url("review", initiative.pk) in html.split(TITLE, 1)[0][-300:]
    marks = re.findall(r'class="w-status[^"]*"[^>]*>\s*([^<]+?)\s*<', row)
    if mark:
        assert ka(mark) in marks
    else:
        assert ka("overdue") not in marks and ka("near overdue") not in marks


def test_the_deadlines_are_settings(client, moderator, settings):
    settings.INITIATIVE_REVIEW_NEAR_OVERDUE_DAYS = 2
    settings.INITIATIVE_REVIEW_OVERDUE_DAYS = 3
    with journey.as_of(days_ago(3)):
        factories.in_moderation(**georgian())
    client.force_login(moderator)

    row = row_of(client.get(reverse(HOME)).text, TITLE)

    assert ka("overdue") in row


def test_the_queue_says_who_has_no_e_mail(client, moderator):
    factories.in_moderation(
        **georgian(author_email="", author_phone="+995 555 11 22 33")
    )
    client.force_login(moderator)

    row = row_of(client.get(reverse(HOME)).text, TITLE)

    assert ka("no e-mail") in row


def test_the_council_inbox_shows_the_votes_so_far(client, moderator, council_members):
    first, second, _ = council_members
    with journey.as_of(days_ago(12)):
        initiative = factories.in_council(**georgian())
    factories.vote(initiative, first, CouncilVoteTask.VOTE_FOR)
    client.force_login(second)

    html = client.get(reverse(HOME)).text

    assert ka("Initiatives awaiting your vote") in html
    row = row_of(html, TITLE)
    assert ka("%(votes)s of %(members)s members", {"votes": 1, "members": 3}) in row
    assert ka("near overdue") in row
    assert url("review", initiative.pk) in html
    # Not listed twice: Wagtail's own "Awaiting your review" leaves it out.
    assert html.count(f">{TITLE}<") == 1
    assert 'id="awaiting-review"' not in html

    client.force_login(first)  # has voted: nothing waits for them
    html = client.get(reverse(HOME)).text
    assert TITLE not in html
    assert ka("No initiative awaits your vote.") in html


def test_advocacy_staff_see_municipalities_that_have_not_answered(
    client, comms_user, council_members, settings
):
    silent = factories.accepted(council_members, days_ago=60, title="Silent one")
    factories.add_step(silent, "sent", days_ago=45)
    recent = factories.accepted(council_members, days_ago=60, title="Sent recently")
    factories.add_step(recent, "sent", days_ago=10)
    answered = factories.accepted(council_members, days_ago=60, title="Answered one")
    factories.add_step(answered, "sent", days_ago=50)
    factories.add_step(answered, "answer", days_ago=5, text="Yes.")
    client.force_login(comms_user)

    html = client.get(reverse(HOME)).text

    assert ka("Municipalities that have not answered") in html
    assert "Silent one" in html
    assert ">45<" in re.sub(r"\s+", "", row_of(html, "Silent one"))
    assert "Sent recently" not in html and "Answered one" not in html
    record = reverse("wagtailsnippets_initiatives_advocacystep:add")
    assert f"{record}?initiative={silent.pk}" in html
    form = client.get(f"{record}?initiative={silent.pk}").text
    assert re.search(rf'<option value="{silent.pk}" selected>', form)

    settings.INITIATIVE_ANSWER_OVERDUE_DAYS = 7
    assert "Sent recently" in client.get(reverse(HOME)).text


# --- The review screen ------------------------------------------------------


@pytest.fixture
def amended(moderator, council_members):
    """Returned once (with a reason), amended by its author, back in moderation."""
    initiative = factories.in_moderation(
        **georgian(
            author_email="nino@example.org",
            author_phone="+995 555 12 34 56",
            attachments=[uploads.validate_attachment(pdf("plan.pdf"))],
        )
    )
    factories.return_to_author(
        initiative, moderator, reason="incomplete", message="რომელი ქუჩა?"
    )
    journey.resubmit(initiative, {"summary": "რუსთაველის ქუჩაზე, სკოლამდე."})
    return initiative


def test_the_review_screen_shows_the_whole_initiative(client, moderator, amended):
    client.force_login(moderator)

    html = client.get(url("review", amended.pk)).text

    for text in (
        TITLE,
        "რუსთაველის ქუჩაზე, სკოლამდე.",  # the amended text under review
        amended.problem,
        amended.solution,
        amended.request_to_municipality,
        municipality("akhmeta").name,
        "nino@example.org",  # moderators see how to reach the author
        "+995 555 12 34 56",
        "plan.pdf",
        url("attachment", amended.pk, amended.attachments.get().pk),
        "რომელი ქუჩა?",  # the moderator's note (the reason for returning it)
        ka("Amendment history"),
        ka("the author, through the tracking link"),
        "სკოლამდე მისასვლელ გზაზე მზის სანათების დამონტაჟება.",  # before
        url("review_preview", amended.pk),
        CouncilVoteTask.objects.get().rule_text(),
    ):
        assert str(text) in html, text


def test_moderators_approve_from_the_screen_with_a_note(
    client, moderator, council_members, amended
):
    client.force_login(moderator)

    response = client.post(
        url("review", amended.pk),
        {"action": "approve", "approve-comment": "ქუჩა დაზუსტებულია."},
        follow=True,
    )

    amended.refresh_from_db()
    assert amended.stage == Initiative.Stage.COUNCIL
    assert ka("Approved: the initiative is now with the advisory council.") in (
        response.text
    )
    # The council reads the note on its screen.
    client.force_login(council_members[0])
    assert "ქუჩა დაზუსტებულია." in client.get(url("review", amended.pk)).text


def test_request_changes_beside_the_text_needs_a_reason(client, moderator, amended):
    client.force_login(moderator)
    html = client.get(url("review", amended.pk)).text
    form = html.split('value="reject"', 1)[0].rsplit("<form", 1)[1]
    assert 'name="reject-reason"' in form and 'name="reject-comment"' in form

    response = client.post(
        url("review", amended.pk),
        {"action": "reject", "reject-comment": "დაამატეთ ფოტო."},
    )
    assert response.status_code == 200
    assert ka("Choose the reason for returning it.") in response.text
    amended.refresh_from_db()
    assert amended.stage == Initiative.Stage.MODERATION

    mail.outbox.clear()
    response = client.post(
        url("review", amended.pk),
        {"action": "reject", "reject-reason": "incomplete", "reject-comment": "ფოტო."},
        follow=True,
    )
    amended.refresh_from_db()
    assert amended.stage == Initiative.Stage.NEEDS_CHANGES
    assert ka("Returned to the author with your reason.") in response.text
    assert [m.to for m in mail.outbox] == [["nino@example.org"]]


def test_council_members_vote_with_visible_buttons_and_see_the_result(
    client, moderator, council_members
):
    initiative = factories.in_council(**georgian())
    first, second, third = council_members

    client.force_login(first)
    html = client.get(url("review", initiative.pk)).text
    buttons = re.findall(r'<button type="submit" name="action" value="(\w+)"', html)
    assert buttons == ["vote_for", "vote_against", "recuse"]
    assert "dots-horizontal" not in html.split('name="vote-comment"', 1)[1]
    response = client.post(
        url("review", initiative.pk),
        {"action": "vote_for", "vote-comment": "კარგი მოთხოვნაა."},
        follow=True,
    )
    assert ka("Your vote is recorded.") in response.text
    with translation.override("ka"):
        still_open = translation.ngettext(
            "The outcome is still open: %(count)d member has not voted yet.",
            "The outcome is still open: %(count)d members have not voted yet.",
            2,
        ) % {"count": 2}
    assert still_open in response.text

    # The second member does not see the first vote before voting...
    client.force_login(second)
    html = client.get(url("review", initiative.pk)).text
    assert "კარგი მოთხოვნაა." not in html
    assert (
        ka(
            "You will see how the others voted once you have voted: each member "
            "forms a judgement of their own first."
        )
        in html
    )
    response = client.post(
        url("review", initiative.pk), {"action": "vote_for"}, follow=True
    )
    # ...and sees the result at once, with every vote.
    assert ka("The council accepted the initiative: it is published.") in (
        response.text
    )
    assert "კარგი მოთხოვნაა." in response.text
    initiative.refresh_from_db()
    assert initiative.live


def test_council_members_do_not_see_the_authors_contact(
    client, moderator, council_members
):
    initiative = factories.in_council(
        **georgian(author_email="secret@example.org", author_phone="+995 599 00 11 22")
    )
    client.force_login(council_members[0])

    html = client.get(url("review", initiative.pk)).text

    assert "secret@example.org" not in html and "599 00 11 22" not in html
    assert ka("Only the moderators see the author's contact details.") in html


def test_nobody_acts_out_of_turn_from_the_screen(client, moderator, council_members):
    initiative = factories.in_moderation(**georgian())
    client.force_login(council_members[0])

    response = client.post(
        url("review", initiative.pk), {"action": "approve"}, follow=True
    )

    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.MODERATION
    assert (
        ka("This action is no longer open to you: the initiative has moved on.")
        in response.text
    )


@pytest.mark.parametrize("view", ["review", "review_preview"])
def test_only_reviewers_open_the_screen(client, comms_user, moderator, view):
    initiative = factories.in_moderation(**georgian())

    response = client.get(url(view, initiative.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    client.force_login(comms_user)
    assert_denied(client.get(url(view, initiative.pk)))


def test_the_preview_is_the_public_page(client, moderator, amended):
    client.force_login(moderator)

    html = client.get(url("review_preview", amended.pk)).text

    assert 'class="initiative"' in html  # the public template's article
    assert "css/initiatives.css" in html  # styled as the public site
    assert "რუსთაველის ქუჩაზე, სკოლამდე." in html  # the text under review
    assert "ნინო ბერიძე" in html  # shown as the author chose (full name)
    assert "nino@example.org" not in html and "12 34 56" not in html
