"""Who may manage organizations.

Communications staff and moderators keep the directory: they add, edit,
publish, lock and delete organizations and translate them. The advisory
council has no rights here.
"""

from hub.roles import COMMUNICATIONS_STAFF, MODERATORS, Grant

ORGANIZATIONS = Grant(
    permissions=(
        *(
            f"directory.{action}_organization"
            for action in ("view", "add", "change", "delete", "publish", "lock")
        ),
        "directory.unlock_organization",
        "wagtail_localize.submit_translation",
    )
)

GRANTS = {COMMUNICATIONS_STAFF: ORGANIZATIONS, MODERATORS: ORGANIZATIONS}
