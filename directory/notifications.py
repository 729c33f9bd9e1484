"""E-mail to the people who proposed an entry, once staff publish it.

The public form logs each proposal's revision with a mark (`PROPOSAL_MARK`);
the revision carries the sender's `submitter_email`. On each publish we
write to the senders of the proposals made since the previous publish, so a
later edit by staff (or an import) does not write to them again.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.signals import published

from directory.api import detail_url
from directory.forms import PROPOSAL_MARK
from directory.models import Organization

logger = logging.getLogger(__name__)


def proposers_since_last_publish(organization, revision):
    """E-mail addresses of the proposals that this publication includes."""
    previous = (
        ModelLogEntry.objects.for_instance(organization)
        .filter(action="wagtail.publish")
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .first()
    )
    proposals = ModelLogEntry.objects.for_instance(organization).filter(
        **{f"data__{PROPOSAL_MARK}": True}, revision__pk__lte=revision.pk
    )
    if previous and previous.revision_id:
        proposals = proposals.filter(revision__pk__gt=previous.revision_id)
    proposals = [entry.revision for entry in proposals.select_related("revision")]
    emails = [proposal.content.get("submitter_email") for proposal in proposals]
    return sorted({email for email in emails if email})


@receiver(published, sender=Organization)
def notify_proposers(sender, instance, revision=None, **kwargs):
    if revision is None:
        return
    for email in proposers_since_last_publish(instance, revision):
        send_published_email(instance, email)


def send_published_email(organization, email):
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(organization.locale.language_code):
        context = {
            "organization": organization,
            "url": base_url + detail_url(organization),
        }
        subject = render_to_string(
            "directory/emails/published_subject.txt", context
        ).strip()
        body = render_to_string("directory/emails/published_body.txt", context)
    try:
        send_mail(subject, body, None, [email])
    except Exception:  # publishing must not fail because a mail server is down
        logger.exception("Could not notify the proposer of %s", organization.pk)
