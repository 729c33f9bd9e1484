"""The public side's forms: the list filters, the submission and the amendment."""

import re
import uuid

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from hub.public_forms import limit_text_lengths
from taxonomy.models import Municipality, Topic

from . import uploads
from .models import Initiative

#: Stages a published initiative can be in: the public status filter.
PUBLIC_STAGES = [
    Initiative.Stage.ACCEPTED,
    Initiative.Stage.SENT,
    Initiative.Stage.ANSWERED,
    Initiative.Stage.IMPLEMENTED,
    Initiative.Stage.PARTIALLY_IMPLEMENTED,
    Initiative.Stage.DECLINED,
    Initiative.Stage.NO_ANSWER,
]

PHONE = re.compile(r"^\+?[\d\s().-]{6,30}$")


class PublicInitiativeFilterSet(django_filters.FilterSet):
    """The filters of the public list; the data downloads use the same ones."""

    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        empty_label=_("All municipalities"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
        distinct=False,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="stage",
        choices=[(stage.value, stage.label) for stage in PUBLIC_STAGES],
        empty_label=_("Any status"),
    )

    class Meta:
        model = Initiative
        fields = []


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that lets the citizen pick several files at once."""

    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input; each checked by `uploads.validate_attachment`."""

    widget = MultipleFileInput(attrs={"accept": "image/*,application/pdf"})

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        files = [super(AttachmentsField, self).clean(f, initial) for f in files if f]
        return uploads.validate_attachments(files)


PUBLIC_NAME_CHOICES = [
    (Initiative.PublicName.FULL_NAME, _("My full name")),
    (Initiative.PublicName.INITIALS, _("Only my initials")),
    (Initiative.PublicName.ANONYMOUS, _("Do not show my name (anonymous)")),
]


def phone_field():
    return forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                PHONE,
                _("Enter a phone number with digits only, e.g. +995 555 12 34 56."),
            )
        ],
        help_text=_("Only if you prefer that we call you. Never published."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


def public_name_field():
    return forms.ChoiceField(
        label=_("How should we show you on the site?"),
        choices=PUBLIC_NAME_CHOICES,
        initial=Initiative.PublicName.FULL_NAME,
        widget=forms.RadioSelect,
    )


class InitiativeContentForm(forms.ModelForm):
    """The initiative's own text and classification, shared by both forms."""

    supporting_organization = forms.ModelChoiceField(
        label=_("Supporting organization (optional)"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        help_text=_(
            "If an organization of the hub's directory supports your initiative."
        ),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose all that apply."),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "summary",
            "problem",
            "solution",
            "request_to_municipality",
            "municipality",
            "topics",
            "supporting_organization",
        ]
        labels = {
            "title": _("Title"),
            "summary": _("Summary"),
            "problem": _("The problem"),
            "solution": _("Your proposed solution"),
            "request_to_municipality": _("What do you ask of the municipality?"),
            "municipality": _("Municipality"),
        }
        help_texts = {
            "title": _("A short title, e.g. “Street lights on the road to school”."),
            "summary": _("Your initiative in two or three sentences."),
            "problem": _("What is wrong today, and whom does it affect?"),
            "solution": _("What should change, and how?"),
            "request_to_municipality": _(
                "The concrete decision or action you ask the municipality for."
            ),
            "municipality": _("The municipality your request is addressed to."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "solution": forms.Textarea(attrs={"rows": 6}),
            "request_to_municipality": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_lengths(self)
        self.fields["supporting_organization"].queryset = (
            Organization.objects.listed().select_related(None).prefetch_related(None)
        )
        self.fields["municipality"].empty_label = _("Choose the municipality")


class SubmissionForm(InitiativeContentForm):
    """A citizen's new initiative, with their contact details and consent.

    Only validates: `initiatives.journey.submit` saves it.
    """

    attachments = AttachmentsField(label=_("Attachments (optional)"), required=False)
    author_phone = phone_field()
    public_name = public_name_field()
    consent = forms.BooleanField(
        label=_(
            "I agree that the Kakheti Hub processes my name, e-mail and phone to "
            "handle this initiative, as described above."
        ),
        error_messages={
            "required": _("We can only accept the initiative with your consent.")
        },
    )
    # Honeypot: hidden from people; bots that fill every field reveal themselves.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form was incomplete. Please send it again."),
            "invalid": _("The form was incomplete. Please send it again."),
        },
    )

    class Meta(InitiativeContentForm.Meta):
        fields = [
            *InitiativeContentForm.Meta.fields,
            "author_name",
            "author_email",
            "author_phone",
            "public_name",
        ]
        labels = {
            **InitiativeContentForm.Meta.labels,
            "author_name": _("Your name"),
            "author_email": _("Your e-mail"),
        }
        help_texts = {
            **InitiativeContentForm.Meta.help_texts,
            "author_name": _("Your first and last name. Shown only as you choose."),
            "author_email": _(
                "We send the confirmation link and news of your initiative here. "
                "Never published."
            ),
        }
        widgets = {
            **InitiativeContentForm.Meta.widgets,
            "author_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "author_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    #: Rendered in this order, in three groups.
    CONTENT_FIELDS = [*InitiativeContentForm.Meta.fields, "attachments"]
    AUTHOR_FIELDS = ["author_name", "author_email", "author_phone", "public_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, per request, so that it is in the visitor's language.
        self.fields["attachments"].help_text = _(
            "Photos or PDF documents that support your initiative: at most "
            "%(count)d files of up to %(size)d MB each."
        ) % {"count": uploads.MAX_FILES, "size": uploads.MAX_SIZE // (1024 * 1024)}
        # Online authors confirm by e-mail: here it is required (staff may
        # enter a paper or phone author without one).
        self.fields["author_email"].required = True
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))

    def content_fields(self):
        return [self[name] for name in self.CONTENT_FIELDS]

    def author_fields(self):
        return [self[name] for name in self.AUTHOR_FIELDS]


class AmendmentForm(InitiativeContentForm):
    """The author's changes after the moderators returned the initiative.

    Edits the latest draft; `initiatives.journey.resubmit` saves.
    No contact details: a forwarded tracking link must not show them.
    """

    public_name = public_name_field()

    class Meta(InitiativeContentForm.Meta):
        fields = [*InitiativeContentForm.Meta.fields, "public_name"]
