"""The hub's staff roles, and the one routine that grants them.

Each app says, as data in its own `roles.py`, what each role may do with its
models:

    GRANTS = {MODERATORS: Grant(permissions=["initiatives.view_initiative"])}

`sync_roles()` runs after every `migrate` (see `hub.apps`) and gives each
role's group exactly what the apps declare, no more: a permission removed from
a declaration is taken away too. A declared permission that does not exist is
an error, so a typo can never grant nothing in silence.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

COMMUNICATIONS_STAFF = "Communications staff"
MODERATORS = "Moderators"
ADVISORY_COUNCIL = "Advisory council"
TIME_BANK_COORDINATORS = "Time-bank coordinators"
CONSULTANTS = "Consultants"
ALL_ROLES = (
    COMMUNICATIONS_STAFF,
    MODERATORS,
    ADVISORY_COUNCIL,
    TIME_BANK_COORDINATORS,
    CONSULTANTS,
)


@dataclass(frozen=True)
class Grant:
    """What one role may do, as declared by one app.

    - `permissions`: "app_label.codename" model permissions;
    - `page_permissions`: Wagtail page permission types ("add", "change",
      "publish", "lock", "unlock") on the whole page tree;
    - `collection_permissions`: "app_label.codename" on the root collection
      (images and documents).
    """

    permissions: tuple = ()
    page_permissions: tuple = ()
    collection_permissions: tuple = ()


# Every role works in the admin.
GRANTS = {role: Grant(permissions=("wagtailadmin.access_admin",)) for role in ALL_ROLES}


def declared_grants():
    """{role: Grant} merged from the `GRANTS` of every installed app's roles.py."""
    merged = {role: Grant() for role in ALL_ROLES}
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "roles"):
            continue
        declared = getattr(import_module(f"{config.name}.roles"), "GRANTS", {})
        for role, grant in declared.items():
            if role not in merged:
                raise ImproperlyConfigured(
                    f"{config.name}.roles grants to {role!r}, which is not a role "
                    f"of hub.roles.ALL_ROLES."
                )
            current = merged[role]
            merged[role] = Grant(
                *(
                    tuple(dict.fromkeys(getattr(current, name) + tuple(extra)))
                    for name, extra in (
                        ("permissions", grant.permissions),
                        ("page_permissions", grant.page_permissions),
                        ("collection_permissions", grant.collection_permissions),
                    )
                )
            )
    return merged


def _permissions(dotted_names):
    """The Permission rows for "app_label.codename" names; raises on unknown ones."""
    from django.contrib.auth.models import Permission

    wanted = {tuple(name.split(".", 1)) for name in dotted_names}
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _, codename in wanted}
        )
    }
    missing = sorted(".".join(key) for key in wanted - found.keys())
    if missing:
        raise ImproperlyConfigured(f"Unknown permissions in roles: {missing}")
    return [found[key] for key in sorted(wanted)]


def sync_roles():
    """Create the role groups and give each exactly its declared permissions."""
    from django.contrib.auth.models import Group
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
    )

    page_root = Page.get_first_root_node()
    collection_root = Collection.get_first_root_node()
    for role, grant in declared_grants().items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(grant.permissions))
        # Page permissions sit on the tree's root, so they cover every
        # language's home page, including translations made later.
        page_permissions = _permissions(
            f"wagtailcore.{kind}_page" for kind in grant.page_permissions
        )
        GroupPagePermission.objects.filter(group=group).exclude(
            page=page_root, permission__in=page_permissions
        ).delete()
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page_root, permission=permission
            )
        collection_permissions = _permissions(grant.collection_permissions)
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=collection_root, permission__in=collection_permissions
        ).delete()
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection_root, permission=permission
            )
