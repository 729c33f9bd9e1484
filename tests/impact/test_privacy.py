"""Counts only: no person's data and no case content reaches /impact/, its
downloads, the home page's figures or the donor report. The positive control
puts a marker in a public field (an event's title) and finds it in the donor
report, so the check looks where the data would be."""

import io

import pytest
from openpyxl import load_workbook

from consultations.factories import CaseFactory, assign, session
from consultations.models import Case
from initiatives.factories import in_moderation
from taxonomy.factories import municipality
from tests.impact.conftest import event
from timebank.factories import MemberFactory

pytestmark = pytest.mark.django_db

SECRETS = {
    "case_contact": "Zqxcontactname Beridze",
    "case_email": "zqxcontact@private.example.org",
    "case_question": "Zqxquestion სადავო ქონება",
    "case_group": "Zqxgroupname ჯგუფი",
    "author_name": "Zqxauthor Kapanadze",
    "author_email": "zqxauthor@private.example.org",
    "member_name": "Zqxmember",
    "member_email": "zqxmember@private.example.org",
}
PUBLIC_MARKER = "Zqxpublicevent შეხვედრა"


@pytest.fixture
def private_data(event_index):
    case = assign(
        CaseFactory(
            organization=None,
            group_name=SECRETS["case_group"],
            municipality=municipality("telavi"),
            contact_name=SECRETS["case_contact"],
            contact_email=SECRETS["case_email"],
            question=SECRETS["case_question"],
            kind=Case.Kind.LEGAL,
        )
    )
    session(case, summary="Zqxsession")
    in_moderation(
        author_name=SECRETS["author_name"], author_email=SECRETS["author_email"]
    )
    MemberFactory(first_name=SECRETS["member_name"], email=SECRETS["member_email"])
    event(event_index, 3, title=PUBLIC_MARKER, participants_count=12)


def public_outputs(client):
    texts = []
    for url in ("/impact/", "/en/impact/", "/", "/en/"):
        texts.append(client.get(url).content.decode())
    for key in (
        "consultations-by-kind",
        "initiatives-by-municipality",
        "timebank-by-municipality",
        "events-by-type",
    ):
        texts.append(client.get(f"/en/impact/{key}.csv").content.decode("utf-8-sig"))
    return "\n".join(texts)


def donor_text(client):
    response = client.post(
        "/admin/impact/donor-report/", {"start": "2017-01-01", "end": "2100-12-31"}
    )
    book = load_workbook(io.BytesIO(response.content))
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_no_personal_data_or_case_content_is_shown(client, private_data):
    text = public_outputs(client)

    for name, secret in SECRETS.items():
        assert secret not in text, name
    assert "Zqx" not in text.replace(PUBLIC_MARKER, "")


def test_the_donor_report_has_events_but_nobodys_data(comms_client, private_data):
    text = donor_text(comms_client)

    assert PUBLIC_MARKER in text  # positive control: the check reads the cells
    for name, secret in SECRETS.items():
        assert secret not in text, name
    assert "Zqxsession" not in text
