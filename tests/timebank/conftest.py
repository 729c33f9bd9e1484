"""Fixtures of the time bank's tests."""

import pytest

from timebank.factories import MemberFactory
from timebank.models import Account


@pytest.fixture
def hub_account(db):
    return Account.objects.hub()


@pytest.fixture
def nino(db):
    return MemberFactory(
        first_name="ნინო", last_name="ბერიძე", email="nino@example.org"
    )


@pytest.fixture
def giorgi(db):
    return MemberFactory(
        first_name="გიორგი", last_name="კაპანაძე", email="giorgi@example.org"
    )


def sign_in(client, member):
    """Sign `member` in as the one-time link would."""
    from timebank.members import ensure_user

    client.force_login(ensure_user(member), backend="sesame.backends.ModelBackend")
    return client
