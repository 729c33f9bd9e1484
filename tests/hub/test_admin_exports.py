"""The admin listings' exports run as background tasks (issue 16): the request
queues one and redirects; the task builds the very file the request used to
build, into the private storage; only its owner downloads it."""

import io
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from directory.factories import OrganizationFactory
from hub import admin_exports
from hub.admin_exports import BackgroundExportMixin, build_admin_export
from hub.factories import UserFactory
from hub.models import AdminExport
from hub.roles import COMMUNICATIONS_STAFF, TIME_BANK_COORDINATORS
from tests.admin_exports import exported_file, exporting_viewsets
from tests.downloads import assert_same_content, body
from tests.worker import run_the_worker
from timebank.factories import MemberFactory

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/time-bank/members/"
ORGANIZATIONS = "/admin/snippets/directory/organization/"
HOSTILE = "=cmd|' /C calc'!A0"


@pytest.fixture
def listed(db):
    """Members and organizations that the filters below tell apart."""
    return {
        "pending": MemberFactory(first_name="ნინო", status="pending"),
        "approved": MemberFactory(first_name=HOSTILE, status="approved"),
        "telavi": OrganizationFactory(
            name="თელავის მოხალისეთა კავშირი", municipalities=["telavi"]
        ),
        "kvareli": OrganizationFactory(
            name="ყვარლის მწვანე ალიანსი", municipalities=["kvareli"]
        ),
    }


def in_the_request(self, request, *args, **kwargs):
    """The export as Wagtail built it before: in the request."""
    return super(BackgroundExportMixin, self).get(request, *args, **kwargs)


def cells_text(content, export_format):
    if export_format == "csv":
        return content.decode("utf-8")
    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)


def test_an_export_request_queues_a_task_and_builds_nothing(
    coordinator_client, coordinator, listed, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }

    with CaptureQueriesContext(connection) as queries:
        response = coordinator_client.get(
            MEMBERS, {"status": "approved", "export": "csv"}
        )

    assert response.status_code == 302
    assert response["Location"] == f"{MEMBERS}?status=approved"
    assert not [q for q in queries if "timebank_member" in q["sql"]]
    export = AdminExport.objects.get()
    assert export.user == coordinator
    assert export.status == AdminExport.Status.PENDING
    assert export.url.endswith(f"{MEMBERS}?status=approved&export=csv")
    (queued,) = default_task_backend.results
    assert queued.task.name == build_admin_export.name
    assert queued.args == [export.pk]
    message = str(list(get_messages(response.wsgi_request))[0])
    assert "My exports" in message or "ჩემი ექსპორტები" in message
    assert reverse("hub_admin_exports") in message
    assert not (settings.PRIVATE_MEDIA_ROOT / admin_exports.FOLDER).exists()
    page = coordinator_client.get(reverse("hub_admin_exports"))
    assert reverse("hub_admin_export_download", args=[export.pk]) not in (
        page.content.decode()
    )

    # The worker runs it later: the file is then there.
    build_admin_export.call(export.pk)

    export.refresh_from_db()
    assert export.status == AdminExport.Status.READY
    download = coordinator_client.get(
        reverse("hub_admin_export_download", args=[export.pk])
    )
    text = body(download).decode()
    assert "'" + HOSTILE in text  # the filter's row, its formula guarded
    assert "ნინო" not in text  # the other status is filtered out


def test_the_worker_builds_it(coordinator_client, listed, queued, monkeypatch):
    coordinator_client.get(MEMBERS, {"status": "approved", "export": "xlsx"})
    assert DBTaskResult.objects.count() == 1
    assert AdminExport.objects.get().status == AdminExport.Status.PENDING

    run_the_worker(monkeypatch)

    export = AdminExport.objects.get()
    assert export.status == AdminExport.Status.READY
    download = coordinator_client.get(
        reverse("hub_admin_export_download", args=[export.pk])
    )
    assert download["Content-Disposition"].endswith('"time-bank-members.xlsx"')
    text = cells_text(body(download), "xlsx")
    assert "'" + HOSTILE in text and "ნინო" not in text


