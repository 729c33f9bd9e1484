"""Staff actions in the admin: publish or decline a posting, confirm hours.
Each is a small form calling `moderation` or `hours`, never the tables."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from timebank.ledger import LedgerError

from . import hours, moderation
from .forms import HoursForm
from .models import Opportunity, SignUp


class StaffFormView(WagtailAdminTemplateMixin, FormView):
    """A form in the admin's frame, allowed by one Django permission."""

    template_name = "hub/admin/form.html"
    required_permission = None
    model = None
    index_url_name = None
    submit_label = _("Save")
    header_icon = "group"
    intro = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.required_permission):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=self.kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural,
            },
            {"url": "", "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            submit_label=self.submit_label,
            intro=self.get_intro(),
            **kwargs,
        )

    def get_intro(self):
        return self.intro

    def form_valid(self, form):
        try:
            with transaction.atomic():
                message = self.perform(form)
        except hours.HoursError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        except LedgerError as error:
            for text in error.messages:
                form.add_error(None, text)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(reverse(self.index_url_name))


class PublishView(StaffFormView):
    model = Opportunity
    required_permission = "volunteering.publish_opportunity"
    page_title = _("Publish the opportunity")
    submit_label = _("Publish")
    form_class = forms.Form
    intro = _(
        "It appears on the site at once; the contact person gets an e-mail with "
        "the private link to the sign-ups and to confirm hours."
    )

    def perform(self, form):
        moderation.publish(self.object)
        return _("“%(title)s” is published.") % {"title": self.object}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to whoever posted it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class DeclineView(StaffFormView):
    model = Opportunity
    required_permission = "volunteering.publish_opportunity"
    page_title = _("Decline the opportunity")
    submit_label = _("Decline")
    form_class = DeclineForm

    def perform(self, form):
        moderation.decline(self.object, form.cleaned_data["reason"])
        return _("“%(title)s” is declined.") % {"title": self.object}


class ConfirmHoursView(StaffFormView):
    """Hours confirmed by phone or on paper, entered by staff."""

    model = SignUp
    required_permission = "volunteering.change_signup"
    page_title = _("Confirm hours")
    submit_label = _("Confirm")
    form_class = HoursForm

    def get_intro(self):
        return _(
            "What the organization reports for this volunteer. A time-bank "
            "member who agreed gets the hours credited from the hub's account."
        )

    def get_initial(self):
        minutes = self.object.minutes or 0
        return {
            "attended": self.object.attended,
            "hours": minutes // 60 if minutes else None,
            "minutes": minutes % 60 if minutes else None,
        }

    def perform(self, form):
        hours.confirm(
            self.object,
            attended=form.cleaned_data["attended"],
            minutes=form.cleaned_data["total_minutes"],
            by=self.request.user,
        )
        return _("Hours saved.")
