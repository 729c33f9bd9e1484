"""The admin form of initiatives: staff may enter one on a citizen's behalf."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class InitiativeAdminForm(WagtailAdminModelForm):
    """Adds the consent a staff member must record for a paper or phone entry."""

    consent = forms.BooleanField(
        label=_("The author consented to the processing of their personal data"),
        required=True,
        help_text=_(
            "Tick only if the author gave consent (signed on paper, or said so "
            "on the phone). You are recorded as the person who took it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Consent is recorded once, when the initiative is entered.
            self.fields.pop("consent", None)

    def defer_required_fields(self):
        # A new entry goes straight to moderation: validate it in full even
        # when saved with "Save draft".
        if self.instance.pk:
            super().defer_required_fields()

    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.pk is None:
            instance.consent_given_at = timezone.now()
            instance.consent_recorded_by = self.for_user
            instance.stage = instance.Stage.UNCONFIRMED
        if commit:
            instance.save()
            self.save_m2m()
        return instance