CASES = [
    ("coordinator", MEMBERS, {"status": "approved"}),
    ("comms", ORGANIZATIONS, {"municipality": "kvareli", "locale": "ka"}),
]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("role, url, filters", CASES, ids=["members", "organizations"])
def test_the_file_is_the_one_the_request_built(
    client, monkeypatch, listed, role, url, filters, export_format
):
    roles = {"coordinator": TIME_BANK_COORDINATORS, "comms": COMMUNICATIONS_STAFF}
    client.force_login(UserFactory(username=role, role=roles[role]))
    query = {**filters, "export": export_format}

    built = body(exported_file(client, client.get(url, query)))
    with monkeypatch.context() as patched:
        patched.setattr(BackgroundExportMixin, "get", in_the_request)
        before = client.get(url, query)
    assert before.status_code == 200
    in_request = body(before)

    assert_same_content(built, in_request)
    # The filters applied (positive control): one of the two rows.
    shown, hidden = (
        ("ყვარლის", "თელავის") if url == ORGANIZATIONS else (HOSTILE, "ნინო")
    )
    text = cells_text(built, export_format)
    assert "'" + shown in text if shown == HOSTILE else shown in text
    assert hidden not in text


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_english_admin_gets_the_file_in_the_language_as_before(
    client, coordinator, monkeypatch, listed, export_format
):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    query = {"export": export_format}

    built = body(exported_file(client, client.get(MEMBERS, query)))
    with monkeypatch.context() as patched:
        patched.setattr(BackgroundExportMixin, "get", in_the_request)
        in_request = body(client.get(MEMBERS, query))

    assert_same_content(built, in_request)
    if export_format == "csv":
        # Wagtail writes a CSV while the response streams, after the admin's
        # per-user language: in the site's language (admin URLs have no prefix).
        assert built.decode().startswith("წევრის ნომერი,")
    else:
        assert cells_text(built, "xlsx").startswith("member number\n")


def test_the_file_is_private_and_unguessable(coordinator_client, listed, settings):
    exported_file(
        coordinator_client, coordinator_client.get(MEMBERS, {"export": "csv"})
    )

    export = AdminExport.objects.get()
    stored = settings.PRIVATE_MEDIA_ROOT / export.file
    assert stored.is_file()
    assert not (settings.MEDIA_ROOT / admin_exports.FOLDER).exists()
    secret = export.file.split("/")[1]
    assert len(secret) >= 32


def test_only_its_owner_or_a_superuser_downloads_it(
    coordinator_client, listed, admin_user
):
    exported_file(
        coordinator_client, coordinator_client.get(MEMBERS, {"export": "csv"})
    )
    url = reverse("hub_admin_export_download", args=[AdminExport.objects.get().pk])

    another = UserFactory(username="another", role=TIME_BANK_COORDINATORS)
    client = Client()  # another browser
    client.force_login(another)
    assert client.get(url).status_code == 404
    assert url not in client.get(reverse("hub_admin_exports")).content.decode()
    client.force_login(admin_user)
    assert client.get(url).status_code == 200
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("wagtailadmin_login"))


def test_my_exports_lists_the_user_s_exports_with_their_links(
    coordinator_client, listed
):
    response = coordinator_client.get(MEMBERS, {"export": "xlsx"})
    export = AdminExport.objects.get()
    download = reverse("hub_admin_export_download", args=[export.pk])

    message = str(list(get_messages(response.wsgi_request))[0])
    assert download in message  # immediate tasks: ready at the redirect
    page = coordinator_client.get(reverse("hub_admin_exports")).content.decode()
    assert download in page
    assert "time-bank-members.xlsx" in page
    menu = coordinator_client.get("/admin/").content.decode()
    assert reverse("hub_admin_exports") in menu


def test_a_failed_build_shows_as_failed(coordinator_client, listed, monkeypatch):
    def broken(self, queryset):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(
        BackgroundExportMixin, "write_csv_response", broken, raising=False
    )

    response = coordinator_client.get(MEMBERS, {"export": "csv"})

    assert response.status_code == 302
    export = AdminExport.objects.get()
    assert export.status == AdminExport.Status.FAILED
    assert not export.file
    message = list(get_messages(response.wsgi_request))[0]
    assert message.level_tag == "error"
    page = coordinator_client.get(reverse("hub_admin_exports")).content.decode()
    assert 'class="export-failed"' in page
    download = reverse("hub_admin_export_download", args=[export.pk])
    assert coordinator_client.get(download).status_code == 404


