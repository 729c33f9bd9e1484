"""An initiative's whole journey in a real browser, as people click it.

A citizen fills the Georgian form, with a photo; the confirmation link from
the e-mail is opened; a moderator opens it from the dashboard's queue and
approves it on the review screen; two council members vote for it from
theirs (quorum 2); a visitor finds the published initiative. A comms editor
enters a paper initiative, which is saved once, only when submitted.

Every screen is checked as drawn: no English words, no Mtavruli-capitalised
labels, no request to another host (conftest.py). Run with Debian's Chromium
(`apt-get install chromium`); skipped, saying why, when it is missing.
"""

import io
import re

import pytest
from django.core import mail

from initiatives.models import CouncilVoteTask, Initiative
from tests.browser.conftest import content_showing

TITLE = "სანიაღვრე არხის გაწმენდა ყვარელში"
PAPER_TITLE = "სკვერის შეკეთება გურჯაანში"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def photo(name):
    return {"name": name, "mimeType": "image/png", "buffer": png_bytes()}


def open_from_dashboard(watched, title):
    """The dashboard lists it; its title opens the review screen."""
    watched.assert_georgian("dashboard")
    watched.page.get_by_role("link", name=title).click()
    watched.page.wait_for_url(re.compile(r"/review/\d+/$"))
    watched.assert_georgian("review screen")


def test_citizen_to_council_to_public_page(
    open_page, log_in, moderator, council_members
):
    CouncilVoteTask.objects.update(quorum=2)

    # A citizen submits the Georgian form, with a photo.
    citizen = open_page()
    page = citizen.page
    citizen.goto("/initiatives/")
    page.get_by_role("link", name="ინიციატივის წარდგენა").first.click()
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "არხი ნაგვითაა სავსე და წვიმისას ქუჩა იტბორება.")
    page.fill("#id_problem", "ყოველ წვიმაზე ქუჩა წყლით ივსება.")
    page.fill("#id_solution", "არხის გაწმენდა და ცხაურის დამონტაჟება.")
    page.fill("#id_request_to_municipality", "შეიტანოს სამუშაო 2027 წლის გეგმაში.")
    page.select_option("#id_municipality", label="ყვარელი")
    page.get_by_label("განათლება").check()
    page.set_input_files("#id_attachments", photo("არხი.png"))
    page.fill("#id_author_name", "თამარ ჩიქოვანი")
    page.fill("#id_author_email", "tamar@example.org")
    page.get_by_label("მხოლოდ ჩემი ინიციალები").check()
    page.get_by_label("ვეთანხმები", exact=False).check()
    page.get_by_role("button", name="ინიციატივის გაგზავნა").click()
    page.wait_for_url(re.compile(r"/initiatives/submit/sent/$"))
    assert "შეამოწმეთ ელფოსტა" in page.content()

    # The confirmation link from the e-mail.
    [message] = [m for m in mail.outbox if m.to == ["tamar@example.org"]]
    link = re.search(r"https?://\S+/initiatives/confirm/\S+/", message.body).group()
    citizen.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="დადასტურება და მოდერატორებისთვის გაგზავნა").click()
    assert "დადასტურებულია" in content_showing(page, "დადასტურებულია")
    initiative = Initiative.objects.get(title=TITLE)
    assert initiative.stage == Initiative.Stage.MODERATION

    # A moderator: the queue, the review screen with the photo, approval.
    staff = log_in(moderator)
    open_from_dashboard(staff, TITLE)
    photo_link = staff.page.get_by_role("link", name="არხი.png")
    href = photo_link.get_attribute("href")
    opened = staff.page.request.get(staff.live_server.url + href)
    assert opened.status == 200 and opened.body() == png_bytes()
    staff.page.get_by_label("შენიშვნა საბჭოსთვის", exact=False).fill("ფოტო ადასტურებს.")
    staff.page.get_by_role("button", name="დამტკიცება და საბჭოსთვის გადაგზავნა").click()
    staff.page.get_by_text("დამტკიცდა: ინიციატივას ახლა საკონსულტაციო საბჭო").wait_for()
    staff.assert_georgian("after approval")
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.COUNCIL

    # Nobody else opens the photo: an anonymous visitor goes to the login.
    anonymous = open_page()
    response = anonymous.page.request.get(
        anonymous.live_server.url + href, max_redirects=0
    )
    assert response.status == 302
    assert "/admin/login/" in response.headers["location"]

    # Two council members vote for it, each from their inbox; the result shows.
    results = [
        "შედეგი ჯერ ღიაა: 2 წევრს ჯერ ხმა არ მიუცია.",
        "საბჭომ ინიციატივა მიიღო: ის გამოქვეყნდა.",
    ]
    for member, result in zip(council_members[:2], results, strict=True):
        voter = log_in(member)
        open_from_dashboard(voter, TITLE)
        voter.page.get_by_text("ფოტო ადასტურებს.").wait_for()  # the moderator's note
        voter.page.get_by_label("კომენტარი").fill("კარგად დასაბუთებული მოთხოვნაა.")
        voter.page.get_by_role("button", name="მომხრე ვარ").click()
        voter.page.get_by_text("თქვენი ხმა ჩაწერილია.").wait_for()
        voter.page.get_by_text(result).wait_for()
        voter.assert_georgian("after the vote")
    initiative.refresh_from_db()
    assert initiative.live
    assert initiative.stage == Initiative.Stage.ACCEPTED

    # A visitor finds it on the public list and opens it.
    visitor = open_page()
    visitor.goto("/initiatives/")
    visitor.page.get_by_role("link", name=TITLE).click()
    visitor.page.wait_for_url(re.compile(rf"/initiatives/{initiative.pk}/$"))
    content = visitor.page.content()
    assert TITLE in content
    assert "თ. ჩ." in content  # initials, as the author chose
    assert "tamar@example.org" not in content
    assert "ჩიქოვანი" not in content
    assert "არხი.png" not in content


