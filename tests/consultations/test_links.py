"""The private links: confirmation, tracking and feedback, each for its own
purpose and its own case only."""

import datetime
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from consultations import casework, tokens
from consultations.factories import CaseFactory, assign, closed, session
from consultations.models import Case
from hub.tokens import sign

pytestmark = pytest.mark.django_db


def confirm_url(case, language="ka"):
    with translation.override(language):
        return reverse(
            "consultations:confirm", kwargs={"token": tokens.confirmation_token(case)}
        )


def feedback_url(case, language="ka"):
    with translation.override(language):
        return reverse(
            "consultations:feedback", kwargs={"token": tokens.feedback_token(case)}
        )


def track_url(case):
    return f"/consultations/track/{case.tracking_token}/"


@pytest.fixture
def unconfirmed(home_pages):
    return CaseFactory(status=Case.Status.UNCONFIRMED, urgency=Case.Urgency.LOW)


def test_opening_the_confirmation_link_confirms_nothing(client, unconfirmed):
    response = client.get(confirm_url(unconfirmed))

    assert response.status_code == 200
    assert "დადასტურება და კონსულტანტებისთვის გაგზავნა" in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Case.Status.UNCONFIRMED


def test_confirming_makes_a_new_case_due_by_its_urgency(
    client, unconfirmed, consultant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url(unconfirmed, "en"))

    assert "your request is confirmed" in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Case.Status.NEW
    assert (unconfirmed.due_date - unconfirmed.confirmed_at.date()).days == 30
    [message] = mail.outbox
    assert message.to == [consultant.email]
    assert unconfirmed.question not in message.body
    assert unconfirmed.contact_email not in message.body


def test_a_replayed_confirmation_changes_nothing(
    client, unconfirmed, consultant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url(unconfirmed))
    unconfirmed.refresh_from_db()
    first = unconfirmed.confirmed_at
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(confirm_url(unconfirmed, "en"))

    assert "Already confirmed" in again.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.confirmed_at == first
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["x", "1:abc:def", "A" * 60])
def test_a_made_up_confirmation_link_is_refused(client, unconfirmed, token):
    response = client.post(f"/consultations/confirm/{token}/")

    assert response.status_code == 400
    assert "ეს ბმული არ მუშაობს" in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Case.Status.UNCONFIRMED


def test_a_confirmation_link_for_another_key_is_refused(client, unconfirmed):
    token = sign(
        tokens.CONFIRMATION_SALT,
        f"{unconfirmed.pk}:00000000-0000-0000-0000-000000000000",
    )

    response = client.post(f"/en/consultations/confirm/{token}/")

    assert response.status_code == 404
    assert "We found no request for this link" in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Case.Status.UNCONFIRMED


def test_an_expired_confirmation_link_is_refused(client, unconfirmed, monkeypatch):
    eight_days_ago = time.time() - 8 * 24 * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: eight_days_ago)
        url = confirm_url(unconfirmed, "en")

    response = client.post(url)

    assert response.status_code == 400
    assert "requests must be confirmed within 7 days" in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Case.Status.UNCONFIRMED


def test_a_feedback_link_does_not_confirm_and_a_confirmation_does_not_answer(
    client, unconfirmed
):
    done = closed(CaseFactory())
    feedback_token = tokens.feedback_token(done)
    confirmation_token = tokens.confirmation_token(unconfirmed)

    assert client.post(f"/consultations/confirm/{feedback_token}/").status_code == 400
    response = client.post(
        f"/consultations/feedback/{confirmation_token}/", {"satisfaction": "5"}
    )
    assert response.status_code == 400
    done.refresh_from_db()
    assert done.satisfaction is None


def test_the_tracking_page_shows_its_own_case_only(client, home_pages):
    mine = assign(CaseFactory(question="ჩემი შეკითხვა რეგისტრაციაზე"))
    other = CaseFactory(question="სხვისი შეკითხვა გრანტზე")
    session(mine, days_ago=3, minutes=45)

    page = client.get(track_url(mine)).content.decode()

    assert "ჩემი შეკითხვა რეგისტრაციაზე" in page
    assert "სხვისი შეკითხვა" not in page
    assert other.tracking_token not in page
    assert "45 წუთი" in page
    assert 'content="noindex, nofollow"' in page
    # Never the contact details: a forwarded link must not give them away.
    assert mine.contact_email not in page
    assert mine.contact_phone not in page
    assert mine.contact_name not in page


@pytest.mark.parametrize("token", ["x", "A" * 32, "../../admin"])
def test_a_wrong_tracking_token_is_404(client, home_pages, token):
    CaseFactory()

    assert client.get(f"/en/consultations/track/{token}/").status_code == 404


def test_a_feedback_link_answers_its_case_once(client, home_pages):
    case = closed(CaseFactory())
    url = feedback_url(case)

    assert 'name="satisfaction"' in client.get(url).content.decode()
    empty = client.post(url, {"comment": "უპასუხოდ"})
    assert "გთხოვთ, აირჩიოთ ერთი პასუხი" in empty.content.decode()
    assert client.post(url, {"satisfaction": "9"}).context["form"].errors
    client.post(url, {"satisfaction": "3", "comment": "საშუალოდ"})
    client.post(url, {"satisfaction": "5", "comment": "გადავიფიქრე"})

    case.refresh_from_db()
    assert (case.satisfaction, case.feedback_comment) == (3, "საშუალოდ")
    assert case.feedback_received_at is not None


def test_an_old_feedback_link_of_an_earlier_closing_does_not_work(client, home_pages):
    case = closed(CaseFactory())
    case.feedback_requested_at -= datetime.timedelta(days=5)
    case.save()
    old = feedback_url(case)
    case.status, case.outcome = Case.Status.IN_PROGRESS, ""
    case.save()
    case.feedback_requested_at = None
    closed(case)  # closed again: a new question, a new link

    assert client.post(old, {"satisfaction": "1"}).status_code == 404
    assert client.post(feedback_url(case), {"satisfaction": "4"}).status_code == 200
    case.refresh_from_db()
    assert case.satisfaction == 4


def test_an_expired_feedback_link_is_refused(client, home_pages, monkeypatch):
    case = closed(CaseFactory())
    long_ago = time.time() - 91 * 24 * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: long_ago)
        url = feedback_url(case, "en")

    response = client.post(url, {"satisfaction": "5"})

    assert response.status_code == 400
    assert "The link has expired" in response.content.decode()


def test_no_feedback_question_without_an_address(home_pages):
    case = CaseFactory(contact_email="")

    closed(case)

    assert case.feedback_requested_at is None
    assert casework.request_feedback(case) is False


@pytest.mark.parametrize("url", ["/consultations/track/{t}/"])
def test_the_tracking_page_takes_no_post(client, home_pages, url):
    case = CaseFactory()

    assert client.post(url.format(t=case.tracking_token)).status_code == 405
