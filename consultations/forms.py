"""The public side's forms: the request for a consultation, the feedback answer."""

import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from hub.public_forms import SpamGuardForm
from taxonomy.models import Municipality

from .models import Case

PHONE = re.compile(r"^\+?[\d\s().-]{6,30}$")


def listed_organizations():
    """The directory's organizations a visitor may choose, as light rows."""
    return (
        Organization.objects.listed()
        .select_related(None)
        .prefetch_related(None)
        .only("pk", "name", "translation_key", "locale_id")
    )


class RequestForm(SpamGuardForm, forms.ModelForm):
    """An organization's or group's request for a consultation.

    Only validates: `consultations.casework.create_request` saves it.
    """

    DIRECTORY = "directory"
    NEW_GROUP = "new_group"

    requester = forms.ChoiceField(
        label=_("Who is asking?"),
        choices=[
            (DIRECTORY, _("An organization listed in the hub's directory")),
            (NEW_GROUP, _("An initiative group or organization not in the directory")),
        ],
        initial=DIRECTORY,
        widget=forms.RadioSelect,
    )
    organization = forms.ModelChoiceField(
        label=_("Your organization"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Choose your organization"),
        help_text=_("As listed in the directory."),
    )
    group_name = forms.CharField(
        label=_("Name of your group or organization"),
        max_length=255,
        required=False,
        help_text=_("If it is not in the directory."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Choose the municipality"),
        help_text=_(
            "Where your group works. For an organization of the directory we "
            "use the municipality it lists there."
        ),
    )
    contact_phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                PHONE,
                _("Enter a phone number with digits only, e.g. +995 555 12 34 56."),
            )
        ],
        help_text=_("If you prefer that we call you."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Kakheti Hub processes the contact details and the "
            "question above to handle this request, as described above."
        ),
        error_messages={
            "required": _("We can only accept the request with your consent.")
        },
    )

    class Meta:
        model = Case
        fields = [
            "contact_name",
            "contact_email",
            "contact_phone",
            "kind",
            "question",
            "urgency",
            "preferred_mode",
        ]
        labels = {
            "contact_name": _("Contact person"),
            "contact_email": _("E-mail"),
            "kind": _("What kind of help do you need?"),
            "question": _("Your question"),
            "urgency": _("How urgent is it?"),
            "preferred_mode": _("How would you like to meet?"),
        }
        help_texts = {
            "contact_name": _("The person we should talk to."),
            "contact_email": _(
                "We send the confirmation link and your private tracking link here."
            ),
            "kind": "",
            "question": _(
                "Describe the situation and what you need, e.g. registering the "
                "organization, a grant report, a volunteer agreement."
            ),
            "urgency": "",
            "preferred_mode": "",
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "kind": forms.RadioSelect,
            "question": forms.Textarea(attrs={"rows": 7}),
            "urgency": forms.RadioSelect,
            "preferred_mode": forms.RadioSelect,
        }

    #: Rendered in these groups, in this order.
    WHO_FIELDS = ["requester", "organization", "group_name", "municipality"]
    CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]
    QUESTION_FIELDS = ["kind", "question", "urgency", "preferred_mode"]

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            organizations if organizations is not None else listed_organizations()
        )
        name_order = "name_en" if get_language() == "en" else "name_ka"
        self.fields["municipality"].queryset = Municipality.objects.order_by(name_order)
        self.fields["contact_email"].required = True
        for name in ("kind", "urgency", "preferred_mode"):
            # Radio buttons without the empty "---------" choice.
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0]
            ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("requester") == self.DIRECTORY:
            organization = cleaned.get("organization")
            if not organization and "organization" not in self.errors:
                self.add_error(
                    "organization", _("Choose your organization from the list.")
                )
            elif (
                organization
                and not cleaned.get("municipality")
                and not organization.municipalities.exists()
            ):
                # The directory does not say where it works: ask.
                self.add_error("municipality", _("Choose the municipality."))
        elif cleaned.get("requester") == self.NEW_GROUP:
            if not (cleaned.get("group_name") or "").strip():
                self.add_error("group_name", _("Enter the name of your group."))
            if not cleaned.get("municipality") and "municipality" not in self.errors:
                self.add_error("municipality", _("Choose the municipality."))
        return cleaned

    def _post_clean(self):
        # The model's own checks (organization or group) are made in clean()
        # with the form's words; the rest of the case is set when it is saved.
        pass

    def who_fields(self):
        return [self[name] for name in self.WHO_FIELDS]

    def contact_fields(self):
        return [self[name] for name in self.CONTACT_FIELDS]

    def question_fields(self):
        return [self[name] for name in self.QUESTION_FIELDS]


class FeedbackForm(forms.Form):
    """The one question asked when a case is closed, and room for a comment."""

    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the consultation?"),
        choices=Case._meta.get_field("satisfaction").choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one answer.")},
    )
    comment = forms.CharField(
        label=_("Anything you would like to tell us? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
