"""Helpers for driving the time bank through its real URLs."""

import re
import uuid

from django.core import mail

REGISTRATION = {
    "first_name": "ქეთევან",
    "last_name": "ჯავახიშვილი",
    "public_name_choice": "initial",
    "chosen_name": "",
    "village": "ენისელი",
    "phone": "+995 555 44 33 22",
    "email": "keti@example.org",
    "offer_categories": [],
    "offers_text": "ინგლისურის გაკვეთილები",
    "need_categories": [],
    "needs_text": "",
    "availability": "საღამოობით",
    "consent_rules": "on",
    "consent_data": "on",
    "homepage": "",
}


def registration(place, **changes):
    data = {
        **REGISTRATION,
        "municipality": place.pk,
        "submission_key": str(uuid.uuid4()),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def key():
    return str(uuid.uuid4())


def link_in(message, path_part):
    """The site path of the first link in `message` containing `path_part`."""
    url = re.search(rf"https?://\S*{re.escape(path_part)}\S*", message.body).group()
    return re.sub(r"^https?://[^/]+", "", url)


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


def follow_sign_in_link(client, path):
    """Open the one-time link (a page with a button) and press the button."""
    page = client.get(path)
    assert page.status_code == 200
    token = page.context["token"]
    return client.post(
        "/time-bank/sign-in/link/", {"sesame": token, "next": page.context["next"]}
    )
