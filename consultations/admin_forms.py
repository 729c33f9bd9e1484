"""The consultants' forms: the case page, a request entered by staff, and the
directory profile update proposed from a case."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from directory.forms import ProposalForm
from directory.models import Organization


def display_name(user):
    return user.get_full_name() or user.get_username()


class CaseAdminForm(WagtailAdminModelForm):
    """The case page: signs new notes, sessions and documents with the user."""

    #: formset -> the field of each new child that names who added it.
    SIGNED = {
        "notes": "written_by",
        "sessions": "consultant",
        "documents": "uploaded_by",
    }

    def save(self, commit=True):
        for formset_name, field in self.SIGNED.items():
            formset = self.formsets.get(formset_name)
            for form in formset.forms if formset else []:
                child = form.instance
                if child.pk is None and not getattr(child, f"{field}_id"):
                    setattr(child, field, self.for_user)
        return super().save(commit)


class StaffRequestForm(CaseAdminForm):
    """A request received by phone, in person or by e-mail, entered by a
    consultant: it starts confirmed, with the consent the consultant records."""

    consent = forms.BooleanField(
        label=_("The contact person agreed to the processing of their data"),
        error_messages={
            "required": _("Ask for the contact person's consent before entering data.")
        },
        help_text=_("Required: ask before you write anything down."),
    )

    def save(self, commit=True):
        case = self.instance
        if case.pk is None:
            case.consent_given_at = timezone.now()
            case.consent_recorded_by = self.for_user
            case.confirmed_at = timezone.now()
            if case.status == case.Status.UNCONFIRMED:
                case.status = case.Status.NEW
            if case.due_date is None:
                case.due_date = case.first_due_date()
        return super().save(commit)


class ProfileUpdateForm(forms.Form):
    """Changes to an organization's directory profile, proposed from a case.

    The directory's own fields (and so their validators); only the fields the
    consultant changes go into the draft for the directory's editors.
    """

    FIELDS = [*ProposalForm.ORGANIZATION_FIELDS, *ProposalForm.PRIVATE_CONTACT_FIELDS]

    data_confirmed = forms.BooleanField(
        label=_("The organization confirmed that its data are up to date"),
        required=False,
        help_text=_("Sets the date the data were last confirmed to today."),
    )

    def __init__(self, *args, organization, **kwargs):
        self.organization = organization
        draft = organization.get_latest_revision_as_object()
        initial = {name: getattr(draft, name) for name in self.FIELDS}
        for name in ("municipalities", "fields_of_work"):
            initial[name] = list(getattr(draft, name).all())
        initial.update(kwargs.pop("initial", None) or {})
        super().__init__(*args, initial=initial, **kwargs)
        model_fields = forms.fields_for_model(
            Organization,
            fields=self.FIELDS,
            widgets={
                "municipalities": forms.CheckboxSelectMultiple,
                "fields_of_work": forms.CheckboxSelectMultiple,
                "description": forms.Textarea(attrs={"rows": 5}),
            },
        )
        for name, field in model_fields.items():
            field.validators = [
                *field.validators,
                *Organization._meta.get_field(name).validators,
            ]
            self.fields[name] = field
        self.order_fields([*self.FIELDS, "data_confirmed"])

    def clean(self):
        cleaned = super().clean()
        if not self.changes():
            raise forms.ValidationError(
                _("Nothing was changed: change at least one field.")
            )
        return cleaned

    def changes(self):
        """{field: new value} of the fields the consultant changed."""
        changed = {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name in self.FIELDS and name in self.cleaned_data
        }
        for name in ("municipalities", "fields_of_work"):
            if name in changed:
                changed[name] = list(changed[name])
        if self.cleaned_data.get("data_confirmed"):
            changed["data_confirmed_on"] = timezone.localdate()
        return changed
