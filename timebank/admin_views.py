"""The coordinators' actions in the admin: each a small form that calls the
time bank's services (`members`, `ledger`, `exchanges`), never the tables."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import exchanges, ledger, members, notifications
from .admin_forms import (
    AnonymiseForm,
    DeclineForm,
    ExchangeDecisionForm,
    LimitsForm,
    RecordExchangeForm,
    ReverseForm,
)
from .models import Account, Exchange, Member, Transfer


class CoordinatorFormView(WagtailAdminTemplateMixin, FormView):
    """A form in the admin's frame, allowed by one Django permission."""

    template_name = "hub/admin/form.html"
    required_permission = None
    model = None
    index_url_name = None
    submit_label = _("Save")
    header_icon = "time"
    intro = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.required_permission):
            raise PermissionDenied
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural,
            },
        ]
        if self.object is not None:
            items.append({"url": "", "label": str(self.object)})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            submit_label=self.submit_label,
            intro=self.get_intro(),
            **kwargs,
        )

    def get_intro(self):
        return self.intro

    def after_commit(self):
        """What to do once the change is saved (e-mails)."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                message = self.perform(form)
        except ledger.LedgerError as error:
            for text in error.messages:
                form.add_error(None, text)
            return self.form_invalid(form)
        self.after_commit()
        if message:
            messages.success(self.request, message)
        return redirect(self.get_success_url())


class ApproveView(CoordinatorFormView):
    model = Member
    required_permission = "timebank.approve_member"
    page_title = _("Approve the registration")
    submit_label = _("Approve")
    form_class = forms.Form

    def get_intro(self):
        return _(
            "%(name)s can then publish offers and requests and exchange hours; "
            "a member with a confirmed e-mail is told and gets a sign-in link."
        ) % {"name": self.object}

    def perform(self, form):
        self.object = members.approve(self.object, self.request.user)
        return _("%(name)s is approved.") % {"name": self.object}

    def after_commit(self):
        notifications.approved(self.object)


class DeclineView(CoordinatorFormView):
    model = Member
    required_permission = "timebank.approve_member"
    page_title = _("Decline the registration")
    submit_label = _("Decline")
    form_class = DeclineForm

    def perform(self, form):
        members.decline(self.object, self.request.user, form.cleaned_data["reason"])
        return _("The registration of %(name)s is declined.") % {"name": self.object}


class AnonymiseView(CoordinatorFormView):
    model = Member
    required_permission = "timebank.change_member"
    page_title = _("Delete personal data")
    submit_label = _("Delete personal data")
    form_class = AnonymiseForm

    def perform(self, form):
        number = self.object.number
        members.anonymise(self.object)
        return _("The personal data of member %(number)s are deleted.") % {
            "number": number
        }


class LimitsView(CoordinatorFormView):
    model = Member
    required_permission = "timebank.change_account"
    page_title = _("Balance limits")
    form_class = LimitsForm

    def get_initial(self):
        account = self.object.account
        return {
            "lower_hours": None
            if account.lower_limit is None
            else account.lower_limit // 60,
            "upper_hours": None
            if account.upper_limit is None
            else account.upper_limit // 60,
        }

    def get_intro(self):
        return _("Balance now: %(balance)s.") % {
            "balance": ledger.format_minutes(ledger.balance(self.object.account))
        }

    def perform(self, form):
        ledger.set_limits(
            self.object.account,
            LimitsForm.minutes(form.cleaned_data["lower_hours"]),
            LimitsForm.minutes(form.cleaned_data["upper_hours"]),
        )
        return _("The limits of %(name)s are saved.") % {"name": self.object}


class RecordExchangeView(CoordinatorFormView):
    """Paper slips and phone calls: the coordinator records for both members."""

    model = Transfer
    required_permission = "timebank.add_transfer"
    page_title = _("Record an exchange")
    submit_label = _("Record")
    form_class = RecordExchangeForm
    intro = _(
        "For members who are not online: from a paper slip signed by both, or "
        "after a phone call with both. The hours move at once."
    )

    def get_initial(self):
        initial = super().get_initial()
        for name in ("helper_number", "helped_number"):
            value = self.request.GET.get(name, "")
            if value.isascii() and value.isdigit():
                initial[name] = int(self.request.GET[name])
        return initial

    def perform(self, form):
        data = form.cleaned_data
        options = {
            "recorded_by": self.request.user,
            "occurred_on": data["occurred_on"],
            "channel": data["channel"],
        }
        if data["helped"] is None:
            made = ledger.transfer(
                Account.objects.hub(),
                data["helper"].account,
                data["total_minutes"],
                data["description"],
                kind=Transfer.Kind.HUB_CREDIT,
                **options,
            )
        else:
            made = ledger.exchange(
                data["helper"],
                data["helped"],
                data["total_minutes"],
                data["description"],
                **options,
            )
        return _("Recorded: transfer #%(number)d.") % {"number": made.pk}


class ReverseView(CoordinatorFormView):
    model = Transfer
    required_permission = "timebank.reverse_transfer"
    page_title = _("Correct by reversal")
    submit_label = _("Reverse")
    form_class = ReverseForm

    def get_intro(self):
        return _(
            "A new transfer gives the time back; the original stays in the "
            "ledger. To correct an amount, reverse it and record the right one."
        )

    def perform(self, form):
        made = ledger.reverse(
            self.object, self.request.user, form.cleaned_data["reason"]
        )
        return _("Corrected by transfer #%(number)d.") % {"number": made.pk}


class DecideExchangeView(CoordinatorFormView):
    """A helper without e-mail confirms by phone; the coordinator records it."""

    model = Exchange
    required_permission = "timebank.change_exchange"
    page_title = _("Confirm for the helper")
    submit_label = _("Save")
    form_class = ExchangeDecisionForm

    def get_object(self):
        return get_object_or_404(
            Exchange.objects.select_related("helper", "helped"),
            pk=self.kwargs["pk"],
            status=Exchange.Status.AWAITING,
        )

    def get_intro(self):
        exchange = self.object
        return _(
            "%(helped)s recorded that %(helper)s helped for %(time)s on %(date)s: "
            "%(what)s. Call %(helper)s and record the answer."
        ) % {
            "helped": exchange.helped,
            "helper": exchange.helper,
            "time": ledger.format_minutes(exchange.minutes),
            "date": exchange.occurred_on,
            "what": exchange.description,
        }

    def perform(self, form):
        if form.cleaned_data["decision"] == "decline":
            exchanges.decline(self.object)
            return _("Declined.")
        exchanges.confirm(self.object, recorded_by=self.request.user)
        return _("Confirmed: the hours moved.")

    def after_commit(self):
        notifications.exchange_decided(self.object)
