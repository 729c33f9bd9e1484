"""An initiative's whole journey in a real browser, as people click it.

A citizen fills the Georgian form; the confirmation link from the e-mail is
opened; a moderator approves from the dashboard; two council members vote for
from theirs (quorum 2); a visitor finds the published initiative.

Run with Debian's Chromium (`apt-get install chromium`); skipped, saying why,
when it is missing. The browser is the session's (tests/browser/conftest.py).
"""

import re

import pytest
from django.core import mail

from initiatives.models import CouncilVoteTask, Initiative

TITLE = "სანიაღვრე არხის გაწმენდა ყვარელში"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(browser, live_server, user, password):
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def act_from_dashboard(page, action):
    """Open the initiative's action menu in "Awaiting your review" and act."""
    row = page.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="მოქმედებები").click()  # "Actions"
    row.locator(f'[data-workflow-action-url*="/{action}/"]').first.click()


def test_citizen_to_council_to_public_page(
    browser, live_server, moderator, council_members, password
):
    CouncilVoteTask.objects.update(quorum=2)

    # A citizen submits the Georgian form.
    citizen = browser.new_context().new_page()
    citizen.goto(f"{live_server.url}/initiatives/")
    citizen.get_by_role("link", name="ინიციატივის წარდგენა").first.click()
    citizen.fill("#id_title", TITLE)
    citizen.fill("#id_summary", "არხი ნაგვითაა სავსე და წვიმისას ქუჩა იტბორება.")
    citizen.fill("#id_problem", "ყოველ წვიმაზე ქუჩა წყლით ივსება.")
    citizen.fill("#id_solution", "არხის გაწმენდა და ცხაურის დამონტაჟება.")
    citizen.fill("#id_request_to_municipality", "შეიტანოს სამუშაო 2027 წლის გეგმაში.")
    citizen.select_option("#id_municipality", label="ყვარელი")
    citizen.get_by_label("განათლება").check()
    citizen.fill("#id_author_name", "თამარ ჩიქოვანი")
    citizen.fill("#id_author_email", "tamar@example.org")
    citizen.get_by_label("მხოლოდ ჩემი ინიციალები").check()
    citizen.get_by_label("ვეთანხმები", exact=False).check()
    citizen.get_by_role("button", name="ინიციატივის გაგზავნა").click()
    citizen.wait_for_url(re.compile(r"/initiatives/submit/sent/$"))
    assert "შეამოწმეთ ელფოსტა" in citizen.content()

    # The confirmation link from the e-mail.
    [message] = [m for m in mail.outbox if m.to == ["tamar@example.org"]]
    link = re.search(r"https?://\S+/initiatives/confirm/\S+/", message.body).group()
    citizen.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    citizen.get_by_role(
        "button", name="დადასტურება და მოდერატორებისთვის გაგზავნა"
    ).click()
    assert "დადასტურებულია" in citizen.content()
    initiative = Initiative.objects.get(title=TITLE)
    assert initiative.stage == Initiative.Stage.MODERATION

    # A moderator approves from the dashboard.
    moderator_page = log_in(browser, live_server, moderator, password)
    act_from_dashboard(moderator_page, "approve")
    moderator_page.wait_for_load_state("networkidle")
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.COUNCIL

    # Two council members vote for, each from their dashboard.
    for member in council_members[:2]:
        page = log_in(browser, live_server, member, password)
        act_from_dashboard(page, "vote_for")
        dialog = page.locator(".modal form")
        dialog.locator("textarea").fill("კარგად დასაბუთებული მოთხოვნაა.")
        dialog.locator("button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        page.wait_for_function(
            "title => !document.body.innerText.includes(title)", arg=TITLE
        )
    initiative.refresh_from_db()
    assert initiative.live
    assert initiative.stage == Initiative.Stage.ACCEPTED

    # A visitor finds it on the public list and opens it.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/initiatives/")
    visitor.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url(re.compile(rf"/initiatives/{initiative.pk}/$"))
    content = visitor.content()
    assert TITLE in content
    assert "თ. ჩ." in content  # initials, as the author chose
    assert "tamar@example.org" not in content
    assert "ჩიქოვანი" not in content
