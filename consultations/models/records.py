"""What consultants record on a case: sessions held, private notes, documents."""

from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from consultations import documents
from hub.history import ChildHistoricalRecords
from hub.roles import CONSULTANTS

from .case import Case, Mode


class CaseSession(models.Model):
    """A consultation held: when, how long, how. The counts of the hub's
    results ("consultations given") are counts of cases with sessions."""

    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("When it was held.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(600)],
        help_text=_("Between 5 and 600 minutes."),
    )
    mode = models.CharField(
        _("how"),
        max_length=8,
        choices=Mode.choices,
        default=Mode.OFFICE,
        help_text=_("At the office, by phone or online."),
    )
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"groups__name": CONSULTANTS},
        verbose_name=_("consultant"),
        help_text=_("Who held it; you, if left empty."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=4000,
        help_text=_("What was discussed and agreed (private)."),
    )

    history = ChildHistoricalRecords(verbose_name=_("session history"))
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return _("Session of %(date)s") % {"date": self.date.strftime("%d.%m.%Y")}


class CaseNote(models.Model):
    """A consultant's private note on a case, signed and dated."""

    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(
        _("note"), max_length=4000, help_text=_("Private: consultants only.")
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(
        _("written at"), default=timezone.now, editable=False
    )

    history = ChildHistoricalRecords(verbose_name=_("note history"))
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["written_at", "pk"]
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")

    def __str__(self):
        return _("Note of %(date)s") % {
            "date": timezone.localtime(self.written_at).strftime("%d.%m.%Y")
        }


class CaseDocument(models.Model):
    """A file exchanged with the organization: in private storage, downloaded
    only through the admin's permission-checked view."""

    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("What it is, e.g. “draft charter”."),
    )
    file = models.FileField(
        _("file"),
        storage=documents.storage,
        upload_to=documents.upload_path,
        max_length=255,
        validators=[documents.validate_document],
        help_text=_("PDF, Word, OpenDocument, Excel, text or image; up to 10 MB."),
    )
    original_name = models.CharField(
        _("file name"), max_length=255, blank=True, editable=False
    )
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(
        _("uploaded at"), default=timezone.now, editable=False
    )

    history = ChildHistoricalRecords(verbose_name=_("document history"))
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        # A new upload: remember the name the consultant gave it (the stored
        # name is random, see documents.upload_path).
        if self.file and not self.file._committed:
            self.original_name = PurePath(self.file.name).name[:255]
            self.size = self.file.size
            replaced = (
                type(self).objects.filter(pk=self.pk).values_list("file", flat=True)
                if self.pk
                else []
            )
            for name in replaced:
                # The file it replaces goes once the new one is committed.
                transaction.on_commit(lambda name=name: documents.storage.delete(name))
        super().save(*args, **kwargs)
