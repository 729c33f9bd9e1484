"""An organization asks for a consultation in a real browser, as people click.

The Georgian form is sent once without consent (the error is shown and what
was typed is kept), then completed; the e-mailed confirmation link is opened
and confirmed; the private tracking page shows the request with the
consultants; a consultant finds it in the admin.
"""

import re

import pytest
from django.core import mail

from consultations.factories import consultant as make_consultant
from consultations.models import Case
from directory.factories import OrganizationFactory
from tests.browser.conftest import content_showing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTION = "როგორ შევიტანოთ წესდებაში ცვლილებები გამგეობის არჩევის შემდეგ?"


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_an_organization_asks_confirms_and_follows_its_request(
    browser, live_server, home_pages, password
):
    consultant = make_consultant("consultant")
    OrganizationFactory(name="ლაგოდეხის მწვანე ალიანსი", municipalities=["lagodekhi"])

    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="კონსულტაციის მოთხოვნა").click()
    page.wait_for_url(re.compile(r"/consultations/request/$"))
    page.get_by_label("ორგანიზაცია, რომელიც ჰაბის ცნობარშია").check()
    page.select_option("#id_organization", label="ლაგოდეხის მწვანე ალიანსი")
    page.fill("#id_contact_name", "ეკა კაპანაძე")
    page.fill("#id_contact_email", "eka@example.org")
    page.get_by_label("სამართლებრივი").check()
    page.fill("#id_question", QUESTION)
    page.get_by_label("სასწრაფო: ვადა რამდენიმე დღეში იწურება").check()
    page.get_by_label("ონლაინ (ვიდეოზარი)").check()
    page.get_by_role("button", name="მოთხოვნის გაგზავნა").click()

    # Without consent: a Georgian error, and nothing typed is lost.
    page.wait_for_selector("#id_consent_error")
    assert "მოთხოვნის მიღება მხოლოდ თქვენი თანხმობით" in page.content()
    assert page.input_value("#id_question") == QUESTION
    assert page.input_value("#id_contact_email") == "eka@example.org"
    assert Case.objects.count() == 0

    page.get_by_label("ვეთანხმები", exact=False).check()
    page.get_by_role("button", name="მოთხოვნის გაგზავნა").click()
    page.wait_for_url(re.compile(r"/consultations/request/sent/$"))
    assert "შეამოწმეთ ელფოსტა" in page.content()
    case = Case.objects.get()
    assert case.status == Case.Status.UNCONFIRMED
    assert case.urgency == "urgent" and case.preferred_mode == "online"

    # The confirmation link from the e-mail, then the tracking link.
    [message] = mail.outbox
    confirm = re.search(r"https?://\S+/consultations/confirm/\S+/", message.body)
    page.goto(live_server.url + path_of(confirm.group()))
    page.get_by_role(
        "button", name="დადასტურება და კონსულტანტებისთვის გაგზავნა"
    ).click()
    assert "თქვენი მოთხოვნა დადასტურებულია" in content_showing(
        page, "თქვენი მოთხოვნა დადასტურებულია"
    )
    page.get_by_role("link", name="თვალი ადევნეთ თქვენს მოთხოვნას").click()
    page.wait_for_url(re.compile(r"/consultations/track/"))
    assert "ახალი" in page.content()
    page.get_by_text("თქვენი შეკითხვა, როგორც გამოგზავნეთ").click()
    assert page.get_by_text(QUESTION).is_visible()
    case.refresh_from_db()
    assert case.status == Case.Status.NEW

    # A consultant finds it on the list and opens it.
    staff = browser.new_context().new_page()
    staff.goto(f"{live_server.url}/admin/login/")
    staff.fill("#id_username", consultant.username)
    staff.fill("#id_password", password)
    staff.locator("form button[type=submit]").click()
    staff.wait_for_url(re.compile(r"/admin/$"))
    staff.get_by_role("link", name="საქმეების სიის გახსნა").click()
    staff.get_by_role("link", name=str(case)).click()
    staff.wait_for_url(re.compile(rf"/admin/consultations/edit/{case.pk}/$"))
    staff.get_by_role("tab", name="მოთხოვნა").click()
    assert staff.locator("#id_question").input_value() == QUESTION
