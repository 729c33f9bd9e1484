"""Who may see cases, both ways: consultants and administrators see them;
every other staff role and anonymous visitors see none of them (not the list,
a case, its history, its documents, its export), only the dashboard's counts."""

import pytest
from django.urls import reverse

from consultations.factories import CaseFactory, assign, document, note, session
from consultations.models import Case
from directory.factories import OrganizationFactory
from initiatives.factories import in_moderation
from tests.admin_exports import exported_file
from tests.consultations.admin_helpers import edit_case
from tests.consultations.conftest import admin_url
from tests.initiatives.admin_helpers import assert_denied

pytestmark = pytest.mark.django_db

QUESTION = "საიდუმლო შეკითხვა გამგეობის დავაზე"
NOTE = "კონფიდენციალური შენიშვნა კონსულტანტისგან"
ORGANIZATION = "თელავის სათემო კავშირი იმედი"
DOCUMENT = b"%PDF-1.4\nCONFIDENTIAL-CASE-DOCUMENT\n%%EOF\n"

ROLES = [
    "anonymous",
    "comms",
    "moderator",
    "council",
    "coordinator",
    "consultant",
    "admin",
]
MAY_SEE_CASES = {"consultant", "admin"}


@pytest.fixture
def users(admin_user, comms_user, moderator, council_members, coordinator, consultant):
    return {
        "anonymous": None,
        "comms": comms_user,
        "moderator": moderator,
        "council": council_members[0],
        "coordinator": coordinator,
        "consultant": consultant,
        "admin": admin_user,
    }


@pytest.fixture
def case(users, home_pages):
    organization = OrganizationFactory(name=ORGANIZATION, municipalities=["telavi"])
    case = assign(
        CaseFactory(organization=organization, question=QUESTION), users["consultant"]
    )
    session(case, days_ago=2)
    note(case, NOTE)
    case.file = document(case, name="წესდება.pdf", content=DOCUMENT)
    return case


def visit(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    return client


def urls(case):
    return {
        "list": admin_url("index"),
        "list results": admin_url("index_results"),
        "search": admin_url("index") + "?q=საიდუმლო",
        "export": admin_url("index") + "?export=csv",
        "case page": admin_url("edit", case.pk),
        "new case": admin_url("add"),
        "field changes": admin_url("changes", case.pk),
        "history": admin_url("history", case.pk),
        "usage": admin_url("usage", case.pk),
        "directory profile": admin_url("profile", case.pk),
        "document": admin_url("document", case.file.pk),
    }


def test_the_url_list_covers_every_view_of_the_viewset(case):
    from consultations.wagtail_hooks import case_viewset

    names = {pattern.name for pattern in case_viewset.get_urlpatterns()}
    covered = {
        "index",
        "index_results",
        "edit",
        "add",
        "changes",
        "history",
        "usage",
        "profile",
        "document",
        "delete",
        "history_results",
    }
    assert names == covered


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "view",
    [
        "list",
        "list results",
        "search",
        "export",
        "case page",
        "new case",
        "field changes",
        "history",
        "usage",
        "directory profile",
        "document",
    ],
)
def test_admin_views_by_role(client, users, case, role, view):
    response = visit(client, users, role).get(urls(case)[view])

    if role in MAY_SEE_CASES:
        if view == "export":
            response = exported_file(client, response)
        assert response.status_code == 200, response.status_code
        content = b"".join(response) if response.streaming else response.content
        expected = {
            "list": ORGANIZATION.encode(),
            "list results": ORGANIZATION.encode(),
            "search": ORGANIZATION.encode(),
            "export": ORGANIZATION.encode(),
            "case page": QUESTION.encode(),
            "new case": b'name="contact_name"',
            "field changes": NOTE.encode(),
            "history": b"",
            "usage": b"",
            "directory profile": ORGANIZATION.encode(),
            "document": DOCUMENT,
        }[view]
        assert expected in content
    else:
        assert_denied(response)
        if role == "anonymous":
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
        content = response.content if not response.streaming else b""
        for secret in (QUESTION, NOTE, ORGANIZATION):
            assert secret.encode() not in content


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_delete_a_case(client, users, case, role):
    response = visit(client, users, role).post(admin_url("delete", case.pk))

    if role == "admin":
        assert response.status_code == 302
        assert not Case.objects.filter(pk=case.pk).exists()
    else:
        assert_denied(response)
        assert Case.objects.filter(pk=case.pk).exists()


@pytest.mark.parametrize("role", sorted(set(ROLES) - MAY_SEE_CASES))
def test_other_roles_cannot_change_a_case(client, users, case, role):
    response = visit(client, users, role).post(
        admin_url("edit", case.pk), {"status": "closed", "outcome": "resolved"}
    )

    assert_denied(response)
    case.refresh_from_db()
    assert case.status == Case.Status.ASSIGNED


@pytest.mark.parametrize("role", sorted(set(ROLES) - {"anonymous"}))
def test_every_staff_role_sees_the_counts_and_only_consultants_the_cases(
    client, users, case, role
):
    dashboard = visit(client, users, role).get("/admin/").content.decode()

    assert 'id="consultation-counts"' in dashboard or "consultation-counts" in dashboard
    assert "კონსულტანტს გადაეცა" in dashboard  # the count of "assigned"
    for secret in (QUESTION, NOTE, ORGANIZATION):
        assert secret not in dashboard
    may = role in MAY_SEE_CASES
    assert ('href="/admin/consultations/"' in dashboard) == may  # the list link
    assert ('"url": "/admin/consultations/"' in dashboard) == may  # the menu


@pytest.mark.parametrize("role", sorted(set(ROLES) - {"anonymous"}))
def test_the_site_history_report_shows_cases_to_consultants_only(
    client, users, case, role
):
    client.force_login(users["consultant"])
    edit_case(client, case, status="in_progress")
    client.logout()

    report = visit(client, users, role).get("/admin/reports/site-history/")

    assert report.status_code == 200
    assert (ORGANIZATION in report.content.decode()) == (role in MAY_SEE_CASES)


def test_an_organization_s_usage_never_lists_its_cases(
    client, users, reference_index, case, django_capture_on_commit_callbacks
):
    """Directory editors see what uses an organization: initiatives, never cases."""
    with django_capture_on_commit_callbacks(execute=True):
        in_moderation(supporting_organization=case.organization)
        case.question = "ხელახლა შენახული საქმე"
        case.save()
    client.force_login(users["comms"])

    usage = client.get(
        reverse(
            "wagtailsnippets_directory_organization:usage", args=[case.organization.pk]
        )
    ).content.decode()

    # Positive control: the view lists what refers to the organization.
    assert "მხარდამჭერი ორგანიზაცია" in usage  # the initiative's field
    assert "1 ელემენტი" in usage
    assert str(case) not in usage
    assert "კონსულტაცი" not in usage
