"""Signing up for an opportunity: one place for the rules.

- after the deadline, or for an unpublished opportunity, a sign-up is refused;
- the same person (same e-mail, or same phone) for the same opportunity is
  recognised and not counted twice;
- once `volunteers_needed` have signed up, new sign-ups join a waiting list.
The opportunity's row is locked while counting, so two sign-ups for the last
place cannot both take it.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from timebank.models import phone_digits

from . import notifications
from .models import Opportunity, SignUp


class SignUpRefused(Exception):
    """A sign-up the rules do not allow; the message is for the citizen."""

    def __init__(self, message, existing=None):
        super().__init__(message)
        self.message = message
        self.existing = existing


def find_duplicate(opportunity, email, phone):
    condition = Q(pk__in=[])
    if email:
        condition |= Q(email__iexact=email)
    digits = phone_digits(phone)
    if len(digits) >= 6:
        condition |= Q(phone_digits=digits)
    return (
        SignUp.objects.filter(opportunity=opportunity)
        .exclude(status=SignUp.Status.CANCELLED)
        .filter(condition)
        .first()
    )


@transaction.atomic
def sign_up(opportunity, *, name, email, phone, age_group, message,
            credit_to_time_bank, language, submission_key=None):  # fmt: skip
    """Record a sign-up (or raise SignUpRefused); e-mails the organization's
    contact and asks the volunteer to confirm their e-mail address."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if not opportunity.is_open:
        raise SignUpRefused(
            _("Sign-ups for this opportunity closed on its deadline.")
            if opportunity.status == Opportunity.Status.PUBLISHED
            else _("This opportunity is not open for sign-ups.")
        )
    email = (email or "").strip().lower()
    existing = find_duplicate(opportunity, email, phone)
    if existing is not None:
        raise SignUpRefused(
            _("You have already signed up for this opportunity."), existing
        )
    taken = opportunity.sign_ups.filter(status=SignUp.Status.SIGNED_UP).count()
    made = SignUp.objects.create(
        opportunity=opportunity,
        name=" ".join(name.split()),
        email=email,
        phone=phone.strip(),
        age_group=age_group,
        message=message.strip(),
        credit_to_time_bank=credit_to_time_bank,
        language=language,
        consent_given_at=timezone.now(),
        submission_key=submission_key,
        status=(
            SignUp.Status.WAITING
            if taken >= opportunity.volunteers_needed
            else SignUp.Status.SIGNED_UP
        ),
    )
    notifications.new_sign_up(made)
    if made.email:
        notifications.confirm_your_email(made)
    return made


def confirm_email(sign_up):
    if sign_up.email_confirmed_at is None:
        sign_up.email_confirmed_at = timezone.now()
        sign_up.save(update_fields=["email_confirmed_at"])
    return sign_up


def places_left(opportunity):
    taken = opportunity.sign_ups.filter(status=SignUp.Status.SIGNED_UP).count()
    return max(opportunity.volunteers_needed - taken, 0)
