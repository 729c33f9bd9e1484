"""Changes to the directory proposed by people who may not publish them.

A visitor's correction through the public form and a consultant's update
from a consultation case take the same way: the change becomes a new draft
revision for the directory's editors to review, and the live entry stays as
it is until they publish it. Nothing is ever published from here.
"""

from django.db import transaction
from wagtail.log_actions import log

from directory.models import Organization

#: In a proposal's log entry: directory.notifications writes to its sender
#: when the proposal is published.
PROPOSAL_MARK = "directory_proposal"

RELATIONS = ("municipalities", "fields_of_work")


def apply_changes(organization, changes, *, note="", submitter_email=""):
    """Set `changes` ({field: value}; many-to-many values as lists) on an
    organization held in memory; append `note` to its private staff notes."""
    for name, value in changes.items():
        if name in RELATIONS:
            getattr(organization, name).set(value)
        else:
            setattr(organization, name, value)
    if submitter_email:
        organization.submitter_email = submitter_email
    if note:
        organization.staff_notes = "\n\n".join(
            part for part in (organization.staff_notes, note) if part
        )
    return organization


def log_proposal(organization, action, revision, *, submitter_email="", user=None):
    """Log the proposal's revision; marked when there is a sender to notify."""
    log(
        instance=organization,
        action=action,
        revision=revision,
        content_changed=True,
        user=user,
        data={PROPOSAL_MARK: True} if submitter_email else {},
    )


@transaction.atomic
def propose_changes(organization, changes, *, note="", submitter_email="", user=None):
    """Save `changes` to a listed organization as a draft revision for review.

    Builds on the newest draft, so that staff edits in progress survive; the
    live version is untouched. The organization's row stays locked until the
    transaction ends: proposals sent at the same moment queue up, each builds
    on the draft of the one before, and none loses another's changes or
    message (without the lock, two would read the same draft and the later
    revision would drop the earlier one's note). With `submitter_email`, that
    address is told when the directory's editors publish it (see
    directory.notifications).
    Returns the organization as proposed (not saved as live).
    """
    live = Organization.objects.select_for_update().get(pk=organization.pk)
    draft = apply_changes(
        live.get_latest_revision_as_object(),
        changes,
        note=note,
        submitter_email=submitter_email,
    )
    revision = draft.save_revision(user=user, clean=False)
    log_proposal(
        draft, "wagtail.edit", revision, submitter_email=submitter_email, user=user
    )
    return draft
