"""The donor report: communications staff and administrators choose a
period in the admin and get an XLSX of the figures and the events held with
their attendance; other roles and visitors are refused."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Locale

from consultations.factories import consultant
from home.models import EventPage
from hub.factories import UserFactory
from hub.roles import MODERATORS, TIME_BANK_COORDINATORS
from tests.impact.conftest import event

pytestmark = pytest.mark.django_db

URL = "/admin/impact/donor-report/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def period(days=60):
    today = timezone.localdate()
    return {
        "start": (today - datetime.timedelta(days=days)).isoformat(),
        "end": today.isoformat(),
    }


@pytest.fixture
def english_comms(comms_client, comms_user):
    """Communications staff who use the admin in English (labels to match)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(comms_user)
    profile.preferred_language = "en"
    profile.save()
    return comms_client


def workbook(response):
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


@pytest.mark.parametrize("who", ["admin_client", "comms_client"])
def test_staff_who_may_get_the_form_and_the_menu_item(request, who, home_pages):
    client = request.getfixturevalue(who)

    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: UserFactory(username="moderator", role=MODERATORS),
        lambda: UserFactory(username="coordinator", role=TIME_BANK_COORDINATORS),
        lambda: consultant("consultant"),
    ],
)
def test_other_roles_are_refused(client, home_pages, make_user):
    client.force_login(make_user())

    assert URL not in client.get("/admin/").content.decode()
    for response in (client.get(URL), client.post(URL, period())):
        assert response.status_code in (302, 403)
        assert response.get("Content-Type") != XLSX


def test_visitors_are_sent_to_the_login(client, home_pages):
    response = client.post(URL, period())

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_report_holds_the_periods_figures_and_events(english_comms, impact_data):
    book = workbook(english_comms.post(URL, period(days=60)))

    figures = {row[1]: row[2] for row in book.worksheets[0].iter_rows(values_only=True)}
    in_period = EventPage.objects.live().filter(
        locale=Locale.get_default(),
        start__date__gte=timezone.localdate() - datetime.timedelta(days=60),
        start__lte=timezone.now(),
    )
    assert figures["events held (all types)"] == in_period.count() == 3
    assert figures["participants (from the events' attendance reports)"] == 50
    events = list(book.worksheets[1].iter_rows(values_only=True))
    assert events[0][0] == "Date" and events[0][4] == "Participants"
    assert len(events) - 1 == in_period.count()
    assert sorted(row[4] for row in events[1:] if row[4] is not None) == [20, 30]


def test_the_report_is_in_georgian_for_georgian_staff(comms_client, impact_data):
    book = workbook(comms_client.post(URL, period()))

    labels = [row[1] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert "ჩატარებული ღონისძიება (ყველა ტიპის)" in labels


def test_event_titles_cannot_run_as_formulas(comms_client, event_index):
    event(event_index, 3, title='=HYPERLINK("http://example.org","x")')

    book = workbook(comms_client.post(URL, period()))

    titles = [row[1] for row in book.worksheets[1].iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://example.org","x")' in titles


@pytest.mark.parametrize(
    "data",
    [
        {"start": "2025-05-01", "end": "2025-04-01"},
        {"start": "2010-01-01", "end": "2011-01-01"},
        {"start": "not a date", "end": "2025-04-01"},
        {"start": "", "end": ""},
    ],
)
def test_a_bad_period_gives_the_form_again_with_errors(admin_client, home_pages, data):
    response = admin_client.post(URL, data)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "error" in response.content.decode()
