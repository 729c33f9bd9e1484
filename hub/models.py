"""The hub's outbox: every e-mail the platform sends, kept until it is sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(sent_at__isnull=True, failed=False, next_attempt_at__lte=now)


class OutgoingMail(models.Model):
    """One e-mail, written in the same transaction as what caused it.

    A citizen's submission never waits for, or fails with, the mail server:
    the message is stored here, a background task sends it, and a message the
    server refused is tried again later (`hub.mail`), so none is lost. Staff
    only: it holds recipients' addresses.
    """

    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    recipients = models.JSONField(_("recipients"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failed = models.BooleanField(
        _("given up"),
        default=False,
        help_text=_("Set after the last attempt: the address may be wrong."),
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return self.subject
