"""Wagtail's "submitted for review" e-mail links to a working preview.

Wagtail 8.0.1's snippet template builds the preview URL without the task id,
so the link renders as the bare base URL; site/templates overrides it.
"""

import re

import pytest
from django.core import mail

from initiatives import factories


@pytest.mark.django_db
def test_moderators_mail_links_to_the_workflow_preview(moderator, client):
    mail.outbox.clear()
    initiative = factories.in_moderation()
    task_state = initiative.current_workflow_task_state
    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    assert to_moderator, "the moderator was not notified"
    body = to_moderator[0].body
    expected = (
        f"/admin/snippets/initiatives/initiative/workflow/preview/"
        f"{initiative.pk}/{task_state.task_id}/"
    )
    assert expected in body
    # ...and the link works for the moderator.
    url = re.search(r"http://testserver(\S+/preview/\S+/)", body).group(1)
    client.force_login(moderator)
    assert client.get(url).status_code == 200
