"""Shared helpers of the initiatives admin tests: real admin URLs."""

from django.urls import reverse

from initiatives.models import Initiative

PREFIX = "wagtailsnippets_initiatives_initiative"


def url(name, *args):
    return reverse(f"{PREFIX}:{name}", args=args)


def action_url(initiative, action):
    """`/admin/snippets/initiatives/initiative/workflow/action/<pk>/<action>/<id>/`"""
    initiative.refresh_from_db()
    task_state = initiative.current_workflow_task_state
    return url("workflow_action", initiative.pk, action, task_state.pk)


def act(client, initiative, action, **data):
    response = client.post(action_url(initiative, action), data)
    initiative.refresh_from_db()
    return response


def assert_denied(response):
    """Wagtail's admin refuses with 403, a redirect home, or (for views guarded
    by a model permission) a redirect to the login page."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        location = response["Location"]
        assert location == reverse("wagtailadmin_home") or location.startswith(
            reverse("wagtailadmin_login")
        ), location


def recipients(outbox):
    return sorted(address for message in outbox for address in message.to)


def reload(initiative):
    return Initiative.objects.get(pk=initiative.pk)
