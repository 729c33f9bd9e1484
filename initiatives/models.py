"""Citizens' initiatives: submitted publicly, moderated, reviewed by the council."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from search.analysis import index_text


def new_tracking_token():
    return secrets.token_urlsafe(24)


class Initiative(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A citizen's proposal to a municipality that the hub may advocate.

    A moderated snippet: it starts as a draft, enters the review workflow once
    its author confirms the e-mail, and is published ("live") only when the
    advisory council accepts it. The author's personal data stay private.
    """

    class Stage(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
        MODERATION = "moderation", _("In moderation")
        NEEDS_CHANGES = "needs_changes", _("Returned to the author")
        COUNCIL = "council", _("With the advisory council")
        ACCEPTED = "accepted", _("Accepted for advocacy")
        REJECTED = "rejected", _("Not accepted")
        SENT = "sent", _("Sent to the municipality")
        ANSWERED = "answered", _("Municipality answered")
        IMPLEMENTED = "implemented", _("Implemented")
        PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
        DECLINED = "declined", _("Declined by the municipality")
        NO_ANSWER = "no_answer", _("No answer from the municipality")

    class PublicName(models.TextChoices):
        FULL_NAME = "full_name", _("My full name")
        INITIALS = "initials", _("My initials")
        ANONYMOUS = "anonymous", _("Anonymous")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online form")
        PAPER = "paper", _("On paper")
        PHONE = "phone", _("By phone")
        IN_PERSON = "in_person", _("In person")

    title = models.CharField(_("title"), max_length=200, help_text=_("Short title."))
    summary = models.TextField(
        _("summary"), max_length=1000, help_text=_("The initiative in a few lines.")
    )
    problem = models.TextField(
        _("the problem"), max_length=5000, help_text=_("What is wrong today?")
    )
    solution = models.TextField(
        _("proposed solution"), max_length=5000, help_text=_("What should change?")
    )
    request_to_municipality = models.TextField(
        _("what is asked of the municipality"),
        max_length=3000,
        help_text=_("The concrete request the hub would advocate."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("municipality"),
        help_text=_("The municipality the request is addressed to."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        related_name="initiatives",
        blank=True,
        verbose_name=_("topics"),
        help_text=_("What the initiative is about."),
    )
    supporting_organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        verbose_name=_("supporting organization"),
        help_text=_("An organization of the directory that supports it, if any."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="ka",
        help_text=_("The language it was written in."),
    )

    # Private: the author's personal data. Never public, exported or indexed.
    author_name = models.CharField(
        _("author's name (private)"), max_length=200, help_text=_("Private.")
    )
    author_email = models.EmailField(
        _("author's e-mail (private)"),
        help_text=_("Private: used for confirmation and status e-mails."),
    )
    author_phone = models.CharField(
        _("author's phone (private)"),
        max_length=40,
        blank=True,
        help_text=_("Private, optional."),
    )
    public_name = models.CharField(
        _("shown publicly as"),
        max_length=16,
        choices=PublicName.choices,
        default=PublicName.FULL_NAME,
        help_text=_("How the author chose to be shown on the site."),
    )
    consent_given_at = models.DateTimeField(
        _("consent to data processing given at"),
        help_text=_("When the author consented to the processing of personal data."),
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent recorded by"),
        help_text=_("Staff member who entered a paper or phone submission."),
    )
    channel = models.CharField(
        _("received"),
        max_length=16,
        choices=Channel.choices,
        default=Channel.ONLINE,
        help_text=_("How the initiative reached the hub."),
    )

    # Bookkeeping of the public journey.
    stage = models.CharField(
        _("stage"),
        max_length=32,
        choices=Stage.choices,
        default=Stage.UNCONFIRMED,
        db_index=True,
        help_text=_("Where the initiative stands; updated by the workflow."),
    )
    stage_changed_at = models.DateTimeField(
        _("stage changed at"), auto_now_add=True, help_text=_("Set automatically.")
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    tracking_token = models.CharField(
        _("tracking token"),
        max_length=64,
        unique=True,
        default=new_tracking_token,
        editable=False,
    )
    submission_key = models.UUIDField(
        _("submission key"),
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Makes a double submit of the same form create one initiative."),
    )

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("search_text"),
        index.FilterField("live"),
        index.FilterField("stage"),
        index.FilterField("municipality_id"),
        index.FilterField("language"),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self):
        return self.title

    def search_text(self):
        # Public fields only: never the author's name, e-mail or phone.
        return index_text(
            self.title,
            self.summary,
            self.problem,
            self.solution,
            self.request_to_municipality,
        )


class InitiativeAttachment(Orderable):
    """An image or PDF a citizen attached to support the initiative."""

    initiative = ParentalKey(
        Initiative, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"), upload_to="initiatives/%Y/%m/", help_text=_("Image or PDF.")
    )
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name
