"""A citizen's sign-up to an opportunity, and the hours confirmed afterwards."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Unambiguous letters and digits for codes read aloud or typed from paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_certificate_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


class SignUp(models.Model):
    """One volunteer for one opportunity; no account needed.

    Name and contact details go to the organization and the hub's staff only.
    After the activity the organization confirms the minutes; a volunteer who
    is a time-bank member (and agreed) gets them credited from the hub's
    account (`volunteering.hours`).
    """

    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class AgeGroup(models.TextChoices):
        UNDER_18 = "under_18", _("Under 18")
        FROM_18_TO_29 = "18_29", _("18–29")
        FROM_30_TO_59 = "30_59", _("30–59")
        OVER_60 = "60_plus", _("60 or older")

    opportunity = models.ForeignKey(
        "volunteering.Opportunity",
        on_delete=models.PROTECT,
        related_name="sign_ups",
        verbose_name=_("opportunity"),
    )
    name = models.CharField(_("name (private)"), max_length=120)
    email = models.EmailField(_("e-mail (private)"), blank=True)
    phone = models.CharField(_("phone (private)"), max_length=40, blank=True)
    phone_digits = models.CharField(max_length=20, blank=True, editable=False)
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices
    )
    message = models.TextField(_("message (private)"), max_length=1000, blank=True)
    credit_to_time_bank = models.BooleanField(
        _("credit hours to the time bank"),
        default=False,
        help_text=_(
            "The volunteer agreed that confirmed hours go to their time-bank "
            "account, matched on their e-mail or phone."
        ),
    )
    language = models.CharField(
        _("language"), max_length=2, default=settings.LANGUAGE_CODE, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SIGNED_UP,
        db_index=True,
    )
    consent_given_at = models.DateTimeField(_("consent given at"), editable=False)
    email_confirmed_at = models.DateTimeField(
        _("e-mail confirmed at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    # Filled in by the organization after the activity.
    attended = models.BooleanField(_("came"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("confirmed minutes"), null=True, blank=True)
    hours_confirmed_at = models.DateTimeField(
        _("hours confirmed at"), null=True, blank=True, editable=False
    )
    certificate_code = models.CharField(
        _("certificate code"),
        max_length=11,
        null=True,
        blank=True,
        unique=True,
        editable=False,
    )
    time_bank_transfer = models.ForeignKey(
        "timebank.Transfer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("time-bank credit"),
    )
    key = models.CharField(max_length=40, editable=False)
    submission_key = models.UUIDField(
        null=True, blank=True, unique=True, editable=False
    )

    # Who confirmed which hours when (the admin's "Field changes").
    history = HistoricalRecords(
        excluded_fields=["key", "submission_key", "phone_digits"],
        verbose_name=_("sign-up history"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        permissions = [("export_signup", _("Can export sign-ups"))]
        indexes = [
            models.Index(fields=["opportunity", "status"]),
            models.Index(fields=["email"]),
            models.Index(fields=["phone_digits"]),
        ]

    def __str__(self):
        return f"{self.name} → {self.opportunity}"

    def save(self, *args, **kwargs):
        from timebank.models import phone_digits

        self.phone_digits = phone_digits(self.phone)
        if not self.key:
            self.key = secrets.token_urlsafe(16)
        super().save(*args, **kwargs)

    @property
    def hours(self):
        return round((self.minutes or 0) / 60, 2)

    @property
    def has_confirmed_hours(self):
        return bool(self.attended and self.minutes and self.hours_confirmed_at)
