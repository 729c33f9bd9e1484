"""A consultation case: an organization's request for help, and its handling."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords

from hub.roles import CONSULTANTS
from hub.tokens import new_tracking_token

#: Days to answer a request, by urgency: the due date set on confirmation.
DAYS_TO_ANSWER = {"urgent": 3, "normal": 14, "low": 30}


def default_locale_organizations():
    """Cases point at the directory's source (Georgian) rows only."""
    from wagtail.models import Locale

    return Q(locale=Locale.get_default())


class Mode(models.TextChoices):
    """How a consultation is held (and how the organization prefers it)."""

    OFFICE = "office", _("At the hub's office in Telavi")
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online (video call)")


class CaseQuerySet(models.QuerySet):
    def confirmed(self):
        """Requests whose sender confirmed the e-mail: the desk's real cases."""
        return self.exclude(status=Case.Status.UNCONFIRMED)

    def open(self):
        return self.confirmed().exclude(status=Case.Status.CLOSED)

    def overdue(self, today=None):
        """Open cases past their due date."""
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Case(ClusterableModel):
    """An organization's or initiative group's request for a consultation, and
    everything the hub's consultants do about it.

    Confidential: only consultants and administrators see a case (see
    `consultations.roles`). It is not indexed for search, not in the reference
    index, and nothing of it is public; the impact figures read counts through
    `consultations.statistics`, which uses only `public_fields.COUNTED_FIELDS`.
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        WAITING = "waiting", _("Waiting for the organization")
        CLOSED = "closed", _("Closed")

    class Kind(models.TextChoices):
        LEGAL = "legal", _("Legal")
        ORGANIZATIONAL = "organizational", _("Organizational")
        INFORMATIONAL = "informational", _("Informational")
        OTHER = "other", _("Other")

    class Urgency(models.TextChoices):
        LOW = "low", _("Not urgent: within a month")
        NORMAL = "normal", _("Within two weeks")
        URGENT = "urgent", _("Urgent: a deadline within days")

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Resolved")
        REFERRED = "referred", _("Referred to another service")
        NOT_NEEDED = "not_needed", _("No longer needed")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online form")
        PHONE = "phone", _("By phone")
        IN_PERSON = "in_person", _("In person")
        EMAIL = "email", _("By e-mail")

    Mode = Mode

    # Who asks.
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_organizations,
        verbose_name=_("organization from the directory"),
        help_text=_("Leave empty for a group that is not in the directory."),
    )
    group_name = models.CharField(
        _("name of the group"),
        max_length=255,
        blank=True,
        help_text=_("For an initiative group or organization not in the directory."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
        help_text=_("Where the organization or group works; used in the counts."),
    )
    contact_name = models.CharField(
        _("contact person"), max_length=200, help_text=_("Who to talk to.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_(
            "For the confirmation, the tracking link and the feedback question."
        ),
    )
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, help_text=_("Optional.")
    )

    # What they ask.
    kind = models.CharField(
        _("kind of help"),
        max_length=16,
        choices=Kind.choices,
        help_text=_("Legal, organizational, informational or other."),
    )
    question = models.TextField(
        _("question"), max_length=4000, help_text=_("The request in their words.")
    )
    urgency = models.CharField(
        _("urgency"),
        max_length=8,
        choices=Urgency.choices,
        default=Urgency.NORMAL,
        help_text=_("How soon they need an answer; sets the first due date."),
    )
    preferred_mode = models.CharField(
        _("preferred way"),
        max_length=8,
        choices=Mode.choices,
        default=Mode.OFFICE,
        help_text=_("How they would like to meet."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="ka",
        help_text=_("The language of the e-mails to the contact person."),
    )
    channel = models.CharField(
        _("received"),
        max_length=16,
        choices=Channel.choices,
        default=Channel.ONLINE,
        help_text=_("How the request reached the hub."),
    )
    consent_given_at = models.DateTimeField(
        _("consent given at"),
        help_text=_("When the contact person agreed to the processing of their data."),
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent recorded by"),
        help_text=_("The consultant who entered a request received in person."),
    )
    requested_at = models.DateTimeField(
        _("requested at"), default=timezone.now, editable=False
    )
    confirmed_at = models.DateTimeField(
        _("e-mail confirmed at"), null=True, blank=True, editable=False
    )
    tracking_token = models.CharField(
        _("tracking token"),
        max_length=64,
        unique=True,
        default=new_tracking_token,
        editable=False,
    )
    submission_key = models.UUIDField(
        _("submission key"), null=True, blank=True, unique=True, editable=False
    )

    # How the desk handles it.
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        db_index=True,
        help_text=_(
            "Choosing a consultant makes a new case assigned; closing it asks "
            "the organization for feedback."
        ),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"groups__name": CONSULTANTS, "is_active": True},
        verbose_name=_("consultant"),
        help_text=_("The consultant in charge; told by e-mail."),
    )
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("When the next answer is due; past it, the case is overdue."),
    )
    follow_up_date = models.DateField(
        _("follow-up date"),
        null=True,
        blank=True,
        help_text=_("When to check back with the organization."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=Outcome.choices,
        blank=True,
        help_text=_("Required to close the case."),
    )
    closed_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, editable=False
    )

    # The organization's feedback, asked for on closing.
    feedback_requested_at = models.DateTimeField(
        _("feedback asked for at"), null=True, blank=True, editable=False
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"),
        null=True,
        blank=True,
        choices=[
            (5, _("Very satisfied")),
            (4, _("Satisfied")),
            (3, _("Neither satisfied nor dissatisfied")),
            (2, _("Dissatisfied")),
            (1, _("Very dissatisfied")),
        ],
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("The organization's answer to the feedback question."),
    )
    feedback_comment = models.TextField(
        _("feedback comment"),
        max_length=2000,
        blank=True,
        help_text=_("What the organization wrote with its answer."),
    )
    feedback_received_at = models.DateTimeField(
        _("feedback received at"), null=True, blank=True, editable=False
    )

    objects = CaseQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["tracking_token", "submission_key"],
        verbose_name=_("case history"),
    )
    # Never listed as "usage" of an organization: that would show directory
    # editors which organizations asked for help.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("consultation case")
        verbose_name_plural = _("consultation cases")

    def __str__(self):
        return _("Case %(number)s: %(name)s") % {
            "number": self.pk or "—",
            "name": self.requester_name or "—",
        }

    @property
    def requester_name(self):
        """The organization's name, or the group's (not personal data)."""
        if self.organization_id:
            return self.organization.name
        return self.group_name

    @property
    def is_open(self):
        return self.status not in (self.Status.UNCONFIRMED, self.Status.CLOSED)

    @property
    def is_overdue(self):
        return bool(
            self.is_open and self.due_date and self.due_date < timezone.localdate()
        )

    def first_due_date(self, today=None):
        today = today or timezone.localdate()
        return today + datetime.timedelta(days=DAYS_TO_ANSWER[self.urgency])

    def clean(self):
        super().clean()
        errors = {}
        if not self.organization_id and not self.group_name.strip():
            errors["group_name"] = _(
                "Choose an organization from the directory or enter the group's name."
            )
        if (
            self.status
            in (
                self.Status.ASSIGNED,
                self.Status.IN_PROGRESS,
                self.Status.WAITING,
            )
            and not self.assignee_id
        ):
            errors["assignee"] = _("Choose the consultant in charge of this case.")
        if self.status == self.Status.CLOSED and not self.outcome:
            errors["outcome"] = _("Choose the outcome to close the case.")
        if self.outcome and self.status != self.Status.CLOSED:
            errors["outcome"] = _(
                "An outcome is recorded when the case is closed: set the status "
                "to closed, or leave the outcome empty."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A consultant chosen for a new case means it is assigned; closing
        # and reopening keep closed_at true.
        if self.status == self.Status.NEW and self.assignee_id:
            self.status = self.Status.ASSIGNED
        if self.status == self.Status.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != self.Status.CLOSED:
            self.closed_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "status", "closed_at"}
        super().save(*args, **kwargs)
