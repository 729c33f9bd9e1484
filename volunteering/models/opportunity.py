"""An opportunity to volunteer, posted by an organization of the directory."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.search import index

from hub.analysis import index_text
from hub.searchable import SearchKind

from ..public_fields import (
    MUNICIPALITY_FIELDS,
    OPPORTUNITY_PUBLIC_FIELDS,
    ORGANIZATION_FIELDS,
)


def new_organizer_key():
    return secrets.token_urlsafe(16)


class OpportunityQuerySet(models.QuerySet):
    def published(self):
        """Published opportunities, open or past their deadline, with only
        their public columns (never the contact person's)."""
        return (
            self.filter(status=Opportunity.Status.PUBLISHED)
            .select_related("organization", "municipality")
            .prefetch_related("topics")
            .only(
                "id",
                *(
                    name
                    for name in OPPORTUNITY_PUBLIC_FIELDS
                    if name not in ("organization", "municipality")
                ),
                *(f"organization__{name}" for name in ORGANIZATION_FIELDS),
                *(f"municipality__{name}" for name in MUNICIPALITY_FIELDS),
            )
        )

    def open(self, today=None):
        """Published and not past the deadline: the public listing. Expiry is
        this filter, so nothing has to be switched off on the deadline."""
        today = today or timezone.localdate()
        return self.filter(
            status=Opportunity.Status.PUBLISHED, deadline__gte=today
        ).order_by("deadline", "-published_at", "-id")

    def public(self, today=None):
        return self.published().open(today)


class Opportunity(index.Indexed, models.Model):
    """What an organization asks volunteers for, and the sign-ups it gathers.

    Posted by staff in the admin or by the organization through the public
    form; a public posting waits for staff (status "submitted") before it is
    published. Its contact person is private: the organization hears from
    the hub by e-mail and confirms hours from a private link.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Language(models.TextChoices):
        KA = "ka", _("Georgian")
        EN = "en", _("English")

    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        related_name="volunteering_opportunities",
        verbose_name=_("organization"),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.KA,
        help_text=_("The language the opportunity is written in."),
    )
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(
        _("description"),
        max_length=4000,
        help_text=_("What volunteers will do. Public: no phone numbers or e-mails."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volunteering_opportunities",
        verbose_name=_("municipality"),
        help_text=_("Empty only for remote volunteering."),
    )
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Village, town or venue, e.g. “Telavi, the public library”."),
    )
    is_remote = models.BooleanField(_("remote"), default=False)
    starts_on = models.DateField(
        _("starts on"), null=True, blank=True, help_text=_("Empty when ongoing.")
    )
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Empty for one day.")
    )
    time_needed = models.CharField(
        _("time needed"),
        max_length=200,
        help_text=_("e.g. “Two Saturdays, 4 hours each”."),
    )
    skills = models.CharField(
        _("skills"),
        max_length=300,
        blank=True,
        help_text=_("What helps; leave empty if anyone can help."),
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="volunteering_opportunities",
        verbose_name=_("topics"),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True
    )
    for_young_people = models.BooleanField(
        _("suitable for young people"),
        default=False,
        help_text=_("Pupils and students are welcome."),
    )
    volunteers_needed = models.PositiveSmallIntegerField(
        _("volunteers needed"),
        default=5,
        help_text=_("After this many sign-ups, new ones join a waiting list."),
    )
    deadline = models.DateField(
        _("deadline"),
        help_text=_(
            "The last day to sign up; the opportunity leaves the listing then."
        ),
    )
    # Private: staff and the organization only.
    contact_name = models.CharField(_("contact person (private)"), max_length=120)
    contact_email = models.EmailField(
        _("contact person's e-mail (private)"),
        help_text=_("Sign-ups and the link to confirm hours are sent here."),
    )
    contact_phone = models.CharField(
        _("contact person's phone (private)"), max_length=40, blank=True
    )
    submitter_email = models.EmailField(
        _("posted by (private)"), blank=True, editable=False
    )
    organizer_key = models.CharField(
        max_length=40, default=new_organizer_key, editable=False
    )
    staff_notes = models.TextField(_("staff notes (private)"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, editable=False)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    submission_key = models.UUIDField(
        null=True, blank=True, unique=True, editable=False
    )

    objects = OpportunityQuerySet.as_manager()
    # Who changed what (the admin's "Field changes", `hub.history`).
    history = HistoricalRecords(
        excluded_fields=["organizer_key", "submission_key"],
        verbose_name=_("opportunity history"),
    )

    search_kind = SearchKind(
        "volunteering",
        _("Volunteering"),
        _("Volunteering opportunity"),
        municipality_field="municipality",
        order=55,
    )
    # Public fields only: never the contact person.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("search_text"),
        index.FilterField("status"),
        index.FilterField("deadline"),
        index.FilterField("municipality_id"),
    ]

    class Meta:
        ordering = ["deadline", "-pk"]
        verbose_name = _("volunteering opportunity")
        verbose_name_plural = _("volunteering opportunities")
        permissions = [("publish_opportunity", _("Can publish or decline"))]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("volunteering:detail", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        errors = {}
        if not self.is_remote and not self.municipality_id:
            errors["municipality"] = _("Choose a municipality, or mark it as remote.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end cannot be before the start.")
        if self.ends_on and not self.starts_on:
            errors["starts_on"] = _("Give the start date too.")
        if (
            self.deadline
            and self.starts_on
            and self.deadline > (self.ends_on or self.starts_on)
        ):
            errors["deadline"] = _("The deadline cannot be after the activity ends.")
        if self.volunteers_needed is not None and self.volunteers_needed < 1:
            errors["volunteers_needed"] = _("At least one volunteer.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.deadline >= timezone.localdate()
        )

    @property
    def is_dated(self):
        return self.starts_on is not None

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    @classmethod
    def search_queryset(cls):
        # A search result shows no topics: no query to prefetch them.
        return cls.objects.public().prefetch_related(None)

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().select_related("organization")

    def search_text(self):
        return index_text(
            self.title,
            self.description,
            self.skills,
            self.place,
            self.organization.name,
        )

    def search_excerpt(self):
        return self.description

    def search_date(self):
        return self.starts_on or self.deadline
