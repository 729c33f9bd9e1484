"""The demo initiatives cover every state and give demo reviewers work."""

import pytest
from django.urls import reverse

from initiatives import demo, factories
from initiatives.models import Initiative
from tests.initiatives.admin_helpers import url

pytestmark = pytest.mark.django_db


def test_demo_has_every_state_and_waiting_work(client):
    demo.build()

    stages = set(Initiative.objects.values_list("stage", flat=True))
    assert {"moderation", "needs_changes", "council", "answered"} <= stages
    assert {"implemented", "rejected"} <= stages
    assert set(Initiative.objects.values_list("language", flat=True)) == {"ka", "en"}

    moderator = factories.staff_user("Moderators", "moderator")
    client.force_login(moderator)
    home = client.get(reverse("wagtailadmin_home")).text
    assert "Recycling bins along the Sighnaghi town walls" in home
    overdue = client.get(url("list"), {"overdue": "true"}).text
    assert "Recycling bins along the Sighnaghi town walls" in overdue

    council1 = factories.staff_user("Advisory council", "council1")
    client.force_login(council1)
    home = client.get(reverse("wagtailadmin_home")).text
    assert "A safe footpath to the Lagodekhi visitor centre" in home
    assert "ახალგაზრდული სივრცე გურჯაანის ბიბლიოთეკაში" not in home  # voted
