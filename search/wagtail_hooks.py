from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import UnansweredQueriesView


@hooks.register("register_admin_urls")
def register_unanswered_queries_url():
    return [
        path(
            "reports/searches-with-no-results/",
            UnansweredQueriesView.as_view(),
            name="search_unanswered_queries",
        ),
        path(
            "reports/searches-with-no-results/results/",
            UnansweredQueriesView.as_view(results_only=True),
            name="search_unanswered_queries_results",
        ),
    ]


class UnansweredQueriesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_queryoutcome")


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return UnansweredQueriesMenuItem(
        _("Searches with no results"),
        reverse("search_unanswered_queries"),
        icon_name="search",
        order=700,
    )
