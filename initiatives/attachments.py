"""Citizens' attachments for the staff who review, and only for them.

The files live in the private store (`initiatives.storage`); `AttachmentView`
serves one after checking the permission `initiatives.review_initiative`
(moderators, the advisory council, administrators). Anonymous visitors are
sent to the admin's login; other staff are refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View

from .models import InitiativeAttachment

REVIEW_PERMISSION = "initiatives.review_initiative"
URL_NAME = "wagtailsnippets_initiatives_initiative:attachment"


def can_review(user):
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


def attachment_links(initiative, user):
    """[(name, size, content type, url or None)] of the initiative's attachments;
    the url only for those who may open them."""
    if not initiative.pk:
        return []
    allowed = can_review(user)
    return [
        (
            attachment.original_name,
            attachment.size,
            attachment.content_type,
            reverse(URL_NAME, args=[initiative.pk, attachment.pk]) if allowed else None,
        )
        for attachment in InitiativeAttachment.objects.filter(
            initiative_id=initiative.pk
        ).order_by("sort_order", "pk")
    ]


class AttachmentView(View):
    """One attachment: images shown inline, anything else downloaded.

    Never cached, never sniffed, sandboxed: the file is the citizen's upload.
    """

    def get(self, request, pk, attachment_pk):
        if not can_review(request.user):
            raise PermissionDenied
        attachment = get_object_or_404(
            InitiativeAttachment, pk=attachment_pk, initiative_id=pk
        )
        try:
            handle = attachment.file.storage.open(attachment.file.name)
        except FileNotFoundError as error:
            raise Http404 from error
        inline = attachment.content_type.startswith("image/")
        response = FileResponse(
            handle,
            content_type=attachment.content_type or "application/octet-stream",
            as_attachment=not inline,
            filename=attachment.original_name,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
