"""Confirmed hours: what the organization records after the activity.

Confirming sets the minutes, gives the sign-up a certificate code and, when
the volunteer agreed and is an approved time-bank member (matched on the
confirmed e-mail or the phone), credits the minutes to their time-bank account
from the hub's account through `timebank.ledger` (the ledger's one writer: two
movements summing to zero, rows locked). The credit's source is the sign-up,
so confirming again never pays twice.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from timebank import ledger
from timebank.models import Member

from . import notifications
from .models import SignUp
from .models.signup import new_certificate_code

#: One sign-up's hours at most (a long camp); more is surely a typo.
MAX_MINUTES = ledger.MAX_MINUTES


class HoursError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def source_key(sign_up):
    return f"volunteering.hours:{sign_up.pk}"


def time_bank_member(sign_up):
    """The approved time-bank member this volunteer is, if they agreed."""
    if not sign_up.credit_to_time_bank:
        return None
    email = sign_up.email if sign_up.email_confirmed_at else None
    return Member.objects.matching(email=email, phone=sign_up.phone).first()


@transaction.atomic
def confirm(sign_up, *, attended, minutes=0, by=None):
    """Record whether the volunteer came and for how long (minutes)."""
    sign_up = (
        SignUp.objects.select_for_update()
        .select_related("opportunity__organization")
        .get(pk=sign_up.pk)
    )
    if sign_up.time_bank_transfer_id:
        raise HoursError(_("These hours were already credited to the time bank."))
    if attended:
        if not minutes or minutes <= 0:
            raise HoursError(_("Give the hours of a volunteer who came."))
        if minutes > MAX_MINUTES:
            raise HoursError(
                _("At most %(hours)d hours for one volunteer.")
                % {"hours": MAX_MINUTES // 60}
            )
    first_time = sign_up.hours_confirmed_at is None
    sign_up.attended = bool(attended)
    sign_up.minutes = minutes if attended else 0
    sign_up.hours_confirmed_at = timezone.now()
    if attended and not sign_up.certificate_code:
        sign_up.certificate_code = new_certificate_code()
    sign_up.save(
        update_fields=["attended", "minutes", "hours_confirmed_at", "certificate_code"]
    )
    if attended:
        member = time_bank_member(sign_up)
        if member is not None:
            opportunity = sign_up.opportunity
            sign_up.time_bank_transfer = ledger.credit_from_hub(
                member,
                sign_up.minutes,
                _("Volunteering: %(title)s (%(organization)s)")
                % {
                    "title": opportunity.title,
                    "organization": opportunity.organization.name,
                },
                source=source_key(sign_up),
                recorded_by=by,
                occurred_on=min(
                    opportunity.last_day or timezone.localdate(),
                    timezone.localdate(),
                ),
            )
            sign_up.save(update_fields=["time_bank_transfer"])
        if first_time:
            notifications.hours_confirmed(sign_up)
    return sign_up
