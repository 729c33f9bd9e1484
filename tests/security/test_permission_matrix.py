"""Every role gets exactly what its work needs, pages included (issue 12, Major 1).

One matrix, checked both ways for every role, through the admin's real URLs:
what a role may do answers 200, everything else is refused (403, or a
redirect to the dashboard or the login page). Administrators are the
positive control: every URL of the matrix works for them.
"""

import pytest
from django.urls import reverse

from consultations import factories as consultation_factories
from directory.factories import OrganizationFactory
from home.factories import StandardPageFactory
from hub.factories import UserFactory
from hub.roles import (
    ADVISORY_COUNCIL,
    COMMUNICATIONS_STAFF,
    CONSULTANTS,
    MODERATORS,
    TIME_BANK_COORDINATORS,
)
from initiatives import factories as initiative_factories
from initiatives import uploads
from initiatives.models import AdvocacyStep
from taxonomy.factories import municipality, topic
from tests.home.admin_forms import body, page_form
from tests.initiatives.admin_helpers import assert_denied
from tests.initiatives.public_helpers import pdf
from timebank import factories as timebank_factories

pytestmark = pytest.mark.django_db

SNIPPETS = {
    "topic": "taxonomy/topic",
    "municipality": "taxonomy/municipality",
    "organization": "directory/organization",
    "initiative": "initiatives/initiative",
    "advocacystep": "initiatives/advocacystep",
}
SNIPPET_ACTIONS = ("list", "add", "edit", "delete")


def snippet_labels(model, actions=SNIPPET_ACTIONS):
    return {f"{model} {action}" for action in actions}


PAGES = {"page add", "page edit", "page publish", "page unpublish", "page delete"}

#: What each role may open; everything else in `matrix_urls` is refused.
ALLOWED = {
    "comms": PAGES
    | snippet_labels("topic", ("list", "add", "edit"))
    | snippet_labels("organization")
    | {"organization export"}
    | snippet_labels("initiative", ("list", "add"))
    | {"initiative export"}
    | snippet_labels("advocacystep")
    | {"localize organizations", "translations report"},
    "moderator": snippet_labels("organization")
    | {"organization export"}
    | snippet_labels("initiative")
    | {"initiative export"}
    | snippet_labels("advocacystep", ("list",))
    | {"localize organizations", "localize initiatives", "translations report"}
    | {"initiative attachment"},
    "council": snippet_labels("initiative", ("list",))
    | {"initiative export", "initiative attachment"},
    "coordinator": {"member list", "member export", "transfer export"},
    "consultant": {"case list", "case export", "consultation document"},
    "no role": set(),
    "anonymous": set(),
}
ROLE_GROUPS = {
    "comms": COMMUNICATIONS_STAFF,
    "moderator": MODERATORS,
    "council": ADVISORY_COUNCIL,
    "coordinator": TIME_BANK_COORDINATORS,
    "consultant": CONSULTANTS,
}


@pytest.fixture
def matrix_urls(home_pages):
    """{label: (method, url)} over pages, snippets, exports, localize, files."""
    home = home_pages["ka"]
    page = StandardPageFactory(parent=home, title="ჩვენ შესახებ", slug="about")
    organization = OrganizationFactory(name="ტელავის ცენტრი")
    initiative = initiative_factories.in_moderation(
        attachments=[uploads.validate_attachment(pdf("plan.pdf"))]
    )
    attachment = initiative.attachments.first()
    step = initiative_factories.add_step(
        initiative_factories.accepted(), AdvocacyStep.Kind.SENT
    )
    case = consultation_factories.CaseFactory(organization=organization)
    document = consultation_factories.document(case)
    timebank_factories.MemberFactory()
    objects = {
        "topic": topic("environment"),
        "municipality": municipality("telavi"),
        "organization": organization,
        "initiative": initiative,
        "advocacystep": step,
    }
    urls = {
        "page add": ("get", f"/admin/pages/add/home/standardpage/{home.pk}/"),
        "page edit": ("get", f"/admin/pages/{page.pk}/edit/"),
        "page publish": (
            "post",
            f"/admin/pages/{page.pk}/edit/",
        ),
        "page unpublish": ("get", f"/admin/pages/{page.pk}/unpublish/"),
        "page delete": ("get", f"/admin/pages/{page.pk}/delete/"),
    }
    for name, path in SNIPPETS.items():
        base = f"/admin/snippets/{path}/"
        pk = objects[name].pk
        urls[f"{name} list"] = ("get", base)
        urls[f"{name} add"] = ("get", f"{base}add/")
        urls[f"{name} edit"] = ("get", f"{base}edit/{pk}/")
        urls[f"{name} delete"] = ("get", f"{base}delete/{pk}/")
    urls.update(
        {
            "organization export": (
                "get",
                "/admin/snippets/directory/organization/?export=csv",
            ),
            "initiative export": (
                "get",
                "/admin/snippets/initiatives/initiative/?export=csv",
            ),
            "case list": ("get", "/admin/consultations/"),
            "case export": ("get", "/admin/consultations/?export=csv"),
            "member list": ("get", "/admin/time-bank/members/"),
            "member export": ("get", "/admin/time-bank/members/?export=csv"),
            "transfer export": ("get", "/admin/time-bank/ledger/?export=csv"),
            "localize organizations": (
                "get",
                "/admin/localize/api/snippets/directory/organization/",
            ),
            "localize initiatives": (
                "get",
                "/admin/localize/api/snippets/initiatives/initiative/",
            ),
            "translations report": ("get", "/admin/localize/reports/translations/"),
            "initiative attachment": (
                "get",
                reverse(
                    "wagtailsnippets_initiatives_initiative:attachment",
                    args=[initiative.pk, attachment.pk],
                ),
            ),
            "consultation document": (
                "get",
                reverse("consultations_case:document", args=[document.pk]),
            ),
        }
    )
    return urls, page


def user_for(role):
    if role == "admin":
        return UserFactory(username="admin", is_superuser=True, is_staff=True)
    if role == "no role":
        return UserFactory(username="someone")
    return UserFactory(username=role, role=ROLE_GROUPS[role])


def request(client, method, url, page):
    if method == "post":  # publish the page as the editor's "Publish" button does
        return client.post(
            url, page_form(page.title, page.slug, lead="", body=body("ტექსტი"))
        )
    return client.get(url)


def test_the_matrix_names_only_urls_it_checks(matrix_urls):
    urls, _ = matrix_urls
    for role, labels in ALLOWED.items():
        assert labels <= set(urls), (role, labels - set(urls))


@pytest.mark.parametrize("role", [*ALLOWED, "admin"])
def test_each_role_may_do_exactly_its_work(client, matrix_urls, role):
    urls, page = matrix_urls
    if role != "anonymous":
        client.force_login(user_for(role))
    allowed = set(urls) if role == "admin" else ALLOWED[role]
    wrong = []
    for label, (method, url) in sorted(urls.items()):
        response = request(client, method, url, page)
        expected_ok = label in allowed
        if label == "page publish":
            page.refresh_from_db()
            ok = (
                response.status_code == 302
                and page.live
                and (page.latest_revision.user is not None)
            )
        elif label.endswith(" export"):  # queued, back to the listing
            listing = url.split("?")[0]
            ok = response.status_code == 302 and response["Location"] == listing
        else:
            ok = response.status_code == 200
        if ok != expected_ok:
            wrong.append((label, response.status_code, expected_ok))
            continue
        if not expected_ok and label != "page publish":
            assert_denied(response)
            if role == "anonymous":
                assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert wrong == []
