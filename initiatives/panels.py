"""Read-only panels of the initiative's admin form."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .attachments import attachment_links


class AttachmentsPanel(Panel):
    """The citizen's attachments in the edit form: links for reviewers only.

    Attachments are recorded when the initiative is entered and never edited,
    so this panel only shows them.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Attachments"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "initiatives/admin/attachments_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["links"] = attachment_links(self.instance, self.request.user)
            return context
