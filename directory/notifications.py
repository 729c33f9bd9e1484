"""E-mail to the people who proposed an entry, once staff publish it.

The public form logs each proposal's revision with a mark (`PROPOSAL_MARK`);
the revision carries the sender's `submitter_email`. On each publish we
write to the senders of the proposals made since the previous publish, so a
later edit by staff (or an import) does not write to them again.
"""

from django.conf import settings
from django.dispatch import receiver
from wagtail.models import ModelLogEntry
from wagtail.signals import published

from directory.models import Organization
from directory.proposals import PROPOSAL_MARK
from hub import mail


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
    mail.send(
        "directory/emails/published_subject.txt",
        "directory/emails/published_body.txt",
        {
            "organization": organization,
            "url": base_url + organization.get_absolute_url(),
        },
        [email],
        language=organization.locale.language_code,
    )
