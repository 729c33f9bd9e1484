"""Roles are data: each app declares them, one routine grants exactly that."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import GroupPagePermission

from hub import roles
from hub.roles import COMMUNICATIONS_STAFF, MODERATORS, Grant


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


@pytest.mark.django_db
def test_each_role_has_exactly_what_the_apps_declare():
    declared = roles.declared_grants()

    for role in roles.ALL_ROLES:
        assert codenames(role) == set(declared[role].permissions)
    assert "directory.publish_organization" in codenames(MODERATORS)
    assert "initiatives.add_advocacystep" in codenames(COMMUNICATIONS_STAFF)


@pytest.mark.django_db
def test_a_permission_added_by_hand_is_taken_away_on_the_next_sync():
    group = Group.objects.get(name=MODERATORS)
    group.permissions.add(Permission.objects.get(codename="delete_user"))

    roles.sync_roles()

    assert "auth.delete_user" not in codenames(MODERATORS)


@pytest.mark.django_db
def test_moderators_get_no_page_rights_from_wagtail_s_default_group():
    # Wagtail's initial data gives its "Moderators" group every page right.
    roles.sync_roles()

    moderators = Group.objects.get(name=MODERATORS)
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    staff = Group.objects.get(name=COMMUNICATIONS_STAFF)
    assert {
        p.permission.codename for p in GroupPagePermission.objects.filter(group=staff)
    } == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


@pytest.mark.django_db
def test_an_unknown_permission_fails_loudly(monkeypatch):
    declared = roles.declared_grants()
    declared[MODERATORS] = Grant(permissions=("initiatives.approve_everything",))
    monkeypatch.setattr(roles, "declared_grants", lambda: declared)

    with pytest.raises(ImproperlyConfigured, match="approve_everything"):
        roles.sync_roles()


def test_a_grant_to_a_role_that_does_not_exist_fails_loudly(monkeypatch):
    import initiatives.roles

    monkeypatch.setitem(initiatives.roles.GRANTS, "Janitors", Grant())

    with pytest.raises(ImproperlyConfigured, match="Janitors"):
        roles.declared_grants()
