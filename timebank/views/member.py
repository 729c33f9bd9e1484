"""A signed-in member's pages: balance and statement, offers and requests,
conversations, recording and confirming exchanges, their data."""

import functools

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery, Sum, Window
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hub.pagination import paginate
from hub.tabular import json_response

from .. import exchanges, ledger, members, notifications
from ..forms import DeletionForm, ExchangeForm, ListingForm, MessageForm
from ..models import (
    Exchange,
    Listing,
    Member,
    Movement,
    RelayedMessage,
    Response,
)
from .guards import first_submission, rate_limited

STATEMENT_PAGE_SIZE = 25
MAX_ACTIVE_LISTINGS = 30


def current_member(request):
    """The member signed in on this request, or None."""
    if not hasattr(request, "_time_bank_member"):
        user = getattr(request, "user", None)
        request._time_bank_member = (
            Member.objects.select_related("municipality", "account")
            .filter(user=user, status=Member.Status.APPROVED)
            .first()
            if user is not None and user.is_authenticated
            else None
        )
    return request._time_bank_member


def member_required(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        member = current_member(request)
        if member is None:
            return redirect_to_login(
                request.get_full_path(), reverse("timebank:sign_in")
            )
        return view(request, member, *args, **kwargs)

    return never_cache(wrapper)


def conversations_of(member):
    return (
        Response.objects.filter(Q(member=member) | Q(listing__member=member))
        .select_related("listing", "member", "listing__member")
        .order_by("-created_at", "-pk")
    )


@member_required
def me(request, member):
    account = member.account
    recent = statement_movements(account)[:5]
    return TemplateResponse(
        request,
        "timebank/me.html",
        {
            "member": member,
            "balance": ledger.balance(account),
            "account": account,
            "recent": recent,
            "to_confirm": Exchange.objects.filter(
                helper=member, status=Exchange.Status.AWAITING
            ).select_related("helped"),
            "awaiting": Exchange.objects.filter(
                helped=member, status=Exchange.Status.AWAITING
            ).select_related("helper"),
            "listings": member.listings.select_related("category").order_by(
                "status", "-created_at"
            ),
            "conversations": conversations_of(member)[:20],
        },
    )


def statement_movements(account):
    """The account's movements newest first, each with `running_balance` after
    it and `counterpart_name`/`counterpart_kind` of the other side."""
    other = Movement.objects.filter(transfer=OuterRef("transfer")).exclude(
        account=OuterRef("account")
    )
    return (
        Movement.objects.filter(account=account)
        .select_related("transfer")
        .annotate(
            running_balance=Window(
                Sum("amount"),
                order_by=[F("transfer__occurred_on").asc(), F("transfer_id").asc()],
            ),
            counterpart_name=Subquery(other.values("account__member__public_name")[:1]),
            counterpart_kind=Subquery(other.values("account__kind")[:1]),
        )
        .order_by("-transfer__occurred_on", "-transfer_id")
    )


@member_required
def statement(request, member):
    page = paginate(request, statement_movements(member.account), STATEMENT_PAGE_SIZE)
    return TemplateResponse(
        request,
        "timebank/statement.html",
        {
            "member": member,
            "balance": ledger.balance(member.account),
            "page_obj": page,
            "movements": page.object_list,
        },
    )


def _listing_page(request, member, form, listing=None, status=200):
    return TemplateResponse(
        request,
        "timebank/listing_form.html",
        {"member": member, "form": form, "listing": listing},
        status=status,
    )


@member_required
def listing_new(request, member):
    if request.method != "POST":
        form = ListingForm(
            initial={
                "municipality": member.municipality_id,
                "kind": request.GET.get("kind") or Listing.Kind.OFFER,
            }
        )
        return _listing_page(request, member, form)
    form = ListingForm(request.POST)
    if form.is_spam:
        return redirect("timebank:me")
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return _listing_page(request, member, form)
    key = form.cleaned_data["submission_key"]
    if Listing.objects.filter(submission_key=key).exists():
        return redirect("timebank:me")
    active = member.listings.filter(status=Listing.Status.ACTIVE).count()
    if active >= MAX_ACTIVE_LISTINGS:
        form.add_error(
            None,
            _("You have %(count)d active offers and requests; close some first.")
            % {"count": active},
        )
        return _listing_page(request, member, form)
    listing = form.save(commit=False)
    listing.member = member
    listing.submission_key = key
    try:
        with transaction.atomic():
            listing.save()
    except IntegrityError:  # the same form posted twice at the same moment
        return redirect("timebank:me")
    messages.success(request, _("Published. Other members can now respond."))
    return redirect(listing.get_absolute_url())


@member_required
def listing_edit(request, member, pk):
    listing = get_object_or_404(
        Listing.objects.exclude(status=Listing.Status.HIDDEN), pk=pk, member=member
    )
    if request.method != "POST":
        return _listing_page(request, member, ListingForm(instance=listing), listing)
    form = ListingForm(request.POST, instance=listing)
    if form.is_spam:
        return redirect("timebank:me")
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return _listing_page(request, member, form, listing)
    form.save()
    messages.success(request, _("Your changes are saved."))
    return redirect("timebank:me")


@member_required
@require_POST
def listing_close(request, member, pk):
    listing = get_object_or_404(Listing, pk=pk, member=member)
    reopen = request.POST.get("reopen") == "1"
    if listing.status != Listing.Status.HIDDEN:
        listing.status = Listing.Status.ACTIVE if reopen else Listing.Status.CLOSED
        listing.save(update_fields=["status"])
    messages.success(
        request, _("Published again.") if reopen else _("Closed: no longer shown.")
    )
    return redirect("timebank:me")


def _send_message(request, member, response, body):
    message = RelayedMessage.objects.create(response=response, sender=member, body=body)
    recipient = response.other_member(member)
    delivered = notifications.relayed(message, recipient)
    if delivered:
        RelayedMessage.objects.filter(pk=message.pk).update(delivered=True)
    return delivered


@member_required
@require_POST
def respond(request, member, pk):
    """ "I can help" / "I'd like this": the first message to the listing's member."""
    listing = Listing.objects.public().filter(pk=pk).first()
    if listing is None:
        raise Http404(_("This offer or request is not published."))
    if listing.member_id == member.pk:
        return redirect(listing.get_absolute_url())
    form = MessageForm(request.POST)
    if form.is_spam:
        return redirect(listing.get_absolute_url())
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return TemplateResponse(
            request,
            "timebank/listing_detail.html",
            {"listing": listing, "member": member, "form": form},
        )
    if rate_limited(request, "timebank.message", "TIME_BANK_MESSAGE_RATE", "user"):
        form.add_error(None, _("You sent many messages in the last hour. Please wait."))
        return TemplateResponse(
            request,
            "timebank/listing_detail.html",
            {"listing": listing, "member": member, "form": form},
            status=429,
        )
    response, _created = Response.objects.get_or_create(listing=listing, member=member)
    if first_submission(form, "timebank:message"):
        delivered = _send_message(request, member, response, form.cleaned_data["body"])
        messages.success(
            request,
            _("Your message was sent. The answer will come by e-mail.")
            if delivered
            else _(
                "Your message is saved. This member has no e-mail: a coordinator "
                "will pass it on by phone."
            ),
        )
    return redirect("timebank:conversation", pk=response.pk)


@member_required
def conversation(request, member, pk):
    response = get_object_or_404(conversations_of(member), pk=pk)
    form = MessageForm()
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_spam:
            return redirect("timebank:conversation", pk=pk)
        if form.is_valid():
            if rate_limited(
                request, "timebank.message", "TIME_BANK_MESSAGE_RATE", "user"
            ):
                form.add_error(
                    None, _("You sent many messages in the last hour. Please wait.")
                )
            else:
                if first_submission(form, "timebank:message"):
                    _send_message(request, member, response, form.cleaned_data["body"])
                    messages.success(request, _("Your message was sent."))
                return redirect("timebank:conversation", pk=pk)
        elif "submission_key" in form.errors:
            form.renew_key()
    other = response.other_member(member)
    return TemplateResponse(
        request,
        "timebank/conversation.html",
        {
            "member": member,
            "response": response,
            "other": other,
            "thread": response.messages.select_related("sender"),
            "form": form,
        },
    )


def contacts_of(member):
    """Approved members the member has been in touch with."""
    responded_to = Response.objects.filter(member=member).values("listing__member")
    responded = Response.objects.filter(listing__member=member).values("member")
    return (
        Member.objects.approved()
        .filter(Q(pk__in=responded_to) | Q(pk__in=responded))
        .exclude(pk=member.pk)
        .order_by("public_name")
    )


@member_required
def exchange_new(request, member):
    contacts = contacts_of(member)
    initial = {}
    if (number := request.GET.get("with", "")).isascii() and number.isdigit():
        initial["helper"] = request.GET["with"]
    form = ExchangeForm(
        request.POST if request.method == "POST" else None,
        member=member,
        contacts=contacts,
        initial=initial,
    )
    context = {"member": member, "form": form}
    if request.method != "POST":
        return TemplateResponse(request, "timebank/exchange_form.html", context)
    if form.is_spam:
        return redirect("timebank:me")
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return TemplateResponse(request, "timebank/exchange_form.html", context)
    data = form.cleaned_data
    if Exchange.objects.filter(submission_key=data["submission_key"]).exists():
        return redirect("timebank:me")
    minutes = data["total_minutes"]
    account = member.account
    if (
        account.lower_limit is not None
        and ledger.balance(account) - minutes < account.lower_limit
    ):
        form.add_error(
            "hours",
            _(
                "Your balance would go below your limit of %(limit)s. Ask a "
                "coordinator if you need more time."
            )
            % {"limit": ledger.format_minutes(account.lower_limit)},
        )
        return TemplateResponse(request, "timebank/exchange_form.html", context)
    try:
        with transaction.atomic():
            exchange = Exchange.objects.create(
                helper=data["helper_member"],
                helped=member,
                minutes=minutes,
                description=data["description"],
                occurred_on=data["occurred_on"],
                submission_key=data["submission_key"],
            )
    except IntegrityError:
        return redirect("timebank:me")
    sent = notifications.exchange_to_confirm(exchange)
    messages.success(
        request,
        _("Recorded. %(name)s will be asked to confirm it.")
        % {"name": exchange.helper.display_name}
        if sent
        else _(
            "Recorded. %(name)s has no e-mail: a coordinator will confirm it with them."
        )
        % {"name": exchange.helper.display_name},
    )
    return redirect("timebank:me")


@member_required
@require_POST
def exchange_decide(request, member, pk):
    """The helper confirms (the ledger pays) or declines a recorded exchange."""
    exchange = get_object_or_404(
        Exchange.objects.select_related("helper", "helped"), pk=pk, helper=member
    )
    if exchange.status != Exchange.Status.AWAITING:
        messages.info(request, _("This exchange was already decided."))
        return redirect("timebank:me")
    if request.POST.get("decision") == "decline":
        exchanges.decline(exchange)
        notifications.exchange_decided(exchange)
        messages.success(request, _("Declined. No hours were moved."))
        return redirect("timebank:me")
    try:
        exchanges.confirm(exchange)
    except ledger.LedgerError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("timebank:me")
    notifications.exchange_decided(exchange)
    messages.success(
        request,
        _("Confirmed: %(time)s added to your account.")
        % {"time": ledger.format_minutes(exchange.minutes)},
    )
    return redirect("timebank:me")


@member_required
def my_data(request, member):
    """Everything the time bank keeps about the member, as JSON."""
    return json_response(
        f"time-bank-member-{member.pk}.json", members.personal_data(member)
    )


@member_required
def leave(request, member):
    form = DeletionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not form.is_spam and form.is_valid():
        members.anonymise(member)
        logout(request)
        return TemplateResponse(request, "timebank/left.html", {})
    return TemplateResponse(
        request,
        "timebank/leave.html",
        {"member": member, "form": form, "balance": ledger.balance(member.account)},
    )
