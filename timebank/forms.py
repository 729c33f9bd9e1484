"""The time bank's public forms: registration, sign-in, listings, responses,
recording an exchange. Every one carries the same spam guard as the
initiative form: a honeypot field and a submission key."""

import re
import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hub.public_forms import limit_text_lengths
from taxonomy.models import Municipality

from .ledger import MAX_MINUTES, earliest_date
from .models import Category, Listing, Member

PHONE = re.compile(r"^\+?[\d\s().-]{6,30}$")
# Contact details in a text that will be public.
CONTACT_IN_TEXT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+?\d[\s().-]?){9,}", re.UNICODE
)
EXPIRED_FORM = _("The form was incomplete. Please send it again.")


class SpamGuard(forms.Form):
    """Honeypot and submission key, as on the initiative form."""

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": EXPIRED_FORM, "invalid": EXPIRED_FORM},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_lengths(self)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))

    def renew_key(self):
        """A form whose key was refused gets a new one, so it can be sent again."""
        self.data = self.data.copy()
        self.data["submission_key"] = str(uuid.uuid4())


def no_contact_details(text):
    if CONTACT_IN_TEXT.search(text or ""):
        raise forms.ValidationError(
            _(
                "Please leave out phone numbers and e-mail addresses: this text is "
                "public. Members reach each other through the site."
            )
        )


def _by_name(queryset):
    return queryset.order_by("name_en" if get_language() == "en" else "name_ka")


