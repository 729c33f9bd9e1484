"""Fixtures of volunteering's tests."""

import datetime
import re
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from directory.factories import OrganizationFactory
from hub.factories import UserFactory
from hub.roles import COMMUNICATIONS_STAFF
from timebank.factories import MemberFactory
from volunteering.factories import OpportunityFactory

# Private details that must never reach a public page, feed, index or export.
CONTACT_NAME = "ზურაბ საიდუმლოშვილი"
CONTACT_EMAIL = "zurab.private@org.example.org"
CONTACT_PHONE = "+995 599 77 66 55"
VOLUNTEER_NAME = "ნანა დაფარულიძე"
VOLUNTEER_EMAIL = "nana.hidden@example.org"
VOLUNTEER_PHONE = "+995 555 98 76 54"
SECRETS = [
    CONTACT_NAME,
    CONTACT_EMAIL,
    CONTACT_PHONE,
    VOLUNTEER_NAME,
    VOLUNTEER_EMAIL,
    VOLUNTEER_PHONE,
]


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def key():
    return str(uuid.uuid4())


def link_in(message, path_part):
    """The site path of the first link in `message` containing `path_part`."""
    url = re.search(rf"https?://\S*{re.escape(path_part)}\S*", message.body).group()
    return re.sub(r"^https?://[^/]+", "", url)


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


def sign_up_data(**changes):
    data = {
        "name": VOLUNTEER_NAME,
        "email": VOLUNTEER_EMAIL,
        "phone": VOLUNTEER_PHONE,
        "age_group": "18_29",
        "message": "მინდა დახმარება",
        "consent": "on",
        "homepage": "",
        "submission_key": key(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def staff(db):
    return UserFactory(username="comms", role=COMMUNICATIONS_STAFF)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="თელავის ახალგაზრდული ცენტრი")


@pytest.fixture
def opportunity(organization):
    return OpportunityFactory(
        organization=organization,
        title="წიგნების დალაგება ბიბლიოთეკაში",
        contact_name=CONTACT_NAME,
        contact_email=CONTACT_EMAIL,
        contact_phone=CONTACT_PHONE,
    )


@pytest.fixture
def member(db):
    return MemberFactory(
        first_name="ნანა",
        last_name="დაფარულიძე",
        email=VOLUNTEER_EMAIL,
        phone=VOLUNTEER_PHONE,
    )
