"""The time bank's e-mails, each in the member's language, through `hub.mail`.

Members never see each other's addresses: messages between them are relayed
from the hub's address, with a one-time link to answer on the site.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.admin.utils import get_admin_base_url

from hub import mail

from . import tokens


def _url(member, name, **kwargs):
    with translation.override(member.language):
        return get_admin_base_url() + reverse(f"timebank:{name}", kwargs=kwargs)


def _path(member, name, **kwargs):
    with translation.override(member.language):
        return reverse(f"timebank:{name}", kwargs=kwargs)


def _send(member, template, context):
    if not member.email:
        return False
    return mail.send(
        f"timebank/email/{template}_subject.txt",
        f"timebank/email/{template}.txt",
        {"member": member, **context},
        [member.email],
        language=member.language,
    )


def _sign_in(member, name="me", **kwargs):
    from .signin import sign_in_url

    return sign_in_url(member, _path(member, name, **kwargs))


def email_confirmation(member):
    return _send(
        member,
        "confirm_email",
        {
            "confirm_url": _url(
                member, "confirm_email", token=tokens.email_token(member)
            ),
            "expiry_days": tokens.MAX_AGE_DAYS,
        },
    )


def approved(member):
    if not member.has_confirmed_email:
        return False
    return _send(member, "approved", {"sign_in_url": _sign_in(member)})


def sign_in_link(member):
    return _send(member, "sign_in", {"sign_in_url": _sign_in(member)})


def relayed(message, recipient):
    """Pass a member's message on to the other member; False when the other
    member has no confirmed e-mail (a coordinator then phones them)."""
    if not recipient.has_confirmed_email:
        return False
    response = message.response
    return _send(
        recipient,
        "relayed_message",
        {
            "message": message,
            "listing": response.listing,
            "sender_name": message.sender.display_name,
            "is_first": response.listing.member_id == recipient.pk
            and message.sender_id == response.member_id
            and response.messages.count() == 1,
            "reply_url": _sign_in(recipient, "conversation", pk=response.pk),
        },
    )


def exchange_to_confirm(exchange):
    if not exchange.helper.has_confirmed_email:
        return False
    return _send(
        exchange.helper,
        "exchange_to_confirm",
        {
            "exchange": exchange,
            "helped_name": exchange.helped.display_name,
            "confirm_url": _sign_in(exchange.helper, "me"),
        },
    )


def exchange_decided(exchange):
    if not exchange.helped.has_confirmed_email:
        return False
    return _send(
        exchange.helped,
        "exchange_decided",
        {"exchange": exchange, "helper_name": exchange.helper.display_name},
    )