class RegistrationForm(forms.ModelForm, SpamGuard):
    """A citizen's registration; a coordinator approves it before any exchange."""

    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                PHONE,
                _("Enter a phone number with digits only, e.g. +995 555 12 34 56."),
            )
        ],
        help_text=_("Never published. Coordinators call members without e-mail."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent_rules = forms.BooleanField(
        label=_(
            "I agree to the time bank's rules: every hour of help is worth the "
            "same; I record only help that really happened; I treat other members "
            "with respect."
        ),
        error_messages={"required": _("Members must agree to the rules.")},
    )
    consent_data = forms.BooleanField(
        label=_(
            "I agree that the Kakheti Hub keeps my name, contact details and "
            "exchanges to run the time bank, as described above."
        ),
        error_messages={"required": _("We can only register you with your consent.")},
    )

    class Meta:
        model = Member
        fields = [
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
        ]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Surname"),
            "public_name_choice": _("How should other members see you?"),
            "chosen_name": _("The name you choose"),
            "municipality": _("Municipality"),
            "village": _("Village or town"),
            "email": _("E-mail"),
            "offer_categories": _("I can help with"),
            "offers_text": _("What I can offer, in my words"),
            "need_categories": _("I might need help with"),
            "needs_text": _("What I might need, in my words"),
            "availability": _("When are you available?"),
        }
        help_texts = {
            "first_name": _("Shown to other members with the initial of your surname."),
            "last_name": _("Never published."),
            "public_name_choice": "",
            "chosen_name": _("Only if you chose to be shown by a name of your own."),
            "municipality": "",
            "village": _("Never published: it helps coordinators find neighbours."),
            "email": _(
                "Never published. We send the confirmation and your sign-in "
                "links here. Without e-mail, a coordinator will call you."
            ),
            "offer_categories": _("Choose all that apply."),
            "offers_text": _(
                "E.g. I can drive to Telavi on Tuesdays; I teach English."
            ),
            "need_categories": _("Choose all that apply."),
            "needs_text": _("E.g. help in the vineyard at harvest time."),
            "availability": _("E.g. weekday evenings, weekends."),
        }
        widgets = {
            "public_name_choice": forms.RadioSelect,
            "offer_categories": forms.CheckboxSelectMultiple,
            "need_categories": forms.CheckboxSelectMultiple,
            "offers_text": forms.Textarea(attrs={"rows": 3}),
            "needs_text": forms.Textarea(attrs={"rows": 3}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    ABOUT_FIELDS = [
        "first_name",
        "last_name",
        "public_name_choice",
        "chosen_name",
        "municipality",
        "village",
        "phone",
        "email",
    ]
    HELP_FIELDS = [
        "offer_categories",
        "offers_text",
        "need_categories",
        "needs_text",
        "availability",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["last_name"].required = True
        self.fields["municipality"].queryset = _by_name(Municipality.objects.all())
        self.fields["municipality"].empty_label = _("Choose the municipality")
        for name in ("offer_categories", "need_categories"):
            self.fields[name].queryset = Category.objects.all()

    def about_fields(self):
        return [self[name] for name in self.ABOUT_FIELDS]

    def help_fields(self):
        return [self[name] for name in self.HELP_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email"):
            if "phone" not in self.errors and "email" not in self.errors:
                self.add_error(
                    "phone", _("Give a phone number or an e-mail address, or both.")
                )
        if (
            cleaned.get("public_name_choice") == Member.PublicName.CHOSEN
            and not (cleaned.get("chosen_name") or "").strip()
        ):
            self.add_error("chosen_name", _("Write the name you want to be shown."))
        return cleaned


class SignInForm(SpamGuard):
    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("The address you registered with. We send you a sign-in link."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ListingForm(forms.ModelForm, SpamGuard):
    class Meta:
        model = Listing
        fields = [
            "kind",
            "title",
            "category",
            "municipality",
            "description",
            "for_group",
        ]
        labels = {
            "kind": _("Is it an offer or a request?"),
            "title": _("Title"),
            "category": _("Category"),
            "municipality": _("Municipality"),
            "description": _("Description"),
            "for_group": _("For a group"),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (Listing.Kind.OFFER, _("An offer: I can help with this")),
            (Listing.Kind.REQUEST, _("A request: I need help with this")),
        ]
        self.fields["category"].empty_label = _("Choose the category")
        self.fields["municipality"].queryset = _by_name(Municipality.objects.all())
        self.fields["municipality"].empty_label = _("Choose the municipality")

    def clean_title(self):
        title = self.cleaned_data["title"]
        no_contact_details(title)
        return title

    def clean_description(self):
        description = self.cleaned_data["description"]
        no_contact_details(description)
        return description


class MessageForm(SpamGuard):
    body = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "We pass it on by e-mail without showing your address. Agree on the "
            "time and place here."
        ),
    )


def hours_and_minutes_fields():
    hours = forms.IntegerField(
        label=_("Hours"), min_value=0, max_value=MAX_MINUTES // 60, initial=1
    )
    minutes = forms.IntegerField(
        label=_("Minutes"), min_value=0, max_value=59, initial=0, required=False
    )
    return hours, minutes


class ExchangeForm(SpamGuard):
    """The member who was helped records it; the helper then confirms."""

    helper = forms.ModelChoiceField(
        label=_("Who helped you?"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("Choose from the members you were in touch with"),
    )
    helper_number = forms.IntegerField(
        label=_("…or their member number"),
        required=False,
        min_value=1,
        help_text=_("The number on the member's card or slip, e.g. 42."),
    )
    hours, minutes = hours_and_minutes_fields()
    description = forms.CharField(
        label=_("What was the help?"),
        max_length=300,
        help_text=_("E.g. a lift to the clinic in Telavi."),
    )
    occurred_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When the help was given."),
    )

    def __init__(self, *args, member, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields["helper"].queryset = contacts
        self.fields["helper"].label_from_instance = lambda m: (
            f"{m.display_name} ({m.number})"
        )
        if not self.is_bound:
            self.initial.setdefault("occurred_on", timezone.localdate())

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if day < earliest_date():
            raise forms.ValidationError(
                _("Exchanges older than a year are recorded by a coordinator.")
            )
        return day

    def clean(self):
        cleaned = super().clean()
        helper = cleaned.get("helper")
        number = cleaned.get("helper_number")
        if helper is None and number:
            helper = Member.objects.approved().filter(pk=number).first()
            if helper is None:
                self.add_error(
                    "helper_number", _("There is no approved member with this number.")
                )
        elif helper is None and "helper_number" not in self.errors:
            self.add_error("helper", _("Choose who helped you, or give their number."))
        if helper is not None and helper.pk == self.member.pk:
            self.add_error("helper", _("You cannot record help you gave yourself."))
            helper = None
        cleaned["helper_member"] = helper
        hours = cleaned.get("hours") or 0
        minutes = cleaned.get("minutes") or 0
        total = hours * 60 + minutes
        if "hours" not in self.errors and "minutes" not in self.errors:
            if total <= 0:
                self.add_error("hours", _("The time must be more than zero."))
            elif total > MAX_MINUTES:
                self.add_error(
                    "hours",
                    _("One exchange can be at most %(hours)d hours.")
                    % {"hours": MAX_MINUTES // 60},
                )
        cleaned["total_minutes"] = total
        return cleaned


class DeletionForm(SpamGuard):
    confirm = forms.BooleanField(
        label=_(
            "Yes, delete my personal data. I understand that I can no longer "
            "exchange and that my hours stay in the ledger without my name."
        ),
        error_messages={"required": _("Tick the box to confirm.")},
    )