def test_a_build_lost_on_the_way_shows_as_failed(coordinator_client, coordinator):
    AdminExport.objects.create(
        user=coordinator, title="Members", url="http://testserver/", export_format="csv"
    )
    AdminExport.objects.update(created_at=timezone.now() - timedelta(hours=2))

    page = coordinator_client.get(reverse("hub_admin_exports")).content.decode()

    assert 'class="export-failed"' in page


def test_a_user_who_may_no_longer_export_gets_a_failed_export(
    coordinator_client, coordinator, listed, settings, admin_user
):
    """Built with that user's permissions when it is built (an administrator
    exists who could build it: not them)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    coordinator_client.get(MEMBERS, {"export": "csv"})
    coordinator.groups.clear()  # before the worker builds it

    build_admin_export.call(AdminExport.objects.get().pk)

    assert AdminExport.objects.get().status == AdminExport.Status.FAILED


def test_old_exports_are_removed_with_their_files(coordinator_client, listed, settings):
    exported_file(
        coordinator_client, coordinator_client.get(MEMBERS, {"export": "csv"})
    )
    old = AdminExport.objects.get()
    stored = settings.PRIVATE_MEDIA_ROOT / old.file
    AdminExport.objects.update(
        created_at=timezone.now() - timedelta(days=admin_exports.KEEP_DAYS, hours=1)
    )

    exported_file(
        coordinator_client, coordinator_client.get(MEMBERS, {"export": "csv"})
    )

    assert not AdminExport.objects.filter(pk=old.pk).exists()
    assert not stored.exists()
    assert AdminExport.objects.count() == 1


def test_every_viewset_with_exports_builds_them_in_the_background():
    exporting = exporting_viewsets()
    assert len(exporting) >= 7
    for viewset in exporting:
        assert issubclass(viewset.index_view_class, BackgroundExportMixin), viewset


def admin_listings_with_exports(resolver=None, prefix=""):
    """(address, view class) of every URL whose view offers a spreadsheet
    export, Wagtail's own included, as Wagtail declares them."""
    from django.urls import URLResolver, get_resolver
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += admin_listings_with_exports(pattern, route)
            continue
        view = getattr(pattern.callback, "view_class", None)
        if view is None or not issubclass(view, SpreadsheetExportMixin):
            continue
        # A viewset passes its columns to as_view().
        if pattern.callback.view_initkwargs.get("list_export", view.list_export):
            found.append(("/" + route, view))
    return found


def test_every_listing_with_exports_builds_them_in_the_background():
    """Wagtail's reports and redirects too: whichever view a listing's address
    reaches first exports off the request path."""
    from django.urls import resolve

    listings = admin_listings_with_exports()
    addresses = {address for address, _ in listings if "<" not in address}
    assert "/admin/reports/site-history/" in addresses
    assert "/admin/redirects/results/" in addresses
    assert "/admin/searchpicks/reports/search-terms/" in addresses
    assert "/admin/time-bank/members/" in addresses
    for address in addresses:
        view = resolve(address).func.view_class
        assert issubclass(view, BackgroundExportMixin), address


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_s_site_history_is_the_file_the_request_built(
    admin_client, home_pages, export_format, monkeypatch
):
    from home.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_pages["ka"], title="ისტორიის გვერდი")
    page.save_revision(log_action=True).publish(log_action=True)
    url = "/admin/reports/site-history/"
    query = {"export": export_format}

    built = body(exported_file(admin_client, admin_client.get(url, query)))
    monkeypatch.setattr(BackgroundExportMixin, "get", in_the_request)
    before = admin_client.get(url, query)
    assert before.status_code == 200

    assert "ისტორიის გვერდი" in cells_text(built, export_format)
    assert_same_content(built, body(before))


@pytest.mark.parametrize(
    "url",
    ["/admin/redirects/", "/admin/reports/aging-pages/", "/admin/reports/locked/"],
)
def test_a_wagtail_report_the_user_may_not_see_queues_nothing(coordinator_client, url):
    response = coordinator_client.get(url, {"export": "csv"})

    assert response.status_code == 403
    assert not AdminExport.objects.exists()
