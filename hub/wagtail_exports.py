"""Wagtail's own listings with "Download CSV / XLSX" (its reports, the search
terms, the redirects), exported off the request path like the project's
(hub/admin_exports.py).

Their addresses stay Wagtail's: `urlpatterns` answers them first
(config/urls.py puts it before Wagtail's admin URLs) with the same view and
`BackgroundExportMixin`, for the listing and for its filtered results. Form
submissions are not here: the site has no form pages.
"""

from django.urls import path
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectsView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from hub.admin_exports import BackgroundExportMixin

#: (address under the admin's, Wagtail's view there)
LISTINGS = [
    ("reports/locked/", LockedPagesView),
    ("reports/workflow/", WorkflowView),
    ("reports/workflow_tasks/", WorkflowTasksView),
    ("reports/site-history/", LogEntriesView),
    ("reports/aging-pages/", AgingPagesView),
    ("searchpicks/reports/search-terms/", SearchTermsReportView),
    ("redirects/", RedirectsView),
]


def _in_the_background(view):
    return type(view.__name__, (BackgroundExportMixin, view), {"__module__": __name__})


urlpatterns = []
for route, view in LISTINGS:
    exporting = _in_the_background(view)
    urlpatterns += [
        path(route, exporting.as_view()),
        path(f"{route}results/", exporting.as_view(results_only=True)),
    ]
