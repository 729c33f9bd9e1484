"""A member's life in the time bank: registration, approval, leaving.

Views and the admin call these; each step is one transaction.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.search import index

from .models import (
    Account,
    Exchange,
    Listing,
    Member,
    Movement,
    Response,
    default_lower_limit,
)


@transaction.atomic
def register(
    *,
    offer_categories=(),
    need_categories=(),
    recorded_by=None,
    **fields,
):
    """A new member, awaiting approval, with an account at the default limit.

    The caller sends the confirmation e-mail (`notifications.email_confirmation`)
    once this has committed; paper and phone registrations (`recorded_by` a
    coordinator) need none.
    """
    fields.setdefault("consent_given_at", timezone.now())
    member = Member.objects.create(consent_recorded_by=recorded_by, **fields)
    member.offer_categories.set(offer_categories)
    member.need_categories.set(need_categories)
    Account.objects.create(member=member, lower_limit=default_lower_limit())
    return member


def confirm_email(member):
    """Mark the address confirmed; False if it already was."""
    updated = Member.objects.filter(
        pk=member.pk, email=member.email, email_confirmed_at__isnull=True
    ).update(email_confirmed_at=timezone.now())
    member.refresh_from_db(fields=["email_confirmed_at"])
    return bool(updated)


def ensure_user(member):
    """The login behind the member's one-time links (no password, no staff)."""
    if member.user_id:
        return member.user
    User = get_user_model()
    user = User(username=f"timebank-member-{member.pk}", is_active=True)
    user.set_unusable_password()
    user.save()
    member.user = user
    member.save(update_fields=["user"])
    return user


@transaction.atomic
def approve(member, by):
    """Let the member exchange; the caller then sends `notifications.approved`."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status != Member.Status.PENDING and member.status != (
        Member.Status.DECLINED
    ):
        return member
    member.status = Member.Status.APPROVED
    member.decided_at = timezone.now()
    member.decided_by = by
    member.decline_reason = ""
    member.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    if member.email:
        ensure_user(member)
    sync_listings(member)
    return member


@transaction.atomic
def decline(member, by, reason=""):
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status != Member.Status.PENDING:
        return member
    member.status = Member.Status.DECLINED
    member.decided_at = timezone.now()
    member.decided_by = by
    member.decline_reason = reason
    member.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    sync_listings(member)
    return member


def sync_listings(member):
    """Show or hide the member's listings after their status changed."""
    for listing in Listing.objects.filter(member=member).select_related("member"):
        listing.member = member
        listing.save(update_fields=["live"])
        index.insert_or_update_object(listing)


@transaction.atomic
def anonymise(member):
    """Delete the member's personal data; keep their movements.

    The account and its movements stay (the ledger still sums to zero), shown
    as "Former member". Listings and the messages they wrote go; exchanges
    waiting for them are withdrawn; their login is deleted.
    """
    member = Member.objects.select_for_update().get(pk=member.pk)
    user = member.user
    Listing.objects.filter(member=member).delete()
    Response.objects.filter(member=member).delete()
    for response in Response.objects.filter(listing__member=member):
        response.messages.filter(sender=member).delete()
    Exchange.objects.filter(
        Q(helper=member) | Q(helped=member), status=Exchange.Status.AWAITING
    ).update(status=Exchange.Status.WITHDRAWN, decided_at=timezone.now())
    for name in (
        "first_name",
        "last_name",
        "chosen_name",
        "village",
        "phone",
        "email",
        "offers_text",
        "needs_text",
        "availability",
        "decline_reason",
        "staff_notes",
    ):
        setattr(member, name, "")
    member.email_confirmed_at = None
    member.status = Member.Status.LEFT
    member.left_at = timezone.now()
    member.user = None
    member.save()
    member.offer_categories.clear()
    member.need_categories.clear()
    if user is not None:
        user.delete()
    return member


def with_last_exchange(queryset):
    """Members annotated with `last_exchange_on`, the date of their latest
    exchange (as helper or helped; corrections and credits do not count).

    A correlated subquery, so that a page of 50 members costs 50 index
    lookups rather than an aggregate over the whole ledger."""
    latest = (
        Movement.objects.filter(
            account__member=OuterRef("pk"), transfer__kind="exchange"
        )
        .order_by("-transfer__occurred_on")
        .values("transfer__occurred_on")[:1]
    )
    return queryset.annotate(last_exchange_on=Subquery(latest))


def with_balance(queryset):
    """Members annotated with `balance_minutes`, the sum of their movements."""
    total = (
        Movement.objects.filter(account__member=OuterRef("pk"))
        .order_by()
        .values("account__member")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return queryset.annotate(balance_minutes=Coalesce(Subquery(total), Value(0)))


def inactive(months, queryset=None):
    """Approved members with no exchange for `months` months (or never)."""
    since = timezone.localdate() - datetime.timedelta(days=round(months * 30.44))
    queryset = with_last_exchange(
        queryset if queryset is not None else Member.objects.approved()
    )
    return queryset.filter(Q(last_exchange_on__lt=since) | Q(last_exchange_on=None))


def personal_data(member):
    """Everything the time bank keeps about `member`, for their download."""
    from . import ledger
    from .models import Movement, RelayedMessage

    account = member.account
    return {
        "member": {
            "number": member.pk,
            "first_name": member.first_name,
            "surname": member.last_name,
            "public_name": member.public_name,
            "municipality": member.municipality.name,
            "village": member.village,
            "phone": member.phone,
            "email": member.email,
            "email_confirmed_at": member.email_confirmed_at,
            "can_offer": [c.name for c in member.offer_categories.all()],
            "offers_text": member.offers_text,
            "might_need": [c.name for c in member.need_categories.all()],
            "needs_text": member.needs_text,
            "availability": member.availability,
            "language": member.language,
            "registered_at": member.registered_at,
            "registered": member.get_channel_display(),
            "consent_given_at": member.consent_given_at,
            "status": member.get_status_display(),
        },
        "account": {
            "balance_minutes": ledger.balance(account),
            "lower_limit_minutes": account.lower_limit,
            "upper_limit_minutes": account.upper_limit,
        },
        "movements": [
            {
                "date": movement.transfer.occurred_on,
                "minutes": movement.amount,
                "what_for": movement.transfer.description,
                "kind": movement.transfer.get_kind_display(),
            }
            for movement in Movement.objects.filter(account=account)
            .select_related("transfer")
            .order_by("transfer__occurred_on", "pk")
        ],
        "offers_and_requests": [
            {
                "kind": listing.get_kind_display(),
                "title": listing.title,
                "description": listing.description,
                "status": listing.get_status_display(),
                "created_at": listing.created_at,
            }
            for listing in member.listings.all()
        ],
        "messages_sent": [
            {"sent_at": message.sent_at, "text": message.body}
            for message in RelayedMessage.objects.filter(sender=member)
        ],
    }
