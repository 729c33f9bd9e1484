"""Documents of a case: private storage, checked uploads, guarded downloads.

Files live under `settings.CONSULTATIONS_DOCUMENTS_ROOT`, outside
`MEDIA_ROOT`: the web server never serves them and they have no URL at all
(`PrivateDocumentStorage.url` raises), so the only way to a document is the
admin's download view, which checks the user's permission first.
"""

import os
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

MAX_SIZE = 10 * 1024 * 1024
#: What consultants exchange with organizations: letters, charters, reports,
#: budgets, scans.
EXTENSIONS = (
    ".pdf",
    ".doc",
    ".docx",
    ".odt",
    ".rtf",
    ".txt",
    ".xls",
    ".xlsx",
    ".ods",
    ".csv",
    ".jpg",
    ".jpeg",
    ".png",
)


@deconstructible
class PrivateDocumentStorage(FileSystemStorage):
    """A file system storage with no URL, rooted at a setting read on each use
    (so tests and deployments can move it without a migration)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.CONSULTATIONS_DOCUMENTS_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Case documents have no URL; use the admin's download view.")


def _documents_storage():
    """The private object storage when settings define one (several servers:
    STORAGES["consultations"], `hub.object_storage`), else the folder."""
    if "consultations" in settings.STORAGES:
        return storages["consultations"]
    return PrivateDocumentStorage()


storage = _documents_storage()


def upload_path(instance, filename):
    """A random name, so a stored file says nothing about the case."""
    extension = PurePath(filename).suffix.lower()
    return f"cases/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"


def validate_document(value):
    """Checks a new upload (a file already stored was checked when it came)."""
    if getattr(value, "_committed", False):
        return
    name = PurePath(getattr(value, "original_name", None) or value.name or "").name
    if PurePath(name).suffix.lower() not in EXTENSIONS:
        raise ValidationError(
            _(
                "“%(name)s” cannot be attached: only PDF, Word, OpenDocument, "
                "Excel, text, CSV, JPEG and PNG files are accepted."
            )
            % {"name": name},
            code="file_type",
        )
    if value.size > MAX_SIZE:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s). The limit is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(value.size),
                "limit": filesizeformat(MAX_SIZE),
            },
            code="too_large",
        )
    if value.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")


def download_response(document):
    """The document as an attachment, never rendered by the browser."""
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404(_("The file of this document is missing.")) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name or PurePath(document.file.name).name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
