"""E-mails about initiatives: to their author, and to the advisory council.

Authors have no account, so Wagtail's own workflow e-mails (which go to the
requesting user) never reach them; these do, in the initiative's language,
with the private tracking link. Custom tasks get no Wagtail e-mails at all,
so council members are notified here when a review reaches them.
"""

import contextlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from hub import mail

#: Events an author is told about; each has a paragraph in author_update.txt.
AUTHOR_EVENTS = (
    "received",
    "in_council",
    "needs_changes",
    "rejected",
    "accepted",
    "advocacy_step",
)


def staff_language(user):
    """The language of `user`'s admin: their choice, else the site's default.

    (Wagtail falls back to the language of whatever request is running, so a
    citizen confirming in English would make the moderators' e-mail English.)
    """
    return UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


@contextlib.contextmanager
def for_staff():
    """Around a workflow action: Wagtail's e-mails to staff without a chosen
    language come in the site's default language, not the request's."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def tracking_url(initiative):
    """Absolute private tracking link, in the initiative's language."""
    with translation.override(initiative.language):
        try:
            path = reverse(
                "initiatives:track", kwargs={"token": initiative.tracking_token}
            )
        except NoReverseMatch:  # the public views are not installed
            prefix = "" if initiative.language == settings.LANGUAGE_CODE else "/en"
            path = f"{prefix}/initiatives/track/{initiative.tracking_token}/"
    return get_admin_base_url() + path


def notify_author(initiative, event, **extra):
    """E-mail the author about `event` (one of AUTHOR_EVENTS)."""
    assert event in AUTHOR_EVENTS, event
    context = {
        "initiative": initiative,
        "event": event,
        "tracking_url": tracking_url(initiative),
        **extra,
    }
    return mail.send(
        "initiatives/email/author_update_subject.txt",
        "initiatives/email/author_update.txt",
        context,
        [initiative.author_email],
        language=initiative.language,
    )


def notify_council(task_state, task):
    """Tell each council member that an initiative awaits their vote."""
    initiative = task_state.workflow_state.content_object
    members = (
        get_user_model()
        .objects.filter(groups=task.group, is_active=True)
        .exclude(email="")
    )
    url = get_admin_base_url() + reverse(
        "wagtailsnippets_initiatives_initiative:review", args=[initiative.pk]
    )
    sent = 0
    for member in members:
        profile = UserProfile.get_for_user(member)
        if not profile.submitted_notifications:
            continue  # the member turned these e-mails off in their account
        sent += mail.send(
            "initiatives/email/council_review_subject.txt",
            "initiatives/email/council_review.txt",
            {
                "initiative": initiative,
                "member": member,
                "task": task,
                "url": url,
                "dashboard_url": get_admin_base_url() + reverse("wagtailadmin_home"),
            },
            [member.email],
            language=staff_language(member),
        )
    return sent
