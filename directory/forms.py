"""The public side's forms: the directory's filters and the proposal form.

The same `PublicOrganizationFilterSet` filters the directory page, the downloads
and the API, so "filtered like the page" holds by construction.
"""

import datetime
import logging
import uuid

import django_filters
from django import forms
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.actions.create import CreateAction
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from directory.models import Organization
from directory.proposals import (
    apply_changes,
    log_proposal,
    propose_changes,
)
from hub.analysis import build_query, query_terms
from hub.public_forms import limit_text_lengths
from taxonomy.models import Municipality, Topic

logger = logging.getLogger(__name__)

# Searched with icontains as well as the search backend: the backend matches
# whole words (or word prefixes), but a visitor may type any part of a
# Georgian word, e.g. "მოხალისე" for "მოხალისეთა".
PARTIAL_MATCH_FIELDS = ["name", "description", "target_groups", "address"]


def matching_pks(query):
    """Pks of live organizations whose indexed text matches `query`.

    The query is analysed like the site search (Georgian stems, Latin
    transliteration). Any backend error (e.g. Elasticsearch down) is logged
    and the partial-word match alone answers, so a search never fails a page.
    """
    terms = query_terms(query)
    if not terms:
        return []
    try:
        results = get_search_backend().search(
            build_query(terms), Organization.objects.filter(live=True)
        )
        return [organization.pk for organization in results]
    except Exception:  # the backends' errors have no common base class
        logger.exception("Directory search failed; using partial matching only")
        return []


class PublicOrganizationFilterSet(django_filters.FilterSet):
    """Text search and the three filters of the directory page."""

    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=200, strip=True
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        field_name="municipalities",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        empty_label=_("All municipalities"),
        distinct=False,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Field of work"),
        field_name="fields_of_work",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("All fields of work"),
        distinct=False,
    )
    legal_form = django_filters.ChoiceFilter(
        label=_("Legal form"),
        choices=Organization.LegalForm.choices,
        empty_label=_("All legal forms"),
    )

    class Meta:
        model = Organization
        fields = []

    def search(self, queryset, name, value):
        partial = Q()
        for field in PARTIAL_MATCH_FIELDS:
            partial |= Q(**{f"{field}__icontains": value})
        return queryset.filter(Q(pk__in=matching_pks(value)) | partial)


#: The longest description the public form takes (the model's field is open).
DESCRIPTION_MAX_LENGTH = 5000

#: Key in the log entry data of a revision made by the public proposal form.
EXPIRED_FORM_MESSAGE = _(
    "This form has expired. Please check your entries and send it again."
)


