"""Fetching an admin listing's export: the request queues it (the test
settings' immediate tasks build it before the redirect), "My exports" serves it."""

from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from hub.models import AdminExport


def exported_file(client, response):
    """The download of the export that `response` (an `?export=` request of
    `client`) queued."""
    assert response.status_code == 302, response.status_code
    export = AdminExport.objects.latest("pk")
    assert export.status == AdminExport.Status.READY, export.status
    download = client.get(reverse("hub_admin_export_download", args=[export.pk]))
    assert download.status_code == 200, download.status_code
    return download


def export(client, url, data=None):
    """The file an export request (`?export=` in `url` or `data`) builds."""
    return exported_file(client, client.get(url, data))


def exporting_viewsets():
    """The admin's viewsets whose listings offer "Download CSV / XLSX"."""
    reverse("wagtailadmin_home")  # the URLs load, and the viewsets register
    return [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(viewset, ModelViewSet)
        # UNDEFINED (a truthy sentinel) leaves the view's default: no export.
        and isinstance(viewset.list_export, list | tuple)
        and viewset.list_export
    ]
