"""The people of the time bank: registration, approval, and what is public."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PHONE_DIGITS = re.compile(r"\D+")


def phone_digits(phone):
    """The digits of a Georgian phone number without the country code, so that
    "+995 555 12 34 56", "555123456" and "(555) 12-34-56" compare equal."""
    digits = PHONE_DIGITS.sub("", phone or "")
    if digits.startswith("00995"):
        digits = digits[5:]
    elif digits.startswith("995") and len(digits) > 9:
        digits = digits[3:]
    return digits


def public_name_of(first_name, last_name):
    """First name and the initial of the surname: "ნინო ბ."."""
    first = " ".join((first_name or "").split())
    last = (last_name or "").strip()
    return f"{first} {last[0]}." if last else first


class MemberQuerySet(models.QuerySet):
    def approved(self):
        """Members who may exchange now."""
        return self.filter(status=Member.Status.APPROVED)

    def with_confirmed_email(self, email):
        return self.filter(
            email__iexact=(email or "").strip(), email_confirmed_at__isnull=False
        )

    def matching(self, *, email=None, phone=None):
        """Approved members whose confirmed e-mail or phone is this one (for
        apps that credit hours to a member they know only by contact)."""
        condition = models.Q(pk__in=[])
        if email and email.strip():
            condition |= models.Q(
                email__iexact=email.strip(), email_confirmed_at__isnull=False
            )
        digits = phone_digits(phone)
        if len(digits) >= 6:
            condition |= models.Q(phone_digits=digits)
        return self.approved().filter(condition)


class Member(models.Model):
    """A person who gives and receives help in the time bank.

    Everything but `public_name` and the municipality is private: contact
    details and the surname are seen by coordinators only. Members are never
    deleted (their movements keep the ledger summing to zero); a member who
    leaves is anonymised instead (`timebank.members.anonymise`).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left (personal data deleted)")

    class PublicName(models.TextChoices):
        INITIAL = "initial", _("My first name and the initial of my surname")
        CHOSEN = "chosen", _("A name I choose")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online form")
        PAPER = "paper", _("On paper")
        PHONE = "phone", _("By phone")
        IN_PERSON = "in_person", _("In person")

    first_name = models.CharField(
        _("first name"), max_length=100, help_text=_("Private, except as chosen.")
    )
    last_name = models.CharField(
        _("surname"), max_length=100, blank=True, help_text=_("Private.")
    )
    public_name_choice = models.CharField(
        _("shown publicly as"),
        max_length=16,
        choices=PublicName.choices,
        default=PublicName.INITIAL,
        help_text=_("How the member chose to be shown on the site."),
    )
    chosen_name = models.CharField(
        _("chosen name"),
        max_length=60,
        blank=True,
        help_text=_("Shown instead of the name, if the member chose one."),
    )
    public_name = models.CharField(
        _("public name"),
        max_length=100,
        editable=False,
        help_text=_("What the site shows; derived from the fields above."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        on_delete=models.PROTECT,
        related_name="time_bank_members",
        verbose_name=_("municipality"),
        help_text=_("Where the member lives."),
    )
    village = models.CharField(
        _("village or town"),
        max_length=100,
        blank=True,
        help_text=_("Private: for coordinators, to match neighbours."),
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("Private.")
    )
    phone_digits = models.CharField(
        max_length=40, editable=False, blank=True, db_index=True
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Private."))
    email_confirmed_at = models.DateTimeField(
        _("e-mail confirmed at"),
        null=True,
        blank=True,
        help_text=_("Set when the member opened the confirmation link."),
    )
    offer_categories = models.ManyToManyField(
        "timebank.Category",
        related_name="offering_members",
        blank=True,
        verbose_name=_("can offer"),
        help_text=_("Kinds of help the member can give."),
    )
    offers_text = models.TextField(
        _("what I can offer"),
        max_length=1000,
        blank=True,
        help_text=_("In the member's words. Private: for coordinators."),
    )
    need_categories = models.ManyToManyField(
        "timebank.Category",
        related_name="needing_members",
        blank=True,
        verbose_name=_("might need"),
        help_text=_("Kinds of help the member might need."),
    )
    needs_text = models.TextField(
        _("what I might need"),
        max_length=1000,
        blank=True,
        help_text=_("In the member's words. Private: for coordinators."),
    )
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("When the member can help, e.g. weekday evenings."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="ka",
        help_text=_("The language of the member's e-mails."),
    )
    channel = models.CharField(
        _("registered"),
        max_length=16,
        choices=Channel.choices,
        default=Channel.ONLINE,
        help_text=_("How the registration reached the hub."),
    )
    consent_given_at = models.DateTimeField(
        _("consent given at"),
        help_text=_(
            "When the member agreed to the time bank's rules and to the "
            "processing of their data."
        ),
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent recorded by"),
        help_text=_("The coordinator who registered a paper or phone registration."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        help_text=_("Only approved members can exchange."),
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("approved or declined at"), null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved or declined by"),
    )
    decline_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        help_text=_("Private: for the coordinators' records."),
    )
    staff_notes = models.TextField(
        _("coordinators' notes"), blank=True, help_text=_("Private.")
    )
    left_at = models.DateTimeField(
        _("left at"),
        null=True,
        blank=True,
        help_text=_("When the member's personal data were deleted."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="time_bank_member",
        editable=False,
        help_text=_("The login of the one-time sign-in links."),
    )
    submission_key = models.UUIDField(
        null=True, blank=True, unique=True, editable=False
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_at", "-pk"]
        verbose_name = _("time-bank member")
        verbose_name_plural = _("time-bank members")
        permissions = [
            ("approve_member", _("Can approve or decline registrations")),
            ("export_member", _("Can export members with their contact details")),
        ]

    def __str__(self):
        name = self.full_name or str(self.display_name)
        return f"{name} (№ {self.pk})" if self.pk else name

    def save(self, *args, **kwargs):
        self.public_name = self.compute_public_name()
        self.phone_digits = phone_digits(self.phone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "public_name", "phone_digits"}
        super().save(*args, **kwargs)

    def compute_public_name(self):
        if self.status == self.Status.LEFT:
            return ""  # shown as "Former member" (`display_name`)
        if self.public_name_choice == self.PublicName.CHOSEN and self.chosen_name:
            return " ".join(self.chosen_name.split())
        return public_name_of(self.first_name, self.last_name)

    @property
    def display_name(self):
        """The public name, in the visitor's language for a former member."""
        return self.public_name or _("Former member")

    @property
    def full_name(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def number(self):
        """The member number people write on paper slips: "№ 42"."""
        return f"№ {self.pk}"

    @property
    def can_exchange(self):
        return self.status == self.Status.APPROVED

    # For the coordinators' export and listing.
    def offer_category_names(self):
        return ", ".join(category.name for category in self.offer_categories.all())

    def need_category_names(self):
        return ", ".join(category.name for category in self.need_categories.all())

    @property
    def balance_display(self):
        """The annotated balance (`timebank.members.with_balance`) as "2 h"."""
        from timebank.ledger import format_minutes

        return format_minutes(getattr(self, "balance_minutes", 0) or 0)

    @property
    def has_confirmed_email(self):
        return bool(self.email and self.email_confirmed_at)
