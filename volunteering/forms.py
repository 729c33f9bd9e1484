"""The public forms of volunteering: posting an opportunity, signing up, the
organization's confirmation of hours, and the listing's filters. The first two
carry the hub's spam guard (`hub.public_forms.SpamGuardForm`)."""

import re

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from hub.public_forms import SpamGuardForm
from taxonomy.models import Municipality, Topic

from .hours import MAX_MINUTES
from .models import Opportunity, SignUp

PHONE = RegexValidator(
    re.compile(r"^\+?[\d\s().-]{6,30}$"),
    _("Enter a phone number with digits only, e.g. +995 555 12 34 56."),
)
CONTACT_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+?\d[\s().-]?){9,}")


def no_contact_details(text):
    if CONTACT_IN_TEXT.search(text or ""):
        raise forms.ValidationError(
            _(
                "Please leave out phone numbers and e-mail addresses: this text "
                "is public. Volunteers sign up through the site."
            )
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OpportunityForm(SpamGuardForm, forms.ModelForm):
    """An organization's posting; staff review it before it is published."""

    organization = OrganizationChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        help_text=_(
            "Your organization in the hub's directory. Not listed? Propose it "
            "for the directory first."
        ),
        error_messages={"required": _("Choose your organization.")},
    )
    contact_phone = forms.CharField(
        label=_("Contact person's phone (private)"),
        required=False,
        max_length=40,
        validators=[PHONE],
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("We tell you here when it is published. Private."),
    )
    consent = forms.BooleanField(
        label=_(
            "I may post for this organization, and the hub may keep the contact "
            "details above to pass on sign-ups."
        ),
        error_messages={"required": _("We can only publish it with your consent.")},
    )

    class Meta:
        model = Opportunity
        fields = [
            "organization",
            "language",
            "title",
            "description",
            "municipality",
            "place",
            "is_remote",
            "starts_on",
            "ends_on",
            "time_needed",
            "skills",
            "topics",
            "minimum_age",
            "for_young_people",
            "volunteers_needed",
            "deadline",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "deadline": DateInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The directory's own (Georgian) rows: an opportunity belongs to one.
        self.fields["organization"].queryset = (
            Organization.objects.filter(
                live=True, locale__language_code=settings.LANGUAGE_CODE
            )
            .only("id", "name")
            .order_by("name", "pk")
        )
        self.fields["municipality"].queryset = Municipality.objects.all()
        self.fields["municipality"].label_from_instance = lambda m: m.name
        self.fields["topics"].label_from_instance = lambda t: t.name

    def clean_title(self):
        no_contact_details(self.cleaned_data["title"])
        return self.cleaned_data["title"]

    def clean_description(self):
        no_contact_details(self.cleaned_data["description"])
        return self.cleaned_data["description"]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class SignUpForm(SpamGuardForm, forms.ModelForm):
    """A citizen's sign-up; no account needed."""

    phone = forms.CharField(
        label=_("Phone"), required=False, max_length=40, validators=[PHONE]
    )
    consent = forms.BooleanField(
        label=_(
            "The organization and the hub's staff may use my name and contact "
            "details for this opportunity."
        ),
        error_messages={"required": _("We can only sign you up with your consent.")},
    )

    class Meta:
        model = SignUp
        fields = [
            "name",
            "email",
            "phone",
            "age_group",
            "message",
            "credit_to_time_bank",
        ]
        labels = {
            "name": _("Your name"),
            "email": _("E-mail"),
            "message": _("A short message to the organization"),
            "credit_to_time_bank": _(
                "I am a time-bank member: credit my confirmed hours to my account"
            ),
        }
        help_texts = {
            "name": "",
            "credit_to_time_bank": _(
                "Matched on your confirmed e-mail or phone in the time bank."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            if "email" not in self.errors and "phone" not in self.errors:
                self.add_error(
                    "email", _("Give an e-mail address or a phone number, or both.")
                )
        return cleaned


class HoursForm(forms.Form):
    """One volunteer's line on the organization's confirmation page."""

    attended = forms.BooleanField(label=_("Came"), required=False)
    hours = forms.IntegerField(
        label=_("Hours"), min_value=0, max_value=MAX_MINUTES // 60, required=False
    )
    minutes = forms.IntegerField(
        label=_("Minutes"), min_value=0, max_value=59, required=False
    )

    def clean(self):
        cleaned = super().clean()
        total = (cleaned.get("hours") or 0) * 60 + (cleaned.get("minutes") or 0)
        if cleaned.get("attended") and not total and not self.errors:
            raise forms.ValidationError(_("Give the hours of a volunteer who came."))
        if total > MAX_MINUTES:
            raise forms.ValidationError(
                _("At most %(hours)d hours for one volunteer.")
                % {"hours": MAX_MINUTES // 60}
            )
        cleaned["total_minutes"] = total
        return cleaned


class FilterForm(forms.Form):
    """The listing's filters; invalid values are ignored and explained."""

    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    date = forms.DateField(label=_("Available on"), required=False, widget=DateInput())
    remote = forms.BooleanField(label=_("Remote"), required=False)
    young = forms.BooleanField(label=_("For young people"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].label_from_instance = lambda m: m.name
        self.fields["topic"].label_from_instance = lambda t: t.name

    def apply(self, queryset):
        if not self.is_valid():
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        else:
            data = self.cleaned_data
        from django.db.models import Q

        if data.get("q"):
            words = data["q"].split()
            for word in words[:8]:
                queryset = queryset.filter(
                    Q(title__icontains=word)
                    | Q(description__icontains=word)
                    | Q(skills__icontains=word)
                    | Q(organization__name__icontains=word)
                )
        if data.get("municipality"):
            queryset = queryset.filter(municipality=data["municipality"])
        if data.get("topic"):
            queryset = queryset.filter(topics=data["topic"])
        if data.get("date"):
            day = data["date"]
            queryset = queryset.filter(
                Q(starts_on__isnull=True)
                | Q(starts_on=day, ends_on__isnull=True)
                | Q(starts_on__lte=day, ends_on__gte=day)
            )
        if data.get("remote"):
            queryset = queryset.filter(is_remote=True)
        if data.get("young"):
            queryset = queryset.filter(for_young_people=True)
        return queryset
