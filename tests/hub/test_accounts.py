"""New staff accounts use the admin in Georgian, whatever their browser says."""

import pytest
from wagtail.users.models import UserProfile

from hub.factories import UserFactory
from hub.roles import MODERATORS


@pytest.mark.django_db
def test_a_new_account_prefers_georgian(client):
    user = UserFactory(username="nino", role=MODERATORS)

    assert UserProfile.get_for_user(user).preferred_language == "ka"
    client.force_login(user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "მთავარი დაფა" in html  # "Dashboard"
    assert "Dashboard" not in html


@pytest.mark.django_db
def test_a_chosen_language_is_kept(client):
    user = UserFactory(username="anna", role=MODERATORS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.save()  # a later save leaves the choice alone

    assert UserProfile.get_for_user(user).preferred_language == "en"
