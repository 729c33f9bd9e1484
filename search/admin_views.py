"""Admin report: what visitors search for and do not find."""

from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from hub.admin_exports import BackgroundExportMixin
from search.models import QueryOutcome


class UnansweredQueriesView(BackgroundExportMixin, ReportView):
    """Queries whose last search found nothing, the most frequent first, so
    editors can write the missing content or pin a result (search promotions)."""

    page_title = _("Searches with no results")
    header_icon = "search"
    index_url_name = "search_unanswered_queries"
    index_results_url_name = "search_unanswered_queries_results"
    permission_policy = ModelPermissionPolicy(QueryOutcome)
    permission_required = "view"
    columns = [
        Column("query_string", label=_("Query")),
        Column("hits", label=_("Searches (recent days)")),
        DateColumn("last_searched_at", label=_("Last searched")),
    ]
    list_export = ["query_string", "hits", "last_searched_at"]
    export_headings = {
        "query_string": _("Query"),
        "hits": _("Searches (recent days)"),
        "last_searched_at": _("Last searched"),
    }

    def get_filename(self):
        return "searches-with-no-results"

    def get_queryset(self):
        return (
            QueryOutcome.objects.filter(result_count=0)
            .annotate(
                query_string=F("query__query_string"),
                hits=Sum("query__daily_hits__hits", default=0),
            )
            .order_by("-hits", "-last_searched_at")
        )
