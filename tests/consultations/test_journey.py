"""A request's whole way through the real URLs: the public form, the e-mailed
confirmation link, the consultants' admin, the closing and the feedback."""

import re

import pytest
from django.core import mail

from consultations.models import Case
from directory.factories import OrganizationFactory
from tests.consultations.admin_helpers import edit_case
from tests.consultations.conftest import REQUEST_URL, admin_url, request_data

pytestmark = pytest.mark.django_db

QUESTION = "როგორ შევადგინოთ გრანტის ფინალური ანგარიში დონორისთვის?"


def link(message, path):
    """The path of the first link to `path` in an e-mail."""
    url = re.search(rf"https?://\S+{path}\S*/", message.body).group()
    return re.sub(r"^https?://[^/]+", "", url)


def test_request_assign_sessions_close_feedback(
    client,
    consultant,
    second_consultant,
    home_pages,
    django_capture_on_commit_callbacks,
):
    organization = OrganizationFactory(
        name="ახმეტის ქალთა ასოციაცია", municipalities=["akhmeta"]
    )

    # 1. The organization asks, on the Georgian form.
    response = client.post(
        REQUEST_URL,
        request_data(
            organization,
            kind="organizational",
            question=QUESTION,
            urgency="urgent",
            contact_email="eka@example.org",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == "/consultations/request/sent/"
    assert "ელფოსტა" in client.get(response["Location"]).content.decode()
    case = Case.objects.get()
    assert case.status == Case.Status.UNCONFIRMED
    assert case.organization == organization
    assert case.municipality.slug == "akhmeta"
    [confirmation] = mail.outbox
    assert confirmation.to == ["eka@example.org"]
    tracking = link(confirmation, "/consultations/track/")
    assert "დადასტურების ბმული" in client.get(tracking).content.decode()

    # 2. The confirmation link: a page with one button, then confirmed.
    confirm = link(confirmation, "/consultations/confirm/")
    assert "დადასტურება" in client.get(confirm).content.decode()
    case.refresh_from_db()
    assert case.status == Case.Status.UNCONFIRMED  # opening the link is not enough
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(confirm)
    assert "დადასტურებულია" in confirmed.content.decode()
    case.refresh_from_db()
    assert case.status == Case.Status.NEW
    assert (case.due_date - case.confirmed_at.date()).days == 3  # urgent
    to_consultants = [m for m in mail.outbox if m.to != ["eka@example.org"]]
    assert sorted(m.to[0] for m in to_consultants) == [
        "consultant2@example.org",
        "consultant@example.org",
    ]
    assert QUESTION not in to_consultants[0].body
    assert admin_url("edit", case.pk) in to_consultants[0].body

    # 3. A consultant opens the list and assigns the case to a colleague.
    client.force_login(consultant)
    listing = client.get(admin_url("index")).content.decode()
    assert str(case) in listing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        saved = edit_case(client, case, assignee=str(second_consultant.pk))
    assert saved.status_code == 302, saved.content.decode()[:500]
    assert case.status == Case.Status.ASSIGNED  # a new case with a consultant
    assert case.assignee == second_consultant
    [assigned] = mail.outbox
    assert assigned.to == ["consultant2@example.org"]
    assert f"№ {case.pk}" in assigned.subject or str(case.pk) in assigned.subject

    # 4. Two sessions and a private note, then waiting for the organization.
    client.force_login(second_consultant)
    edit_case(
        client,
        case,
        status="in_progress",
        children=[
            (
                "sessions",
                {
                    "date": "2026-01-12",
                    "duration_minutes": "90",
                    "mode": "office",
                    "summary": "ანგარიშის სტრუქტურა",
                },
            ),
            ("notes", {"text": "ბიუჯეტის ცხრილი აკლია."}),
        ],
    )
    edit_case(
        client,
        case,
        status="waiting",
        children=[
            (
                "sessions",
                {
                    "date": "2026-01-19",
                    "duration_minutes": "30",
                    "mode": "phone",
                    "summary": "",
                },
            )
        ],
    )
    assert case.status == Case.Status.WAITING
    assert [(s.duration_minutes, s.mode) for s in case.sessions.all()] == [
        (90, "office"),
        (30, "phone"),
    ]
    assert {s.consultant for s in case.sessions.all()} == {second_consultant}
    [note] = case.notes.all()
    assert note.written_by == second_consultant
    page = client.get(tracking).content.decode()
    assert "12 იანვარი 2026" in page and "19 იანვარი 2026" in page
    assert "ბიუჯეტის ცხრილი აკლია" not in page  # private notes stay private
    assert "ანგარიშის სტრუქტურა" not in page

    # 5. Closing without an outcome is refused; with one, feedback is asked.
    mail.outbox.clear()
    refused = edit_case(client, case, status="closed")
    assert refused.status_code == 200
    assert "outcome" in refused.context["form"].errors
    assert case.status == Case.Status.WAITING
    with django_capture_on_commit_callbacks(execute=True):
        edit_case(client, case, status="closed", outcome="resolved")
    assert case.status == Case.Status.CLOSED and case.closed_at is not None
    [question] = mail.outbox
    assert question.to == ["eka@example.org"]
    feedback = link(question, "/consultations/feedback/")
    tracking_page = client.get(tracking).content.decode()
    assert 'href="/consultations/feedback/' in tracking_page  # its own link

    # 6. The organization answers, once.
    client.logout()
    form = client.get(feedback).content.decode()
    assert 'name="satisfaction"' in form
    thanks = client.post(
        feedback, {"satisfaction": "4", "comment": "ძალიან დაგვეხმარა."}
    )
    assert "მადლობა" in thanks.content.decode()
    case.refresh_from_db()
    assert case.satisfaction == 4
    assert case.feedback_comment == "ძალიან დაგვეხმარა."
    again = client.post(feedback, {"satisfaction": "1"})
    assert "უკვე" in again.content.decode()
    case.refresh_from_db()
    assert case.satisfaction == 4

    # 7. The consultant sees the answer on the case page, and the history.
    client.force_login(second_consultant)
    case_page = client.get(admin_url("edit", case.pk)).content.decode()
    assert "ძალიან დაგვეხმარა." in case_page
    history = client.get(admin_url("changes", case.pk)).content.decode()
    assert "consultant2" in history
    assert "ბიუჯეტის ცხრილი აკლია." in history
