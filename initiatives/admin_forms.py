"""The admin form of initiatives: staff may enter one on a citizen's behalf."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .forms import AttachmentsField
from .models import Initiative
from .models.initiative import PERSONAL_FIELDS

#: Fields only a new entry has: what staff record on the author's behalf.
ENTRY_ONLY_FIELDS = ("consent", "attachments", "submission_key")


class InitiativeAdminForm(WagtailAdminModelForm):
    """The initiative as staff edit it; a new one is a paper or phone entry.

    A new entry adds what a staff member must record for the author: their
    consent, how the initiative arrived, scanned pages or photos, and a
    submission key that makes a double submit enter it once. The journey
    saves it (`journey.submit`, then `journey.confirm`), not this form.
    """

    consent = forms.BooleanField(
        label=_("The author consented to the processing of their personal data"),
        required=True,
        help_text=_(
            "Tick only if the author gave consent (signed on paper, or said so "
            "on the phone). You are recorded as the person who took it."
        ),
    )
    attachments = AttachmentsField(
        label=_("Attachments (optional)"),
        required=False,
        help_text=_(
            "Scans or photos of the paper submission: images or PDF. Only the "
            "moderators, the council and administrators can open them."
        ),
    )
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form was incomplete: reload the page and enter it."),
            "invalid": _("The form was incomplete: reload the page and enter it."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Consent and attachments are recorded once, when it is entered.
            for name in ENTRY_ONLY_FIELDS:
                self.fields.pop(name, None)
            if self.instance.anonymised_at:
                # The author's data were removed for good.
                for name in PERSONAL_FIELDS:
                    self.fields.pop(name, None)
            return
        if "channel" in self.fields:
            self.fields["channel"].choices = [
                choice
                for choice in Initiative.Channel.choices
                if choice[0] != Initiative.Channel.ONLINE
            ]
            self.initial.setdefault("channel", Initiative.Channel.PAPER)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def defer_required_fields(self):
        # A new entry goes straight to moderation: validate it in full.
        if self.instance.pk:
            super().defer_required_fields()


class AdvocacyStepAdminForm(WagtailAdminModelForm):
    """Steps are recorded for accepted initiatives only, chosen from a list.

    (Wagtail's snippet chooser would offer every initiative, drafts and
    unconfirmed ones included.)
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("initiative")
        if field is not None:
            field.queryset = (
                Initiative.objects.filter(live=True)
                .select_related("municipality")
                .order_by("title", "pk")
            )
            field.label_from_instance = lambda initiative: (
                f"{initiative.title} ({initiative.municipality})"
            )
            field.empty_label = _("Choose an accepted initiative")
