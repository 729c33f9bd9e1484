"""The time bank in a real browser: a citizen registers and confirms the
e-mail, a coordinator approves in the admin, she signs in with the one-time
link and publishes an offer, another member answers it and records the help,
and she confirms: the hours move.

Run with Debian's Chromium; skipped, saying why, when it is missing.
"""

import re

import pytest
from django.core import mail

from tests.browser.conftest import content_showing
from timebank import ledger
from timebank.factories import MemberFactory
from timebank.models import Exchange, Listing, Member
from timebank.signin import sign_in_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
TITLE = "ინგლისურის გაკვეთილები ყვარელში"


def site_path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def link_from(address, part):
    message = [m for m in mail.outbox if address in m.to][-1]
    return site_path(
        re.search(rf"https?://\S*{re.escape(part)}\S*", message.body).group()
    )


def test_register_approve_offer_answer_record_confirm(browser, live_server, log_in):
    from hub.factories import UserFactory
    from hub.roles import TIME_BANK_COORDINATORS

    coordinator = UserFactory(username="coordinator", role=TIME_BANK_COORDINATORS)
    giorgi = MemberFactory(
        first_name="გიორგი", last_name="კაპანაძე", email="g@example.org"
    )

    # A citizen registers.
    keti = browser.new_context().new_page()
    keti.goto(f"{live_server.url}/time-bank/")
    keti.get_by_role("link", name="შემოუერთდით დროის ბანკს").first.click()
    keti.fill("#id_first_name", "ქეთევან")
    keti.fill("#id_last_name", "ჯავახიშვილი")
    keti.select_option("#id_municipality", label="ყვარელი")
    keti.fill("#id_village", "ენისელი")
    keti.fill("#id_email", "keti@example.org")
    keti.get_by_label("სწავლა და მეცადინეობა").first.check()
    keti.get_by_label("ვეთანხმები დროის ბანკის წესებს", exact=False).check()
    keti.get_by_label("ვეთანხმები, რომ კახეთის ჰაბი", exact=False).check()
    keti.get_by_role("button", name="რეგისტრაციის გაგზავნა").click()
    keti.wait_for_url(re.compile(r"/time-bank/join/sent/$"))
    keti.goto(live_server.url + link_from("keti@example.org", "/time-bank/confirm/"))
    keti.get_by_role("button", name="ჩემი ელფოსტის დადასტურება").click()
    assert "დადასტურებულია" in content_showing(keti, "დადასტურებულია")

    # A coordinator approves her from the members' list.
    admin = log_in(coordinator).page
    admin.goto(f"{live_server.url}/admin/time-bank/members/?status=pending")
    row = admin.locator("tr", has_text="ქეთევან ჯავახიშვილი")
    row.get_by_role("button", name="დამატებითი ვარიანტები", exact=False).click()
    row.get_by_role("link", name="დამტკიცება").click()
    admin.get_by_role("button", name="დამტკიცება").click()
    admin.wait_for_url(re.compile(r"/admin/time-bank/members/$"))
    member = Member.objects.get(email="keti@example.org")
    assert member.status == Member.Status.APPROVED

    # She signs in with the link of the welcome e-mail and publishes an offer.
    keti.goto(
        live_server.url + link_from("keti@example.org", "/time-bank/sign-in/link/")
    )
    keti.get_by_role("button", name="შესვლა").click()
    keti.wait_for_url(re.compile(r"/time-bank/me/$"))
    keti.get_by_role("link", name="ახალი შეთავაზება ან თხოვნა").first.click()
    keti.get_by_label("შეთავაზება: ამაში დახმარება შემიძლია").check()
    keti.fill("#id_title", TITLE)
    keti.select_option("#id_category", label="სწავლა და მეცადინეობა")
    keti.fill("#id_description", "კვირაში ორჯერ, საათობით, სკოლის მოსწავლეებისთვის.")
    keti.get_by_role("button", name="გამოქვეყნება").click()
    offer = Listing.objects.get(title=TITLE)
    keti.wait_for_url(re.compile(rf"/time-bank/{offer.pk}/$"))

    # Giorgi finds it on the public list and answers "I'd like this".
    other = browser.new_context().new_page()
    other.goto(live_server.url + site_path(sign_in_url(giorgi)))
    other.get_by_role("button", name="შესვლა").click()
    other.goto(f"{live_server.url}/time-bank/?municipality=kvareli")
    other.get_by_role("link", name=TITLE).click()
    assert "ქეთევან ჯ." in content_showing(other, "ქეთევან ჯ.")
    assert "ჯავახიშვილი" not in other.content()
    other.fill("#id_body", "გამარჯობა! შვილს სჭირდება, ხუთშაბათს შეიძლება?")
    other.get_by_role("button", name="მსურს").click()
    other.wait_for_url(re.compile(r"/time-bank/me/conversations/\d+/$"))
    relayed = [m for m in mail.outbox if m.to == ["keti@example.org"]][-1]
    assert "ხუთშაბათს" in relayed.body and "g@example.org" not in relayed.body

    # After the lesson he records the help he received.
    other.get_by_role("link", name="მიღებული დახმარების ჩაწერა").last.click()
    other.fill("#id_hours", "1")
    other.fill("#id_minutes", "30")
    other.fill("#id_description", "ინგლისურის გაკვეთილი")
    other.get_by_role("button", name="ჩაწერა").click()
    other.wait_for_url(re.compile(r"/time-bank/me/$"))
    assert Exchange.objects.get().status == Exchange.Status.AWAITING

    # Keti confirms from her page: the hours move.
    keti.goto(f"{live_server.url}/time-bank/me/")
    keti.get_by_role("button", name="დადასტურება").click()
    # (Already at that address: waiting for it would not wait for the reload.)
    assert "1 სთ 30 წთ" in content_showing(keti, "1 სთ 30 წთ")
    member.refresh_from_db()
    assert ledger.balance(member.account) == 90
    assert ledger.balance(giorgi.account) == -90