def test_a_paper_initiative_is_entered_once_only_when_submitted(
    open_page, log_in, comms_user, moderator, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500  # Wagtail's default, explicitly
    comms = log_in(comms_user)
    page = comms.page
    comms.goto("/admin/snippets/initiatives/initiative/add/")
    comms.assert_georgian("entry form")
    # Wagtail snapshots the form 2 s after load and autosaves what changes
    # after that: type as a person would, after the snapshot.
    page.wait_for_timeout(2500)

    page.fill("#id_title", PAPER_TITLE)
    page.fill("#id_summary", "ბავშვთა სკვერის სკამები და განათება.")
    page.fill("#id_problem", "სკამები დამტვრეულია.")
    page.fill("#id_solution", "ახალი სკამები და ორი სანათი.")
    page.fill("#id_request_to_municipality", "შეკეთება მომავალ წელს.")
    page.select_option("#id_municipality", label="გურჯაანი")
    page.fill("#id_author_name", "ლევან მაისურაძე")
    page.fill("#id_author_phone", "+995 555 12 34 56")  # no e-mail: phoned in
    page.select_option("#id_channel", value="phone")
    page.set_input_files("#id_attachments", photo("სკვერი.png"))
    page.locator("#id_consent").check()
    posts_before = list(comms.requests)

    page.wait_for_timeout(3000)  # six autosave intervals

    assert Initiative.objects.count() == 0
    assert mail.outbox == []
    assert comms.requests == posts_before  # nothing was sent to the server

    button = page.get_by_role("button", name="შეყვანა და მოდერაციაზე გაგზავნა")
    button.dblclick()
    page.wait_for_url(re.compile(r"/admin/snippets/initiatives/initiative/$"))
    page.get_by_text(
        f"ინიციატივა „{PAPER_TITLE}“ შეყვანილია და მოდერაციაზე გაიგზავნა."
    ).wait_for()
    comms.assert_georgian("listing after the entry")
    initiative = Initiative.objects.get()
    assert initiative.stage == Initiative.Stage.MODERATION
    assert initiative.author_email == ""
    assert initiative.consent_recorded_by == comms_user
    assert [m.to for m in mail.outbox] == [[moderator.email]]

    # The moderator sees the scan on the review screen; comms cannot open it.
    staff = log_in(moderator)
    open_from_dashboard(staff, PAPER_TITLE)
    staff.page.get_by_text("ელფოსტა არ აქვს").first.wait_for()
    href = staff.page.get_by_role("link", name="სკვერი.png").get_attribute("href")
    assert staff.page.request.get(staff.live_server.url + href).status == 200
    refused = page.request.get(comms.live_server.url + href, max_redirects=0)
    assert refused.status in (302, 403)
