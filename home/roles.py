"""The hub's staff roles as Django groups, and what each may do.

Groups are created and granted permissions after `migrate` (post_migrate),
because Permission rows do not exist yet while the first migration runs.
Each app grants its own models' permissions with `grant()` from its own
`apps.ready()`; this module grants what the editorial site needs.
"""

from django.contrib.auth.models import Group, Permission

COMMUNICATIONS_STAFF = "Communications staff"
MODERATORS = "Moderators"
ADVISORY_COUNCIL = "Advisory council"
ALL_ROLES = (COMMUNICATIONS_STAFF, MODERATORS, ADVISORY_COUNCIL)


def grant(group_name, permissions):
    """Give a group "app_label.codename" permissions; creates the group if needed."""
    group, _ = Group.objects.get_or_create(name=group_name)
    for dotted in permissions:
        app_label, codename = dotted.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group


def _grant_page_tree(group, permission_types):
    from wagtail.models import GroupPagePermission, Page

    # On the tree's root node, so the permissions cover every language's home
    # page, including translations made after this ran.
    root = Page.get_first_root_node()
    for permission_type in permission_types:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore",
            codename=f"{permission_type}_page",
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission
        )


def _grant_collection(group, codenames):
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    for app_label, codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def ensure_roles(**kwargs):
    """Create the staff groups and grant the editorial permissions (idempotent)."""
    for name in ALL_ROLES:
        grant(name, ["wagtailadmin.access_admin"])
    from initiatives.roles import grant_roles as grant_initiative_roles

    grant_initiative_roles()
    from directory.roles import grant_roles as grant_directory_roles

    grant_directory_roles()
    from search.roles import grant_roles as grant_search_roles

    grant_search_roles()
    staff = grant(
        COMMUNICATIONS_STAFF,
        [
            "taxonomy.add_topic",
            "taxonomy.change_topic",
            "home.change_sitecontactsettings",
            "wagtail_localize.submit_translation",
        ],
    )
    _grant_page_tree(staff, ["add", "change", "publish", "lock", "unlock"])
    _grant_collection(
        staff,
        [
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ],
    )