class ProposalForm(forms.Form):
    """A new directory entry, or a correction of one, proposed by anybody.

    Its data become a draft for staff to review; the model's own form fields
    (and so its validators, e.g. the 9-digit identification code) are reused.
    """

    NEW = "new"
    CORRECTION = "correction"
    ORGANIZATION_FIELDS = [
        "name",
        "legal_form",
        "identification_code",
        "founding_year",
        "municipalities",
        "address",
        "fields_of_work",
        "target_groups",
        "description",
        "email",
        "phone",
        "website",
        "facebook_url",
    ]
    PRIVATE_CONTACT_FIELDS = ["contact_person", "contact_person_phone"]

    kind = forms.ChoiceField(
        label=_("What would you like to do?"),
        choices=[
            (NEW, _("Add a new organization")),
            (CORRECTION, _("Correct or update an organization already listed")),
        ],
        initial=NEW,
        widget=forms.RadioSelect,
    )
    organization = forms.ModelChoiceField(
        label=_("Organization to correct"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Choose the organization"),
        help_text=_("Only for a correction."),
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("Not published. We write to you when your proposal is published."),
    )
    message = forms.CharField(
        label=_("Message to the hub's staff"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Not published. E.g. what changed and why."),
    )
    # A field people never see; bots that fill every field give themselves away.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # Identifies one filled-in form, so a double submit creates one draft.
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": EXPIRED_FORM_MESSAGE,
            "invalid": EXPIRED_FORM_MESSAGE,
        },
    )

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        model_fields = forms.fields_for_model(
            Organization,
            fields=self.ORGANIZATION_FIELDS + self.PRIVATE_CONTACT_FIELDS,
            widgets={
                "municipalities": forms.CheckboxSelectMultiple,
                "fields_of_work": forms.CheckboxSelectMultiple,
                "description": forms.Textarea(attrs={"rows": 5}),
            },
        )
        for name, field in model_fields.items():
            # The model's validators (e.g. 9 digits) run on the form too.
            extra = Organization._meta.get_field(name).validators
            field.validators = [*field.validators, *extra]
            # Required-ness depends on the kind of proposal: checked in clean().
            field.required = False
            field.help_text = PUBLIC_HELP_TEXTS.get(name, "")
            self.fields[name] = field
        # A length the browser enforces too (maxlength), so that nobody types a
        # text the server must refuse as a whole (413/400) and loses the form.
        self.fields["description"].max_length = DESCRIPTION_MAX_LENGTH
        self.fields["description"].validators.append(
            MaxLengthValidator(DESCRIPTION_MAX_LENGTH)
        )
        self.fields["description"].widget.attrs["maxlength"] = str(
            DESCRIPTION_MAX_LENGTH
        )
        # A correction leaves the legal form as it is unless one is chosen.
        self.fields["legal_form"].choices = [
            ("", _("Choose the legal form")),
            *Organization.LegalForm.choices,
        ]
        self.fields["legal_form"].initial = ""
        name_order = "name_en" if get_language() == "en" else "name_ka"
        for name in ("municipalities", "fields_of_work"):
            field = self.fields[name]
            field.queryset = field.queryset.order_by(name_order)
        self.fields["contact_person"].label = _("Contact person")
        self.fields["contact_person_phone"].label = _("Contact person's phone")
        if organizations is not None:
            self.fields["organization"].queryset = organizations
        self.order_fields(
            ["kind", "organization", *self.ORGANIZATION_FIELDS]
            + self.PRIVATE_CONTACT_FIELDS
            + ["submitter_email", "message", "homepage", "submission_key"]
        )
        limit_text_lengths(self)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def renew_key(self):
        """Give a form whose key was refused a new one, so it can be sent again."""
        self.data = self.data.copy()
        self.data["submission_key"] = str(uuid.uuid4())

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))

    @property
    def public_fields(self):
        return [self[name] for name in self.ORGANIZATION_FIELDS]

    @property
    def private_fields(self):
        return [
            self[name]
            for name in [*self.PRIVATE_CONTACT_FIELDS, "submitter_email", "message"]
        ]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == self.CORRECTION:
            if not cleaned.get("organization") and "organization" not in self.errors:
                self.add_error("organization", _("Choose the organization to correct."))
            if not filled_in(cleaned) and not cleaned.get("message"):
                raise forms.ValidationError(
                    _("Fill in at least one field to change, or write a message.")
                )
        elif kind == self.NEW:
            for name in ("name", "legal_form", "municipalities"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("This field is required."))
            name = cleaned.get("name")
            if (
                name
                and Organization.objects.filter(
                    live=True, name__iexact=name.strip()
                ).exists()
            ):
                self.add_error(
                    "name",
                    _(
                        "An organization with this name is already listed: "
                        "propose a correction of it instead."
                    ),
                )
        return cleaned

    @transaction.atomic
    def save(self):
        """Store the proposal as a draft for staff; nothing becomes public.

        A new organization is created unpublished; a correction is saved as a
        new draft revision of the chosen organization, leaving its live
        version untouched until staff publish it.
        """
        values = filled_in(self.cleaned_data)
        values["data_confirmed_on"] = datetime.date.today()
        email = self.cleaned_data["submitter_email"]
        note = _("Proposed through the public form by %(email)s.") % {"email": email}
        if self.cleaned_data.get("message"):
            note = f"{note}\n{self.cleaned_data['message']}"
        if self.cleaned_data["kind"] == self.CORRECTION:
            return propose_changes(
                self.cleaned_data["organization"],
                values,
                note=note,
                submitter_email=email,
            )
        organization = apply_changes(
            Organization(locale=Locale.get_active()),
            values,
            note=note,
            submitter_email=email,
        )
        create = create_with_free_slug(organization)
        log_proposal(
            organization, "wagtail.create", create.revision, submitter_email=email
        )
        return organization


def filled_in(cleaned_data):
    """The organization fields of a proposal that are not left empty."""
    return {
        name: value
        for name in ProposalForm.ORGANIZATION_FIELDS
        + ProposalForm.PRIVATE_CONTACT_FIELDS
        if (value := cleaned_data.get(name)) not in (None, "")
        # an empty multiple choice is an empty queryset
        and (not hasattr(value, "model") or value.exists())
    }


#: How often a new organization's slug is tried again when another proposal
#: took the same one at the same moment.
SLUG_ATTEMPTS = 10


def create_with_free_slug(organization):
    """Create a proposed organization as a draft under a slug free in its locale.

    Two people proposing the same name at once both find "name" free; the
    second insert then breaks the unique constraint. Each attempt runs in a
    savepoint, so the loser looks again (it now sees the winner's slug) and
    takes "name-2" instead of failing with a 500.
    """
    for attempt in range(SLUG_ATTEMPTS):
        organization.slug = unique_slug(organization.name, organization.locale)
        try:
            with transaction.atomic():
                create = CreateAction(organization, user=None, log_action=False)
                create.execute(skip_permission_checks=True)
                return create
        except IntegrityError:
            if attempt == SLUG_ATTEMPTS - 1 or not slug_taken(organization):
                raise
            organization.pk = None
            organization._state.adding = True


def slug_taken(organization):
    return Organization.objects.filter(
        locale=organization.locale, slug=organization.slug
    ).exists()


def unique_slug(name, locale):
    """A slug for a new organization, free in its locale."""
    base = slugify(name, allow_unicode=True)[:200] or "organization"
    slug, number = base, 2
    while Organization.objects.filter(locale=locale, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


PUBLIC_HELP_TEXTS = {
    "name": _("The full name, as registered."),
    "identification_code": _("The 9-digit code of the public registry, if any."),
    "municipalities": _("Where the organization works."),
    "fields_of_work": _("Topics it works on."),
    "target_groups": _("Whom it serves, e.g. youth, women, farmers."),
    "description": _("What it does, in a few sentences."),
    "email": _("Published in the directory."),
    "phone": _("Published in the directory."),
    "contact_person": _("Not published: for the hub's staff only."),
    "contact_person_phone": _("Not published: for the hub's staff only."),
}
