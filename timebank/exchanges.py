"""Exchanges recorded by members: confirmed by the helper, then paid once."""

from django.db import transaction
from django.utils import timezone

from . import ledger
from .models import Exchange, Transfer


@transaction.atomic
def confirm(exchange, recorded_by=None):
    """Pay a recorded exchange through the ledger, once: its record is the
    transfer's source, so confirming twice returns the same transfer."""
    made = ledger.exchange(
        exchange.helper,
        exchange.helped,
        exchange.minutes,
        exchange.description,
        occurred_on=exchange.occurred_on,
        source=exchange.source_key,
        recorded_by=recorded_by,
        channel=Transfer.Channel.ONLINE
        if recorded_by is None
        else Transfer.Channel.ADMIN,
    )
    Exchange.objects.filter(pk=exchange.pk, status=Exchange.Status.AWAITING).update(
        status=Exchange.Status.CONFIRMED, decided_at=timezone.now(), transfer=made
    )
    exchange.status = Exchange.Status.CONFIRMED
    exchange.transfer = made
    return made


def decline(exchange):
    Exchange.objects.filter(pk=exchange.pk, status=Exchange.Status.AWAITING).update(
        status=Exchange.Status.DECLINED, decided_at=timezone.now()
    )
    exchange.status = Exchange.Status.DECLINED
