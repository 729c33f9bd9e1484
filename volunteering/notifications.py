"""The e-mails of volunteering, through `hub.mail` (stored in the caller's
transaction, delivered in the background)."""

from django.conf import settings

from hub import mail

from . import links

TEMPLATES = "volunteering/email/"


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(name, context, recipients, language):
    return mail.send(
        f"{TEMPLATES}{name}_subject.txt",
        f"{TEMPLATES}{name}_body.txt",
        context,
        recipients,
        language=language,
    )


def opportunity_received(opportunity):
    """To whoever posted it through the public form: it waits for review."""
    return _send(
        "received",
        {"opportunity": opportunity},
        [opportunity.submitter_email or opportunity.contact_email],
        opportunity.language,
    )


def opportunity_published(opportunity):
    """To the contact person: it is live; the private link to sign-ups and hours."""
    return _send(
        "published",
        {
            "opportunity": opportunity,
            "public_url": _absolute(opportunity.get_absolute_url()),
            "organizer_url": _absolute(
                links.organizer_path(opportunity, opportunity.language)
            ),
        },
        [opportunity.contact_email],
        opportunity.language,
    )


def opportunity_declined(opportunity, reason):
    return _send(
        "declined",
        {"opportunity": opportunity, "reason": reason},
        [opportunity.submitter_email or opportunity.contact_email],
        opportunity.language,
    )


def new_sign_up(sign_up):
    """To the organization's contact: who signed up, with their contact details
    (the only place outside the admin they go)."""
    opportunity = sign_up.opportunity
    return _send(
        "new_sign_up",
        {
            "sign_up": sign_up,
            "opportunity": opportunity,
            "organizer_url": _absolute(
                links.organizer_path(opportunity, opportunity.language)
            ),
        },
        [opportunity.contact_email],
        opportunity.language,
    )


def confirm_your_email(sign_up):
    return _send(
        "confirm_email",
        {
            "sign_up": sign_up,
            "opportunity": sign_up.opportunity,
            "confirm_url": _absolute(links.email_confirmation_path(sign_up)),
        },
        [sign_up.email],
        sign_up.language,
    )


def hours_confirmed(sign_up):
    return _send(
        "hours_confirmed",
        {
            "sign_up": sign_up,
            "opportunity": sign_up.opportunity,
            "certificate_url": _absolute(links.certificate_path(sign_up)),
        },
        [sign_up.email if sign_up.email_confirmed_at else ""],
        sign_up.language,
    )
