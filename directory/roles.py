"""Who may manage organizations (called from home.roles.ensure_roles).

Communications staff and moderators keep the directory: they add, edit,
publish, lock and delete organizations and translate them. The advisory
council has no rights here.
"""

from home.roles import COMMUNICATIONS_STAFF, MODERATORS, grant

ORGANIZATION_PERMISSIONS = [
    f"directory.{action}_organization"
    for action in ("view", "add", "change", "delete", "publish", "lock", "unlock")
] + ["wagtail_localize.submit_translation"]


def grant_roles():
    for role in (COMMUNICATIONS_STAFF, MODERATORS):
        grant(role, ORGANIZATION_PERMISSIONS)
