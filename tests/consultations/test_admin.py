"""The consultants' admin through its real URLs: the list, the case page,
a request entered by staff, documents, the directory profile update."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations.factories import CaseFactory, assign, document
from consultations.models import Case
from directory.factories import OrganizationFactory
from directory.models import Organization
from tests.admin_exports import export
from tests.consultations.admin_helpers import (
    add_child,
    edit_case,
    error_text,
    form_values,
    set_fields,
)
from tests.consultations.conftest import admin_url
from tests.test_admin_catalogue import english_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(home_pages):
    organization = OrganizationFactory(
        name="დედოფლისწყაროს განათლების ფონდი",
        phone="+995 356 22 11 00",
        municipalities=["dedoplistskaro"],
    )
    organization.save_revision().publish()
    return Organization.objects.get(pk=organization.pk)


def listing(client, **params):
    response = client.get(admin_url("index"), params)
    assert response.status_code == 200
    return [str(case) for case in response.context["object_list"]]


def test_the_admin_speaks_georgian(consultant_client, organization):
    case = CaseFactory(organization=organization)
    for url in (
        admin_url("index"),
        admin_url("edit", case.pk),
        admin_url("add"),
        admin_url("changes", case.pk),
        admin_url("profile", case.pk),
    ):
        assert english_words(consultant_client.get(url)) == [], url


def test_the_list_marks_and_filters_overdue_cases(
    consultant_client, consultant, organization
):
    today = timezone.localdate()
    late = assign(
        CaseFactory(
            organization=organization, due_date=today - datetime.timedelta(days=1)
        )
    )
    on_time = CaseFactory(
        organization=organization, due_date=today + datetime.timedelta(days=3)
    )
    closed_late = CaseFactory(
        organization=organization,
        status=Case.Status.CLOSED,
        outcome=Case.Outcome.RESOLVED,
        due_date=today - datetime.timedelta(days=9),
    )

    page = consultant_client.get(admin_url("index")).content.decode()
    assert page.count("case-overdue") == 1
    assert listing(consultant_client, overdue="true") == [str(late)]
    assert set(listing(consultant_client, overdue="false")) == {
        str(on_time),
        str(closed_late),
    }
    assert listing(consultant_client, mine="true") == [str(late)]
    assert set(listing(consultant_client, status="new")) == {str(on_time)}
    assert listing(consultant_client, status="closed") == [str(closed_late)]
    assert listing(consultant_client, assignee=consultant.pk) == [str(late)]


def test_the_list_searches_group_names_and_questions(consultant_client, home_pages):
    group = CaseFactory(organization=None, group_name="ბოდბის ქალთა ჯგუფი")
    CaseFactory(question="საგრანტო ანგარიშის ვადა")

    assert listing(consultant_client, q="ბოდბის") == [str(group)]
    assert len(listing(consultant_client, q="საგრანტო")) == 1


def test_the_export_says_how_cases_stand_not_what_they_are_about(
    consultant_client, organization
):
    case = CaseFactory(
        organization=organization,
        contact_email="private@example.org",
        question='=HYPERLINK("http://evil")',
    )

    response = export(consultant_client, admin_url("index"), {"export": "csv"})

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["ნომერი", "ორგანიზაცია ან ჯგუფი", "მუნიციპალიტეტი"]
    assert rows[1][0] == str(case.pk)
    assert rows[1][1] == organization.name
    assert "private@example.org" not in text
    assert "HYPERLINK" not in text


def test_a_request_entered_by_staff_needs_consent_and_starts_confirmed(
    consultant_client, consultant, organization
):
    page = consultant_client.get(admin_url("add"))
    data = set_fields(
        form_values(page),
        organization=str(organization.pk),
        municipality=str(organization.municipalities.first().pk),
        contact_name="ლევან ციკლაური",
        contact_email="",
        kind="informational",
        question="ტელეფონით: როგორ ჩავერთოთ ბიუჯეტის საჯარო განხილვაში?",
        channel="phone",
        urgency="urgent",
        preferred_mode="phone",
        language="ka",
    )
    data.pop("consent", None)

    refused = consultant_client.post(admin_url("add"), data)
    assert refused.status_code == 200
    assert "თანხმობა სთხოვეთ" in error_text(refused)
    assert Case.objects.count() == 0

    data["consent"] = ["on"]
    created = consultant_client.post(admin_url("add"), data)
    assert created.status_code == 302, error_text(created)
    case = Case.objects.get()
    assert created["Location"] == admin_url("edit", case.pk)
    assert case.status == Case.Status.NEW
    assert case.confirmed_at is not None and case.consent_recorded_by == consultant
    assert case.channel == "phone"
    assert (case.due_date - timezone.localdate()).days == 3
    assert mail.outbox == []  # nobody to confirm anything


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"status": "closed"}, "outcome", "საქმის დასახურად აირჩიეთ შედეგი."),
        ({"status": "in_progress", "assignee": ""}, "assignee", "აირჩიეთ ამ საქმეზე"),
        ({"outcome": "resolved"}, "outcome", "შედეგი საქმის დახურვისას იწერება"),
        ({"organization": "", "group_name": ""}, "group_name", "აირჩიეთ ორგანიზაცია"),
        ({"due_date": "31.31.2026"}, "due_date", ""),
    ],
)
def test_the_case_page_refuses_what_does_not_hold(
    consultant_client, organization, fields, field, message
):
    case = CaseFactory(organization=organization)

    response = edit_case(consultant_client, case, **fields)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in str(response.context["form"].errors[field])
    assert case.status == Case.Status.NEW and case.outcome == ""


def test_a_session_out_of_bounds_is_refused_and_nothing_is_saved(
    consultant_client, organization
):
    case = CaseFactory(organization=organization)

    response = edit_case(
        consultant_client,
        case,
        status="in_progress",
        assignee=str(assign(case).assignee.pk),
        children=[
            (
                "sessions",
                {"date": "2026-02-01", "duration_minutes": "900", "mode": "office"},
            )
        ],
    )

    assert response.status_code == 200
    assert case.sessions.count() == 0
    assert case.status == Case.Status.ASSIGNED


def test_documents_are_uploaded_privately_and_downloaded_through_the_admin(
    consultant_client, organization, settings
):
    case = assign(CaseFactory(organization=organization))
    page = consultant_client.get(admin_url("edit", case.pk))
    data = add_child(form_values(page), "documents", title="წესდების პროექტი")
    data["documents-0-file"] = SimpleUploadedFile(
        "წესდება 2026.pdf", b"%PDF-1.4\nstatute\n%%EOF\n", "application/pdf"
    )

    response = consultant_client.post(admin_url("edit", case.pk), data)

    assert response.status_code == 302, error_text(response)
    [item] = case.documents.all()
    assert item.original_name == "წესდება 2026.pdf"
    assert item.file.name.startswith("cases/") and "წესდება" not in item.file.name
    stored = settings.CONSULTATIONS_DOCUMENTS_ROOT / item.file.name
    assert stored.exists()
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        item.file.url  # noqa: B018 (no public URL at all)
    page = consultant_client.get(admin_url("edit", case.pk)).content.decode()
    assert admin_url("document", item.pk) in page
    download = consultant_client.get(admin_url("document", item.pk))
    assert b"".join(download) == b"%PDF-1.4\nstatute\n%%EOF\n"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "ვერ დაერთვება"),
        ("page.html", b"<script>alert(1)</script>", "ვერ დაერთვება"),
        ("empty.pdf", b"", ""),
    ],
)
def test_a_wrong_document_is_refused(
    consultant_client, organization, settings, name, content, message
):
    case = assign(CaseFactory(organization=organization))
    data = add_child(
        form_values(consultant_client.get(admin_url("edit", case.pk))), "documents"
    )
    data["documents-0-file"] = SimpleUploadedFile(name, content)

    response = consultant_client.post(admin_url("edit", case.pk), data)

    assert response.status_code == 200
    assert message in error_text(response)
    assert case.documents.count() == 0
    root = settings.CONSULTATIONS_DOCUMENTS_ROOT
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))


def test_a_removed_document_takes_its_file(
    consultant_client, organization, settings, django_capture_on_commit_callbacks
):
    case = assign(CaseFactory(organization=organization))
    item = document(case)
    stored = settings.CONSULTATIONS_DOCUMENTS_ROOT / item.file.name
    assert stored.exists()
    data = form_values(consultant_client.get(admin_url("edit", case.pk)))
    data["documents-0-DELETE"] = ["1"]

    with django_capture_on_commit_callbacks(execute=True):
        consultant_client.post(admin_url("edit", case.pk), data)

    assert case.documents.count() == 0
    assert not stored.exists()
    assert consultant_client.get(admin_url("document", item.pk)).status_code == 404


def test_the_history_shows_each_field_and_each_record_with_who_changed_it(
    consultant_client, consultant, organization
):
    case = CaseFactory(organization=organization)
    edit_case(
        consultant_client, case, assignee=str(consultant.pk), due_date="2026-03-01"
    )
    edit_case(
        consultant_client,
        case,
        children=[
            (
                "sessions",
                {"date": "2026-02-20", "duration_minutes": "45", "mode": "online"},
            )
        ],
    )
    data = form_values(consultant_client.get(admin_url("edit", case.pk)))
    data["sessions-0-DELETE"] = ["1"]
    consultant_client.post(admin_url("edit", case.pk), data)

    entries = consultant_client.get(admin_url("changes", case.pk)).context["entries"]
    changes = [
        (label, old, new)
        for entry in entries
        for _, label, old, new in entry["changes"]
    ]
    assert ("სტატუსი", "ახალი", "კონსულტანტს გადაეცა") in changes
    assert any(label == "ვადა" and new == "1 მარტი 2026" for label, _, new in changes)
    assert ("შეხვედრა: ხანგრძლივობა (წუთი)", "", "45") in changes
    assert [entry["kind"] for entry in entries].count("deleted") == 1
    assert {entry["user"] for entry in entries if entry["changes"]} >= {consultant}


def test_the_directory_profile_update_is_a_draft_for_the_editors(
    consultant_client, consultant, organization
):
    case = assign(CaseFactory(organization=organization))
    page = consultant_client.get(admin_url("profile", case.pk))
    assert organization.phone in page.content.decode()
    data = set_fields(form_values(page, "form[method=POST]"), phone="+995 599 00 11 22")
    data["data_confirmed"] = ["on"]

    response = consultant_client.post(admin_url("profile", case.pk), data)

    assert response.status_code == 302
    assert response["Location"] == admin_url("edit", case.pk)
    live = Organization.objects.get(pk=organization.pk)
    assert live.phone == "+995 356 22 11 00"  # never published silently
    assert live.has_unpublished_changes
    draft = live.get_latest_revision_as_object()
    assert draft.phone == "+995 599 00 11 22"
    assert draft.data_confirmed_on == timezone.localdate()
    assert live.latest_revision.user == consultant
    assert case.question not in draft.staff_notes  # the case stays confidential
    [note] = case.notes.all()
    assert "+995" not in note.text and note.written_by == consultant


def test_a_profile_update_that_changes_nothing_is_refused(
    consultant_client, organization
):
    case = assign(CaseFactory(organization=organization))
    page = consultant_client.get(admin_url("profile", case.pk))

    response = consultant_client.post(
        admin_url("profile", case.pk), form_values(page, "form[method=POST]")
    )

    assert response.status_code == 200
    assert "არაფერი შეცვლილა" in response.content.decode()
    assert not Organization.objects.get(pk=organization.pk).has_unpublished_changes


def test_a_bad_identification_code_is_refused_in_the_profile_update(
    consultant_client, organization
):
    case = assign(CaseFactory(organization=organization))
    page = consultant_client.get(admin_url("profile", case.pk))
    data = set_fields(
        form_values(page, "form[method=POST]"), identification_code="12345"
    )

    response = consultant_client.post(admin_url("profile", case.pk), data)

    assert response.status_code == 200
    assert "identification_code" in response.context["form"].errors
    assert not Organization.objects.get(pk=organization.pk).has_unpublished_changes


def test_a_group_s_case_has_no_profile_to_update(consultant_client, home_pages):
    case = CaseFactory(organization=None, group_name="ჭერემის სათემო ჯგუფი")

    assert consultant_client.get(admin_url("profile", case.pk)).status_code == 404
    page = consultant_client.get(admin_url("edit", case.pk)).content.decode()
    assert admin_url("profile", case.pk) not in page
