"""Fixtures shared by every test module."""

import pytest

from home.factories import home_pages as build_home_pages
from hub.factories import DEFAULT_PASSWORD, SuperuserFactory, UserFactory
from hub.roles import ADVISORY_COUNCIL, COMMUNICATIONS_STAFF, MODERATORS


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONSULTATIONS_DOCUMENTS_ROOT = tmp_path / "private-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached fragments must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_pages(db):
    """{"ka": Georgian home page, "en": English home page}."""
    return build_home_pages()


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def admin_user(db):
    return SuperuserFactory()


@pytest.fixture
def comms_user(db):
    return UserFactory(username="comms", role=COMMUNICATIONS_STAFF)


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", role=MODERATORS)


@pytest.fixture
def council_members(db):
    return [
        UserFactory(username=f"council{n}", role=ADVISORY_COUNCIL) for n in (1, 2, 3)
    ]


@pytest.fixture
def comms_client(client, comms_user):
    client.force_login(comms_user)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
