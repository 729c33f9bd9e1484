"""Fixtures of the consultation desk's tests: people, form data, admin URLs.

(Private documents go to a temporary folder for every test: tests/conftest.py.)
"""

import uuid

import pytest
from django.urls import reverse

from consultations.factories import consultant as make_consultant
from taxonomy.factories import municipality

REQUEST_URL = "/consultations/request/"  # Georgian, the default language
REQUEST_URL_EN = "/en/consultations/request/"


@pytest.fixture
def consultant(db):
    return make_consultant("consultant")


@pytest.fixture
def second_consultant(db):
    return make_consultant("consultant2")


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def request_data(organization=None, **overrides):
    """A complete, valid request as a browser would post it."""
    data = {
        "requester": "directory" if organization else "new_group",
        "organization": str(organization.pk) if organization else "",
        "group_name": "" if organization else "ყვარლის ახალგაზრდა ფერმერები",
        "municipality": "" if organization else str(municipality("kvareli").pk),
        "contact_name": "თამარ ჩიქოვანი",
        "contact_email": "tamar@example.org",
        "contact_phone": "+995 555 98 76 54",
        "kind": "legal",
        "question": "როგორ გავაფორმოთ ხელშეკრულება მოხალისეებთან?",
        "urgency": "normal",
        "preferred_mode": "phone",
        "consent": "on",
        "homepage": "",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def admin_url(name, *args):
    return reverse(f"consultations_case:{name}", args=args)
