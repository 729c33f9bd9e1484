"""The coordinators' forms in the admin."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import PHONE
from .ledger import MAX_MINUTES
from .models import Member, Transfer

MEMBER_FIELDS = [
    "first_name",
    "last_name",
    "public_name_choice",
    "chosen_name",
    "municipality",
    "village",
    "phone",
    "email",
    "offer_categories",
    "offers_text",
    "need_categories",
    "needs_text",
    "availability",
    "language",
]


class MemberAdminForm(forms.ModelForm):
    """A member's details, as a coordinator edits them."""

    class Meta:
        model = Member
        fields = [*MEMBER_FIELDS, "staff_notes"]
        widgets = {
            "offer_categories": forms.CheckboxSelectMultiple,
            "need_categories": forms.CheckboxSelectMultiple,
            "public_name_choice": forms.RadioSelect,
        }

    def save(self, commit=True):
        member = super().save(commit=False)
        if "email" in self.changed_data:
            # A new address is not confirmed until its owner opens a link.
            member.email_confirmed_at = None
        if commit:
            member.save()
            self.save_m2m()
        return member

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number with digits only, e.g. +995 555 12 34 56.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error(
                "phone", _("Give a phone number or an e-mail address, or both.")
            )
        if (
            cleaned.get("public_name_choice") == Member.PublicName.CHOSEN
            and not (cleaned.get("chosen_name") or "").strip()
        ):
            self.add_error("chosen_name", _("Write the name to be shown."))
        return cleaned


class MemberRegistrationAdminForm(MemberAdminForm):
    """A registration taken on paper or by phone."""

    channel = forms.ChoiceField(
        label=_("Registered"),
        choices=[
            (Member.Channel.PAPER, _("On paper")),
            (Member.Channel.PHONE, _("By phone")),
            (Member.Channel.IN_PERSON, _("In person")),
        ],
    )
    consent = forms.BooleanField(
        label=_(
            "The person agreed to the time bank's rules and to the processing of "
            "their data (signed form or recorded by phone)."
        ),
        error_messages={"required": _("Members can only be registered with consent.")},
    )
    approve_now = forms.BooleanField(
        label=_("Approve at once"),
        required=False,
        initial=True,
        help_text=_("You checked the registration yourself."),
    )

    class Meta(MemberAdminForm.Meta):
        fields = MEMBER_FIELDS


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (for the coordinators' records)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class AnonymiseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Delete this member's personal data. Their movements stay in the "
            "ledger as a former member's."
        ),
        error_messages={"required": _("Tick the box to confirm.")},
    )


def _hours_field(label, help_text):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=-10_000,
        max_value=10_000,
        help_text=help_text,
    )


class LimitsForm(forms.Form):
    lower_hours = _hours_field(
        _("Lower limit (hours)"),
        _("E.g. -10: the balance may go ten hours below zero. Empty for no limit."),
    )
    upper_hours = _hours_field(
        _("Upper limit (hours)"),
        _("E.g. 50: no more hours are received above it. Empty for no limit."),
    )

    @staticmethod
    def minutes(hours):
        return None if hours is None else hours * 60


class RecordExchangeForm(forms.Form):
    """An exchange from a paper slip or a phone call, or hours from the hub."""

    helper_number = forms.IntegerField(
        label=_("Member number of who helped"),
        min_value=1,
        help_text=_("This member receives the time."),
    )
    helped_number = forms.IntegerField(
        label=_("Member number of who was helped"),
        min_value=1,
        required=False,
        help_text=_(
            "This member gives the time. Leave empty to credit hours from the "
            "hub's account (e.g. starting hours)."
        ),
    )
    hours = forms.IntegerField(
        label=_("Hours"), min_value=0, max_value=MAX_MINUTES // 60
    )
    minutes = forms.IntegerField(
        label=_("Minutes"), min_value=0, max_value=59, required=False, initial=0
    )
    description = forms.CharField(label=_("What for"), max_length=300)
    occurred_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(
        label=_("Recorded from"),
        choices=[
            (Transfer.Channel.PAPER, _("A paper slip")),
            (Transfer.Channel.PHONE, _("A phone call")),
            (Transfer.Channel.IN_PERSON, _("In person")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("occurred_on", timezone.localdate())

    def _member(self, name):
        number = self.cleaned_data.get(name)
        if not number:
            return None
        member = Member.objects.filter(pk=number).select_related("account").first()
        if member is None:
            self.add_error(name, _("There is no member with this number."))
        return member

    def clean(self):
        cleaned = super().clean()
        cleaned["helper"] = self._member("helper_number")
        cleaned["helped"] = self._member("helped_number")
        if cleaned["helper"] is not None and cleaned["helper"] == cleaned["helped"]:
            self.add_error("helped_number", _("Two different members, please."))
        total = (cleaned.get("hours") or 0) * 60 + (cleaned.get("minutes") or 0)
        if "hours" not in self.errors and total <= 0:
            self.add_error("hours", _("The time must be more than zero."))
        cleaned["total_minutes"] = total
        day = cleaned.get("occurred_on")
        if day and day > timezone.localdate():
            self.add_error("occurred_on", _("The date cannot be in the future."))
        return cleaned


class ReverseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it corrected?"),
        max_length=200,
        help_text=_("E.g. recorded twice; wrong member; the helper says it was 1 h."),
    )


class ExchangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("The helper says"),
        choices=[
            ("confirm", _("Confirmed: pay the hours")),
            ("decline", _("Not right: decline")),
        ],
        widget=forms.RadioSelect,
    )
