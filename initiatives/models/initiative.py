"""Citizens' initiatives: submitted publicly, moderated, reviewed by the council."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from hub.analysis import index_text
from hub.history import TruthfulHistoryMixin, is_bookkeeping_save
from hub.searchable import SearchKind

from ..storage import private_storage

# Kept from the database row when a revision is restored or published: they
# describe the journey of the initiative, not the text of one revision. Only
# `initiatives.journey` changes them.
JOURNEY_FIELDS = (
    "stage",
    "stage_changed_at",
    "submitted_at",
    "confirmed_at",
    "accepted_at",
    "anonymised_at",
    "tracking_token",
    "submission_key",
    "rejection_reason",
    "rejection_message",
)


#: The author's personal data: never public, exported or indexed; removed by
#: `journey.anonymise` when the retention period ends.
PERSONAL_FIELDS = ("author_name", "author_email", "author_phone", "author_address")


def new_tracking_token():
    return secrets.token_urlsafe(24)


class InitiativeQuerySet(models.QuerySet):
    """What the public may see of initiatives, in one place."""

    def public(self):
        """Published initiatives, ready for lists and detail pages.

        Live only; with municipality, supporting organization, topics and the
        advocacy timeline (`advocacy_steps`, ordered by date) fetched in bulk.
        Never show the author_* fields: use `public_author`.
        """
        from .advocacy import AdvocacyStep

        return (
            self.filter(live=True)
            .select_related("municipality", "supporting_organization")
            .prefetch_related(
                "topics",
                models.Prefetch(
                    "advocacy_steps",
                    queryset=AdvocacyStep.objects.select_related("letter").order_by(
                        "date", "pk"
                    ),
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def supported_by(self, organization):
        """Published initiatives the organization supports, in any language."""
        return (
            self.filter(
                live=True,
                supporting_organization__translation_key=organization.translation_key,
            )
            .select_related("municipality")
            .only("pk", "title", "summary", "municipality", "stage", "language")
            .order_by("-first_published_at", "-pk")
        )


class Initiative(
    TruthfulHistoryMixin,
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

    class RejectionReason(models.TextChoices):
        DUPLICATE = "duplicate", _("Duplicate of another initiative")
        OUT_OF_SCOPE = "out_of_scope", _("Outside the hub's scope")
        OFFENSIVE = "offensive", _("Offensive content")
        INCOMPLETE = "incomplete", _("Incomplete")
        PERSONAL_DATA = "personal_data", _("Contains personal data of others")
        OTHER = "other", _("Other reason")

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
        blank=True,
        help_text=_(
            "Private: used for confirmation and status e-mails. An author who "
            "wrote on paper or phoned may have none: then give a phone number "
            "or a postal address."
        ),
    )
    author_phone = models.CharField(
        _("author's phone (private)"),
        max_length=40,
        blank=True,
        help_text=_("Private, optional."),
    )
    author_address = models.TextField(
        _("author's postal address (private)"),
        max_length=500,
        blank=True,
        help_text=_("Private: for an author who can be reached only by post."),
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
        _("stage changed at"), default=timezone.now, help_text=_("Set automatically.")
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(
        _("author's data removed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the author's personal data were removed, after the retention "
            "period; set by the daily anonymisation."
        ),
    )
    accepted_at = models.DateTimeField(
        _("accepted for advocacy at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the advisory council accepted it; set by the workflow."),
    )
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

    rejection_reason = models.CharField(
        _("reason for returning it"),
        max_length=32,
        choices=RejectionReason.choices,
        blank=True,
        help_text=_("Set by the moderator who returned it to the author."),
    )
    rejection_message = models.TextField(
        _("explanation for the author"),
        blank=True,
        help_text=_(
            "The last explanation e-mailed to the author; set by the workflow."
        ),
    )

    objects = InitiativeQuerySet.as_manager()

    history = HistoricalRecords(
        excluded_fields=[
            "latest_revision",
            "live_revision",
            "has_unpublished_changes",
            "locked",
            "locked_at",
            "locked_by",
            "tracking_token",
            "submission_key",
        ]
    )

    search_kind = SearchKind(
        "initiative",
        _("Initiatives"),
        _("Initiative"),
        municipality_field="municipality",
        order=50,
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
        permissions = [
            (
                "review_initiative",
                _("Can review initiatives: read them whole, with attachments"),
            )
        ]

    def __str__(self):
        return self.title

    def skip_history_for(self, update_fields):
        # Until first published, the row holds nothing but draft text; Wagtail's
        # revisions and audit log record the review, the history the public life.
        never_published = not self.live and self.first_published_at is None
        return never_published or is_bookkeeping_save(update_fields)

    def clean(self):
        super().clean()
        if self.anonymised_at is None and not any(
            getattr(self, name).strip()
            for name in ("author_email", "author_phone", "author_address")
        ):
            raise ValidationError(
                {
                    "author_email": _(
                        "Give at least one way to reach the author: an e-mail, "
                        "a phone number or a postal address."
                    )
                }
            )

    @property
    def contact_ways(self):
        """How the author can be reached (not the details): for staff lists."""
        ways = [
            (self.author_email, _("e-mail")),
            (self.author_phone, _("phone")),
            (self.author_address, _("post")),
        ]
        return [label for value, label in ways if value.strip()]

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in JOURNEY_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def days_in_stage(self):
        return (timezone.now() - self.stage_changed_at).days

    @property
    def public_author(self):
        """The author as they chose to be shown: full name, initials or anonymous."""
        if self.public_name == self.PublicName.FULL_NAME:
            return self.author_name
        if self.public_name == self.PublicName.INITIALS:
            return initials(self.author_name)
        return _("Anonymous")

    def get_absolute_url(self):
        """The public page, in the active language (only published initiatives
        have one; an initiative is not translated, the page around it is)."""
        return reverse("initiatives:detail", kwargs={"pk": self.pk})

    def get_preview_template(self, request, mode_name):
        # The public page itself, so reviewers see it as visitors will.
        return "initiatives/initiative_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(
            initiative=self,
            author=self.public_author,
            steps=self.advocacy_steps.all() if self.pk else [],
        )
        return context

    def search_text(self):
        # Public fields only: never the author's name, e-mail or phone.
        return index_text(
            self.title,
            self.summary,
            self.problem,
            self.solution,
            self.request_to_municipality,
        )

    @classmethod
    def search_queryset(cls):
        """Published initiatives; the author's personal data not loaded."""
        return cls.objects.filter(live=True).defer(*PERSONAL_FIELDS)

    def search_excerpt(self):
        return self.summary

    def search_language(self):
        return self.language

    def search_date(self):
        return self.first_published_at


def initials(name):
    """ "ნინო ბერიძე" -> "ნ. ბ."; works for any script."""
    return " ".join(f"{part[0]}." for part in name.split() if part)


class InitiativeAttachment(Orderable):
    """An image or PDF a citizen attached to support the initiative.

    Personal data: stored privately (`initiatives.storage`), shown only to the
    staff who review, and deleted (file too) with the author's personal data.
    """

    initiative = ParentalKey(
        Initiative, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"),
        upload_to="initiatives/%Y/%m/",
        storage=private_storage,
        help_text=_("Image or PDF."),
    )
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name
