"""The only writer of the time bank's ledger.

Every change of a balance is a `Transfer` of two `Movement`s: minus the
minutes from the account the time leaves (the *giver* of time: the member who
was helped, or the hub) and plus the same minutes to the account it goes to
(the *receiver* of time: the member who helped). Nothing is ever edited or
deleted: a mistake is corrected by `reverse`, a new transfer of the opposite
movements.

Limits hold under concurrency: each write locks the rows of the accounts it
touches (`SELECT … FOR UPDATE`, in the order of their primary keys, so that
two transfers between the same accounts in opposite directions cannot
deadlock), then sums their movements and checks the limits. A second transfer
from the same account waits for the first to commit and then sees its
movements.

A `source` names what a transfer settles (an exchange record, a volunteer's
confirmed hours): a source is settled once. Asking again returns the transfer
already made, so a retried request, a double click or a re-run import never
pays twice.
"""

import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Account, Movement, Transfer, ledger_writing

#: The longest single transfer: 200 hours.
MAX_MINUTES = 200 * 60
#: Where `timebank.statistics` caches its figures; cleared by every write.
FIGURES_CACHE_KEY = "timebank:figures"


class LedgerError(ValidationError):
    """A transfer the rules do not allow; the message is for people."""


class LimitExceeded(LedgerError):
    pass


class AccountClosed(LedgerError):
    pass


class AlreadyReversed(LedgerError):
    pass


class SourceConflict(LedgerError):
    pass


def format_minutes(minutes):
    """120 -> "2 h", 90 -> "1 h 30 min", -45 -> "−45 min" (in the active language)."""
    sign = "−" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        text = _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    elif hours:
        text = _("%(hours)d h") % {"hours": hours}
    else:
        text = _("%(minutes)d min") % {"minutes": rest}
    return f"{sign}{text}"


def balance(account):
    """The balance of `account` in minutes: the sum of its movements."""
    total = Movement.objects.filter(account=account).aggregate(total=Sum("amount"))
    return total["total"] or 0


def balances(accounts):
    """{account pk: balance} for several accounts in one query."""
    pks = [account.pk for account in accounts]
    found = dict(
        Movement.objects.filter(account__in=pks)
        .order_by()
        .values_list("account")
        .annotate(total=Sum("amount"))
    )
    return {pk: found.get(pk, 0) for pk in pks}


def _lock(*accounts):
    """Lock the accounts' rows in primary-key order; return them fresh."""
    locked = {}
    for pk in sorted({account.pk for account in accounts}):
        locked[pk] = (
            Account.objects.select_for_update(of=("self",))
            .select_related("member")
            .get(pk=pk)
        )
    return [locked[account.pk] for account in accounts]


