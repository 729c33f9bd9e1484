"""Staff exports of admin listings, built off the request path.

An index view with `BackgroundExportMixin` answers "Download CSV / XLSX"
(`?export=csv|xlsx`, with the listing's filters and search) by recording an
`AdminExport`, queueing `build_admin_export` and redirecting back to the
listing at once. The task runs the same URL's view in the worker, with a
request rebuilt from what was recorded (the address, the user, the language),
so the file has the rows, columns, filters, formula guard and permissions the
request would have had: that user's, checked again when it is built. The
file goes to the private storage under an unguessable name; the user
downloads it from "My exports" (nobody else may, but a superuser), for
`KEEP_DAYS` days. Immediate tasks (development, tests) build it before the
redirect, and the message links straight to it.
"""

import logging
import re
import secrets
from datetime import timedelta
from importlib import import_module
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.messages.storage import default_storage as message_storage
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_tasks import task
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.models import AdminExport
from hub.tabular import XLSX_TYPE, SafeSpreadsheetExportMixin

logger = logging.getLogger(__name__)

FOLDER = "admin-exports"
#: Days an export is kept; older ones are removed when a new one is built.
KEEP_DAYS = 3
#: A build not done by then was lost (a worker killed): shown as failed.
LOST_AFTER = timedelta(hours=1)
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}
FILENAME = re.compile(r'filename="?([^";]+)"?')


class BackgroundExportMixin(SafeSpreadsheetExportMixin):
    """For the index views of viewsets with `list_export`: the export is a
    background task (and every cell guarded, as `SafeSpreadsheetExportMixin`)."""

    def get(self, request, *args, **kwargs):
        # After dispatch: the view's own permission checks have passed.
        if self.is_export and not getattr(request, "builds_admin_export", False):
            return queue_export(request, self)
        return super().get(request, *args, **kwargs)


def export_storage():
    """The private storage (object storage when configured), never the public
    media: the same place as initiatives' attachments."""
    if "private" in settings.STORAGES:
        return storages["private"]
    return FileSystemStorage(
        location=settings.PRIVATE_MEDIA_ROOT,
        file_permissions_mode=0o600,
        directory_permissions_mode=0o700,
    )


def queue_export(request, view):
    export = AdminExport.objects.create(
        user=request.user,
        title=str(view.get_page_title())[:255],
        url=request.build_absolute_uri(),
        # The language outside the admin's per-user override: Wagtail's CSV
        # is written while the response streams, in this language.
        language=getattr(request, "LANGUAGE_CODE", None) or translation.get_language(),
        export_format=request.GET["export"],
    )
    build_admin_export.enqueue(export.pk)
    export.refresh_from_db()  # built already by immediate tasks
    exports_url = reverse("hub_admin_exports")
    if export.status == AdminExport.Status.READY:
        messages.success(
            request,
            _("Your export “%(title)s” is ready.") % {"title": export.title},
            buttons=[messages.button(download_url(export), _("Download"))],
        )
    elif export.status == AdminExport.Status.FAILED:
        messages.error(
            request,
            _("Your export “%(title)s” could not be built.") % {"title": export.title},
            buttons=[messages.button(exports_url, _("My exports"))],
        )
    else:
        messages.success(
            request,
            _(
                "Your export “%(title)s” is being prepared. It will be under "
                "“My exports” in the menu."
            )
            % {"title": export.title},
            buttons=[messages.button(exports_url, _("My exports"))],
        )
    params = request.GET.copy()
    params.pop("export")
    listing = getattr(view, "index_url", None) or request.path
    return redirect(f"{listing}?{params.urlencode()}" if params else listing)


@task()
def build_admin_export(export_id):
    remove_old_exports()
    export = (
        AdminExport.objects.select_related("user")
        .filter(pk=export_id, status=AdminExport.Status.PENDING)
        .first()
    )
    if export is None:
        return
    try:
        filename, content = render_export(export)
    except Exception:
        logger.exception("Admin export %s failed", export_id)
        filename = None
    if filename is None:
        export.status = AdminExport.Status.FAILED
        export.save(update_fields=["status"])
        return
    name = f"{FOLDER}/{secrets.token_urlsafe(24)}/{filename}"
    export.file = export_storage().save(name, ContentFile(content))
    export.filename = filename
    export.status = AdminExport.Status.READY
    export.save(update_fields=["file", "filename", "status"])


def render_export(export):
    """(filename, bytes) of what the export's request answers, or (None, None)
    if it answers no file (the user may no longer export this listing)."""
    from django.test import RequestFactory  # here: web processes never need it

    address = urlsplit(export.url)
    request = RequestFactory().get(
        f"{address.path}?{address.query}",
        secure=address.scheme == "https",
        headers={"host": address.netloc},
    )
    request.user = export.user
    request.LANGUAGE_CODE = export.language
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    request._messages = message_storage(request)
    request.builds_admin_export = True
    match = resolve(address.path)
    with translation.override(export.language):
        response = match.func(request, *match.args, **match.kwargs)
        disposition = response.get("Content-Disposition", "")
        found = FILENAME.search(disposition)
        if response.status_code != 200 or not found:
            return None, None
        # Read, not closed: closing sends `request_finished`, whose handler
        # closes the worker's database connection mid-task.
        content = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
    return found.group(1), content


def remove_old_exports():
    """Exports older than KEEP_DAYS, rows and files (see `file_removed`)."""
    cutoff = timezone.now() - timedelta(days=KEEP_DAYS)
    AdminExport.objects.filter(created_at__lt=cutoff).delete()


def file_removed(sender, instance, **kwargs):
    """post_delete of an export (old, or its user deleted): its file too."""
    if instance.file:
        export_storage().delete(instance.file)


def has_failed(export):
    lost = timezone.now() - export.created_at > LOST_AFTER
    return export.status == AdminExport.Status.FAILED or (
        export.status == AdminExport.Status.PENDING and lost
    )


def download_url(export):
    return reverse("hub_admin_export_download", args=[export.pk])


# --- The admin's pages (hub/wagtail_hooks.py) -------------------------------


class MyExportsView(WagtailAdminTemplateMixin, TemplateView):
    """The signed-in user's own exports, newest first."""

    template_name = "hub/admin/exports.html"
    page_title = gettext_lazy("My exports")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        exports = list(AdminExport.objects.filter(user=self.request.user))
        for export in exports:
            export.failed = has_failed(export)
            export.download_url = (
                download_url(export)
                if export.status == AdminExport.Status.READY
                else None
            )
        return super().get_context_data(exports=exports, keep_days=KEEP_DAYS, **kwargs)


def download(request, pk):
    """The file, to its owner (or a superuser) only: others get a 404, as if
    it did not exist."""
    export = get_object_or_404(AdminExport, pk=pk, status=AdminExport.Status.READY)
    if export.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    try:
        stored = export_storage().open(export.file)
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        stored,
        as_attachment=True,
        filename=export.filename,
        content_type=CONTENT_TYPES.get(export.export_format),
    )
