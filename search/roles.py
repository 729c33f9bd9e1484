"""Who may see the search report and pin results (called from home.roles).

Communications staff keep the site's content: they see which searches find
nothing and pin results for queries (search promotions).
"""

from home.roles import COMMUNICATIONS_STAFF, grant

SEARCH_PERMISSIONS = ["search.view_queryoutcome"] + [
    f"wagtailsearchpromotions.{action}_searchpromotion"
    for action in ("add", "change", "delete")
]


def grant_roles():
    grant(COMMUNICATIONS_STAFF, SEARCH_PERMISSIONS)
