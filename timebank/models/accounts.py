"""The ledger's tables: accounts, transfers and their movements.

A transfer is always exactly two movements of the same number of minutes, one
negative and one positive, so every transfer and the whole ledger sum to zero.
Rows are only ever added, by `timebank.ledger` (the one writer): saving an
existing row, deleting one, or writing outside the ledger raises
`AppendOnlyError`; on PostgreSQL a trigger refuses UPDATE and DELETE too, and a
deferred constraint trigger refuses, at commit, a transfer whose movements are
not two that sum to zero. A correction is a new, reversing transfer.
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

_writer = threading.local()


class AppendOnlyError(Exception):
    """Ledger rows are never changed or deleted, and only `timebank.ledger` adds
    them."""


@contextmanager
def ledger_writing():
    """Open the ledger for writing (used by `timebank.ledger` only)."""
    depth = getattr(_writer, "depth", 0)
    _writer.depth = depth + 1
    try:
        yield
    finally:
        _writer.depth = depth


def _check_writer():
    if not getattr(_writer, "depth", 0):
        raise AppendOnlyError("Write to the ledger through timebank.ledger only.")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Ledger rows are never updated: reverse instead.")

    def delete(self):
        raise AppendOnlyError("Ledger rows are never deleted: reverse instead.")

    def bulk_create(self, objs, *args, **kwargs):
        _check_writer()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, *args, **kwargs):
        raise AppendOnlyError("Ledger rows are never updated: reverse instead.")


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Ledger rows are never updated: reverse instead.")
        _check_writer()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Ledger rows are never deleted: reverse instead.")


class AccountQuerySet(models.QuerySet):
    def hub(self):
        """The hub's own account (created on first use)."""
        account, _ = self.get_or_create(kind=Account.Kind.HUB)
        return account

    def with_balance(self):
        """Each account with `.balance_minutes`, the sum of its movements."""
        total = (
            Movement.objects.filter(account=models.OuterRef("pk"))
            .order_by()
            .values("account")
            .annotate(total=models.Sum("amount"))
            .values("total")
        )
        return self.annotate(
            balance_minutes=models.functions.Coalesce(
                models.Subquery(total), models.Value(0)
            )
        )


class Account(models.Model):
    """Where a member's hours are kept; the hub has one account of its own.

    The balance is not stored: it is the sum of the account's movements,
    always (see `timebank.ledger.balance`). Limits are in minutes; an empty
    limit is no limit (the hub's account has none, so it can give hours).
    """

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member")
        HUB = "hub", _("The hub")

    kind = models.CharField(
        _("kind"), max_length=8, choices=Kind.choices, default=Kind.MEMBER
    )
    member = models.OneToOneField(
        "timebank.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="account",
        verbose_name=_("member"),
    )
    lower_limit = models.IntegerField(
        _("lower limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("The balance may not go below this; empty for no limit."),
    )
    upper_limit = models.IntegerField(
        _("upper limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("The balance may not go above this; empty for no limit."),
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    objects = AccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("time-bank account")
        verbose_name_plural = _("time-bank accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind="hub"),
                name="timebank_one_hub_account",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="hub", member__isnull=True)
                    | models.Q(kind="member", member__isnull=False)
                ),
                name="timebank_account_has_its_owner",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(lower_limit__isnull=True)
                    | models.Q(upper_limit__isnull=True)
                    | models.Q(lower_limit__lt=models.F("upper_limit"))
                ),
                name="timebank_limits_in_order",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.HUB:
            return str(_("The hub's account"))
        return str(self.member)

    @property
    def public_name(self):
        if self.kind == self.Kind.HUB:
            return _("Kakheti Hub")
        return self.member.display_name

    @property
    def number(self):
        """The member number, or "" for the hub's account."""
        return self.member.number if self.member_id else ""

    @property
    def is_open(self):
        """Can take part in new transfers: the hub, or an approved member."""
        return self.kind == self.Kind.HUB or self.member.can_exchange


def default_lower_limit():
    return getattr(settings, "TIME_BANK_LOWER_LIMIT_MINUTES", -600)


class Transfer(AppendOnlyModel):
    """Time moved from one account to another: an exchange, a credit from the
    hub, or the correction (reversal) of an earlier transfer."""

    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("Exchange between members")
        HUB_CREDIT = "hub_credit", _("Credit from the hub")
        REVERSAL = "reversal", _("Correction (reversal)")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Recorded and confirmed online")
        PAPER = "paper", _("Paper slip, entered by a coordinator")
        PHONE = "phone", _("By phone, entered by a coordinator")
        IN_PERSON = "in_person", _("In person, entered by a coordinator")
        ADMIN = "admin", _("Entered by a coordinator")
        SYSTEM = "system", _("Automatic")

    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, db_index=True
    )
    channel = models.CharField(
        _("recorded"), max_length=16, choices=Channel.choices, default=Channel.ONLINE
    )
    occurred_on = models.DateField(_("date"), db_index=True)
    description = models.CharField(_("what for"), max_length=300)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    source_key = models.CharField(
        _("source"),
        max_length=120,
        null=True,
        blank=True,
        unique=True,
        help_text=_(
            "What this transfer settles (e.g. an exchange record or confirmed "
            "volunteer hours); the same source is never credited twice."
        ),
    )
    reverses = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversal",
        verbose_name=_("reverses"),
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        permissions = [
            ("reverse_transfer", _("Can correct a transfer by reversing it")),
        ]

    def __str__(self):
        return f"#{self.pk} {self.occurred_on}: {self.description}"

    def movement_pair(self):
        """(giving movement, receiving movement), from prefetched movements."""
        movements = sorted(self.movements.all(), key=lambda m: m.amount)
        return movements[0], movements[-1]

    @property
    def minutes(self):
        return self.movement_pair()[1].amount

    @property
    def giver(self):
        """The account the time left."""
        return self.movement_pair()[0].account

    @property
    def receiver(self):
        """The account the time went to."""
        return self.movement_pair()[1].account

    @property
    def hours(self):
        return round(self.minutes / 60, 2)


class Movement(AppendOnlyModel):
    """One side of a transfer: minutes added to (+) or taken from (−) an account."""

    transfer = models.ForeignKey(
        Transfer, on_delete=models.PROTECT, related_name="movements"
    )
    account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="movements"
    )
    amount = models.IntegerField(_("minutes"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(amount=0), name="timebank_movement_not_zero"
            ),
            models.UniqueConstraint(
                fields=["transfer", "account"],
                name="timebank_movement_two_accounts",
            ),
        ]
        indexes = [models.Index(fields=["account", "transfer"])]

    def __str__(self):
        return f"{self.account}: {self.amount:+d}"
