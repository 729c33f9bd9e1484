"""Checks on the files citizens attach to an initiative.

Only images and PDF, judged by their first bytes (a renamed executable or
HTML page is refused whatever its extension), at most MAX_FILES files of
MAX_SIZE bytes each. Accepted files get a random name for storage.
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_FILES = 5
MAX_SIZE = 5 * 1024 * 1024

#: Extension allowed for each detected type.
EXTENSIONS = {
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "image/gif": {".gif"},
    "image/webp": {".webp"},
    "application/pdf": {".pdf"},
}


def sniff(head):
    """The MIME type the first bytes of a file show, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def _is_intact_image(upload):
    """Pillow can read the header of the whole image (not just its magic)."""
    from PIL import Image

    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
        return True
    except Exception:  # Pillow raises many types for a broken file
        return False
    finally:
        upload.seek(0)


def validate_attachment(upload):
    """Check one uploaded file and prepare it for storage; raise ValidationError.

    On success the upload's `content_type` is the detected type, its `name` a
    random one, and `original_name` the name the citizen gave it.
    """
    original = PurePath(upload.name or "").name
    if upload.size > MAX_SIZE:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s). The limit is %(limit)s per file.")
            % {
                "name": original,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_SIZE),
            },
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(
            _("“%(name)s” is empty.") % {"name": original}, code="empty"
        )
    upload.seek(0)
    content_type = sniff(upload.read(16))
    upload.seek(0)
    extension = PurePath(original).suffix.lower()
    if (
        content_type is None
        or extension not in EXTENSIONS[content_type]
        or (content_type != "application/pdf" and not _is_intact_image(upload))
    ):
        raise ValidationError(
            _(
                "“%(name)s” is not an image or a PDF file. Only JPEG, PNG, GIF, "
                "WebP images and PDF documents can be attached."
            )
            % {"name": original},
            code="file_type",
        )
    upload.original_name = original
    upload.content_type = content_type
    upload.name = f"{uuid.uuid4().hex}{extension}"
    return upload


def validate_attachments(uploads):
    """Check a list of uploads; raise one ValidationError listing every problem."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("You can attach at most %(max)d files.") % {"max": MAX_FILES},
            code="too_many",
        )
    errors = []
    for upload in uploads:
        try:
            validate_attachment(upload)
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    return uploads
