"""The hub's outbox (every e-mail the platform sends, kept until it is sent)
and the staff's admin exports built off the request path."""

from django.conf import settings
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


class AdminExport(models.Model):
    """One export of an admin listing (`?export=csv|xlsx`), built by a task for
    the staff member who asked (`hub.admin_exports`); only they download it."""

    class Status(models.TextChoices):  # shown in words by the "My exports" page
        PENDING = "pending"
        READY = "ready"
        FAILED = "failed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=255)
    # What rebuilds the request in the worker: the export's address (filters
    # and search included) and the language it was asked in.
    url = models.TextField()
    language = models.CharField(max_length=16)
    export_format = models.CharField(max_length=4)
    status = models.CharField(max_length=8, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Its name in the private storage (unguessable), and the download's name.
    file = models.CharField(max_length=255, blank=True)
    filename = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.filename or self.title
