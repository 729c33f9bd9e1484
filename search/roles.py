"""Who may see the search report and pin results.

Communications staff keep the site's content: they see which searches find
nothing and pin results for queries (search promotions).
"""

from hub.roles import COMMUNICATIONS_STAFF, Grant

GRANTS = {
    COMMUNICATIONS_STAFF: Grant(
        permissions=(
            "search.view_queryoutcome",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
        )
    )
}