def _check_minutes(minutes):
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise LedgerError(_("Time is counted in whole minutes."))
    if minutes <= 0:
        raise LedgerError(_("The time must be more than zero."))
    if minutes > MAX_MINUTES:
        raise LedgerError(
            _("One exchange can be at most %(hours)d hours.")
            % {"hours": MAX_MINUTES // 60}
        )


def _check_limits(giver, receiver, minutes):
    current = balances([giver, receiver])
    if (
        giver.lower_limit is not None
        and current[giver.pk] - minutes < giver.lower_limit
    ):
        raise LimitExceeded(
            _(
                "%(name)s has %(balance)s; this would go below the account's "
                "lower limit of %(limit)s."
            )
            % {
                "name": giver.public_name,
                "balance": format_minutes(current[giver.pk]),
                "limit": format_minutes(giver.lower_limit),
            }
        )
    if (
        receiver.upper_limit is not None
        and current[receiver.pk] + minutes > receiver.upper_limit
    ):
        raise LimitExceeded(
            _(
                "%(name)s has %(balance)s; this would go above the account's "
                "upper limit of %(limit)s."
            )
            % {
                "name": receiver.public_name,
                "balance": format_minutes(current[receiver.pk]),
                "limit": format_minutes(receiver.upper_limit),
            }
        )


def _clear_figures():
    # Now, for this request, and after the commit, in case another request
    # cached the figures from before it in the meantime.
    cache.delete(FIGURES_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(FIGURES_CACHE_KEY))


def _existing(source_key, receiver, minutes):
    """The transfer already made for `source_key`, if it is the same one."""
    existing = (
        Transfer.objects.filter(source_key=source_key)
        .prefetch_related("movements")
        .first()
    )
    if existing is None:
        return None
    _gave, received = existing.movement_pair()
    if received.account_id != receiver.pk or received.amount != minutes:
        raise SourceConflict(
            _("This was already recorded with another account or time.")
        )
    return existing


def _write(giver, receiver, minutes, **fields):
    with ledger_writing():
        made = Transfer.objects.create(**fields)
        Movement.objects.bulk_create(
            [
                Movement(transfer=made, account=giver, amount=-minutes),
                Movement(transfer=made, account=receiver, amount=minutes),
            ]
        )
    _clear_figures()
    return made


@transaction.atomic
def transfer(
    giver,
    receiver,
    minutes,
    description,
    *,
    recorded_by=None,
    occurred_on=None,
    kind=Transfer.Kind.EXCHANGE,
    channel=Transfer.Channel.ONLINE,
    source=None,
):
    """Move `minutes` from the `giver` account to the `receiver` account.

    Raises a `LedgerError` (a ValidationError with a message for people) when
    an account is closed, a limit would be passed, or `source` was already
    settled differently; returns the existing transfer when `source` was
    already settled the same way.
    """
    _check_minutes(minutes)
    if giver.pk == receiver.pk:
        raise LedgerError(_("Time cannot move from an account to itself."))
    description = " ".join(str(description or "").split())
    if not description:
        raise LedgerError(_("Say what the time was for."))
    occurred_on = occurred_on or timezone.localdate()
    if occurred_on > timezone.localdate():
        raise LedgerError(_("The date cannot be in the future."))
    giver, receiver = _lock(giver, receiver)
    if source:
        existing = _existing(source, receiver, minutes)
        if existing is not None:
            return existing
    for account in (giver, receiver):
        if not account.is_open:
            raise AccountClosed(
                _("%(name)s cannot exchange now (not an approved member).")
                % {"name": account.public_name}
            )
    _check_limits(giver, receiver, minutes)
    fields = {
        "kind": kind,
        "channel": channel,
        "occurred_on": occurred_on,
        "description": description[:300],
        "recorded_by": recorded_by,
        "source_key": source or None,
    }
    if not source:
        return _write(giver, receiver, minutes, **fields)
    try:
        # Two requests with the same source at once: the database's unique
        # constraint lets one through; the other returns its transfer.
        with transaction.atomic():
            return _write(giver, receiver, minutes, **fields)
    except IntegrityError:
        existing = _existing(source, receiver, minutes)
        if existing is None:
            raise
        return existing


def exchange(helper, helped, minutes, description, **options):
    """An exchange between members: time moves from `helped` to `helper`."""
    return transfer(
        helped.account,
        helper.account,
        minutes,
        description,
        kind=Transfer.Kind.EXCHANGE,
        **options,
    )


def credit_from_hub(
    member, minutes, description, *, source, recorded_by=None, occurred_on=None
):
    """Credit `minutes` to `member` from the hub's account (volunteering, starting
    hours). `source` is required and settled once: e.g.
    "volunteering.hours:42" for the confirmed hours of sign-up 42."""
    if not source:
        raise LedgerError(_("A credit from the hub must name its source."))
    return transfer(
        Account.objects.hub(),
        member.account,
        minutes,
        description,
        kind=Transfer.Kind.HUB_CREDIT,
        channel=(
            Transfer.Channel.SYSTEM if recorded_by is None else Transfer.Channel.ADMIN
        ),
        recorded_by=recorded_by,
        occurred_on=occurred_on,
        source=source,
    )


@transaction.atomic
def reverse(original, by, reason):
    """Correct `original` with a new transfer of the opposite movements.

    A transfer is reversed at most once, a reversal is not reversed (record
    the exchange again instead), and the reversal respects the limits like any
    transfer: a member who already spent the hours must earn them first, or a
    coordinator lowers the limit.
    """
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise LedgerError(_("Say why the transfer is corrected."))
    original = Transfer.objects.prefetch_related("movements").get(pk=original.pk)
    if original.kind == Transfer.Kind.REVERSAL:
        raise LedgerError(
            _("A correction cannot be reversed; record the exchange again instead.")
        )
    gave, received = original.movement_pair()
    # The reversal gives back: from the account that received to the one that gave.
    receiver_account, giver_account = _lock(gave.account, received.account)
    if Transfer.objects.filter(reverses=original).exists():
        raise AlreadyReversed(_("This transfer has already been corrected."))
    _check_limits(giver_account, receiver_account, received.amount)
    try:
        with transaction.atomic():
            return _write(
                giver_account,
                receiver_account,
                received.amount,
                kind=Transfer.Kind.REVERSAL,
                channel=(
                    Transfer.Channel.SYSTEM if by is None else Transfer.Channel.ADMIN
                ),
                occurred_on=timezone.localdate(),
                description=(
                    _("Correction of #%(number)d: %(reason)s")
                    % {"number": original.pk, "reason": reason}
                )[:300],
                recorded_by=by,
                reverses=original,
            )
    except IntegrityError as error:  # reversed at the same moment elsewhere
        raise AlreadyReversed(_("This transfer has already been corrected.")) from error


@transaction.atomic
def set_limits(account, lower, upper):
    """Set an account's limits (minutes, None for none), never below its
    current balance for the lower one or above it for the upper one, so the
    balance is within the limits at all times."""
    (account,) = _lock(account)
    current = balance(account)
    if lower is not None and upper is not None and lower >= upper:
        raise LedgerError(_("The lower limit must be below the upper limit."))
    if lower is not None and current < lower:
        raise LedgerError(
            _("The balance is %(balance)s: the lower limit cannot be above it.")
            % {"balance": format_minutes(current)}
        )
    if upper is not None and current > upper:
        raise LedgerError(
            _("The balance is %(balance)s: the upper limit cannot be below it.")
            % {"balance": format_minutes(current)}
        )
    Account.objects.filter(pk=account.pk).update(lower_limit=lower, upper_limit=upper)
    account.lower_limit, account.upper_limit = lower, upper
    return account


def earliest_date():
    """Exchanges older than a year are not recorded online (ask a coordinator)."""
    return timezone.localdate() - datetime.timedelta(days=365)
