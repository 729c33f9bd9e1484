"""Staff decide on opportunities posted through the public form."""

from django.db import transaction
from django.utils import timezone

from . import notifications
from .models import Opportunity


@transaction.atomic
def submit(opportunity, topics=()):
    """Save a public posting: it waits for staff before anyone sees it."""
    opportunity.status = Opportunity.Status.SUBMITTED
    opportunity.save()
    opportunity.topics.set(topics)
    notifications.opportunity_received(opportunity)
    return opportunity


@transaction.atomic
def publish(opportunity):
    """Publish (idempotent); the contact person gets the private link."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status == Opportunity.Status.PUBLISHED:
        return opportunity
    opportunity.status = Opportunity.Status.PUBLISHED
    opportunity.published_at = opportunity.published_at or timezone.now()
    opportunity.save(update_fields=["status", "published_at", "updated_at"])
    notifications.opportunity_published(opportunity)
    return opportunity


@transaction.atomic
def decline(opportunity, reason=""):
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    opportunity.status = Opportunity.Status.DECLINED
    opportunity.save(update_fields=["status", "updated_at"])
    notifications.opportunity_declined(opportunity, reason)
    return opportunity


@transaction.atomic
def withdraw(opportunity):
    opportunity.status = Opportunity.Status.WITHDRAWN
    opportunity.save(update_fields=["status", "updated_at"])
    return opportunity
