"""Volunteering in a real browser: a citizen finds an opportunity in the
listing, filters by municipality, signs up without an account (a mistake first,
then corrected), and confirms the e-mail from the message she receives.

Run with Debian's Chromium; skipped, saying why, when it is missing.
"""

import re

import pytest
from django.core import mail

from taxonomy.factories import municipality
from volunteering.factories import OpportunityFactory
from volunteering.models import SignUp

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
TITLE = "წიგნების დალაგება თელავის ბიბლიოთეკაში"


def site_path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def link_from(address, part):
    message = [m for m in mail.outbox if address in m.to][-1]
    return site_path(
        re.search(rf"https?://\S*{re.escape(part)}\S*", message.body).group()
    )


def test_a_citizen_signs_up(browser, live_server):
    opportunity = OpportunityFactory(title=TITLE, volunteers_needed=2)
    OpportunityFactory(title="სხვა ქალაქში", municipality=municipality("kvareli"))

    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/volunteering/")
    page.select_option("#id_municipality", value="telavi")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"municipality=telavi"))
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/volunteering/{opportunity.pk}/$"))
    assert page.locator("h1").inner_text() == TITLE

    # A mistake: neither e-mail nor phone. The error is shown, nothing saved.
    page.fill("#id_name", "თამარ ბერიძე")
    page.select_option("#id_age_group", value="18_29")
    page.check("#id_consent")
    page.locator("form.volunteering-form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert SignUp.objects.count() == 0
    assert page.input_value("#id_name") == "თამარ ბერიძე"

    page.fill("#id_email", "tamar@example.org")
    page.fill("#id_message", "შაბათობით შემიძლია")
    page.check("#id_consent")
    page.locator("form.volunteering-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/volunteering/{opportunity.pk}/signed-up/$"))
    sign_up = SignUp.objects.get()
    assert sign_up.email == "tamar@example.org"
    assert sign_up.status == SignUp.Status.SIGNED_UP

    # She confirms her e-mail from the message (a page with one button).
    page.goto(
        live_server.url + link_from("tamar@example.org", "/volunteering/confirm/")
    )
    page.locator("main form button[type=submit], form button[type=submit]").last.click()
    page.wait_for_load_state()
    sign_up.refresh_from_db()
    assert sign_up.email_confirmed_at is not None
