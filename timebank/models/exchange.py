"""An exchange recorded by the member who was helped, until the helper confirms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Exchange(models.Model):
    """ "Nino helped me for 1 h 30 min": the record waits for Nino's confirmation.

    Confirming makes the ledger's transfer (`timebank.ledger.exchange`) with
    this record as its source, so a double click never pays twice. Exchanges
    entered by coordinators (paper slips, phone) go to the ledger directly.
    """

    class Status(models.TextChoices):
        AWAITING = "awaiting", _("Awaiting the helper's confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined by the helper")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    helper = models.ForeignKey(
        "timebank.Member",
        on_delete=models.PROTECT,
        related_name="exchanges_given",
        verbose_name=_("who helped"),
    )
    helped = models.ForeignKey(
        "timebank.Member",
        on_delete=models.PROTECT,
        related_name="exchanges_received",
        verbose_name=_("who was helped"),
    )
    minutes = models.PositiveIntegerField(_("minutes"))
    description = models.CharField(_("what for"), max_length=300)
    occurred_on = models.DateField(_("date"))
    listing = models.ForeignKey(
        "timebank.Listing",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchanges",
        verbose_name=_("offer or request"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.AWAITING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("confirmed or declined at"), null=True)
    transfer = models.OneToOneField(
        "timebank.Transfer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange",
        verbose_name=_("transfer"),
    )
    submission_key = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("recorded exchange")
        verbose_name_plural = _("recorded exchanges")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(helper=models.F("helped")),
                name="timebank_exchange_two_members",
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="timebank_exchange_minutes"
            ),
        ]

    def __str__(self):
        names = f"{self.helper.display_name} → {self.helped.display_name}"
        return f"{names}: {self.description}"

    @property
    def source_key(self):
        return f"timebank.exchange:{self.pk}"
