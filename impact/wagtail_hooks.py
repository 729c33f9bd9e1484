from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, DonorReportView


@hooks.register("register_admin_urls")
def register_donor_report_url():
    return [
        path(
            "impact/donor-report/",
            DonorReportView.as_view(),
            name="impact_donor_report",
        )
    ]


class DonorReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_donor_report_menu_item():
    return DonorReportMenuItem(
        _("Donor report"),
        reverse("impact_donor_report"),
        icon_name="download",
        order=900,
    )
