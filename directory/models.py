"""The directory of Kakheti's civil-society organizations (CSOs)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.history import OrganizationSnapshot
from directory.public_fields import PRIVATE_FIELDS
from hub.analysis import index_text
from hub.history import WAGTAIL_BOOKKEEPING_COLUMNS, TruthfulHistoryMixin
from hub.searchable import SearchKind

# The oldest Georgian civil-society organizations date from the 1990s; 1900
# only keeps typos such as 199 or 20015 out.
EARLIEST_FOUNDING_YEAR = 1900

# [0-9], not \d: \d also matches Arabic-Indic and other Unicode digits. The
# model field carries it, so the admin, the public form and import_directory
# (directory.tabular) all use this one validator.
identification_code_validator = RegexValidator(
    r"^[0-9]{9}$", _("A Georgian identification code has exactly 9 digits.")
)


class OrganizationQuerySet(models.QuerySet):
    """What the public may see of the directory, in one place."""

    def public(self, locale=None):
        """Live organizations of a locale (the active one by default), ready
        to list: relations fetched up front so a listing costs a constant
        number of queries; private columns not even loaded."""
        locale = locale or Locale.get_active()
        return (
            self.filter(live=True, locale=locale)
            .select_related("locale", "logo")
            .prefetch_related("municipalities", "fields_of_work")
            .defer(*PRIVATE_FIELDS)
            .order_by("name", "pk")
        )

    def listed(self, locale=None):
        """The organizations a visitor sees in a language.

        The public rows of that locale, plus, for any other language than the
        default (Georgian), the live Georgian rows that have no live
        translation yet: an English visitor still finds every organization.
        """
        locale = locale or Locale.get_active()
        listed = self.public(locale)
        default = Locale.get_default()
        if locale.pk == default.pk:
            return listed
        translated = self.filter(locale=locale, live=True).values("translation_key")
        return listed | self.public(default).exclude(translation_key__in=translated)


class Organization(
    TruthfulHistoryMixin,
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A civil-society or community organization working in Kakheti.

    A snippet rather than a page: it is data the hub shares (exports, API),
    reviewed as a draft before publication, translated with wagtail-localize.
    Fields under "private" are for staff only and never leave the admin.
    """

    class LegalForm(models.TextChoices):
        NNLE = "nnle", _("Non-entrepreneurial non-commercial legal entity")
        UNION = "union", _("Union")
        FOUNDATION = "foundation", _("Foundation")
        COMMUNITY = "community", _("Community organization")
        INITIATIVE_GROUP = "initiative_group", _("Initiative group")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    name = models.CharField(_("name"), max_length=255, help_text=_("Full name."))
    slug = models.SlugField(
        _("slug"), max_length=255, allow_unicode=True, help_text=_("Used in its URL.")
    )
    legal_form = models.CharField(
        _("legal form"),
        max_length=32,
        choices=LegalForm.choices,
        default=LegalForm.NNLE,
        help_text=_("As registered."),
    )
    identification_code = models.CharField(
        _("identification code"),
        max_length=9,
        blank=True,
        validators=[identification_code_validator],
        help_text=_("The 9-digit code of the public registry, if registered."),
    )
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Year of foundation, e.g. 2004."),
    )
    municipalities = ParentalManyToManyField(
        "taxonomy.Municipality",
        related_name="organizations",
        verbose_name=_("municipalities"),
        help_text=_("Where it works."),
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Office address.")
    )
    fields_of_work = ParentalManyToManyField(
        "taxonomy.Topic",
        related_name="organizations",
        blank=True,
        verbose_name=_("fields of work"),
        help_text=_("Topics it works on."),
    )
    target_groups = models.CharField(
        _("target groups"),
        max_length=255,
        blank=True,
        help_text=_("Whom it serves, e.g. youth, women, farmers."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What it does, in a few sentences.")
    )
    email = models.EmailField(_("public e-mail"), blank=True, help_text=_("Public."))
    phone = models.CharField(
        _("public phone"), max_length=40, blank=True, help_text=_("Public.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Public."))
    facebook_url = models.URLField(
        _("Facebook page"), blank=True, help_text=_("Public.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Square images look best."),
    )
    is_member = models.BooleanField(
        _("member of the hub"), default=False, help_text=_("Member of the hub.")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Inactive organizations stay listed, marked as inactive."),
    )
    data_confirmed_on = models.DateField(
        _("data last confirmed"),
        null=True,
        blank=True,
        help_text=_("When the organization last confirmed these data."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_(
            "Demo content, not a real organization; marked as sample data on the site."
        ),
    )
    # Private: staff only; never published, exported, indexed or served by the API.
    contact_person = models.CharField(
        _("contact person (private)"),
        max_length=255,
        blank=True,
        help_text=_("Private: visible to staff only."),
    )
    contact_person_phone = models.CharField(
        _("contact person's phone (private)"),
        max_length=40,
        blank=True,
        help_text=_("Private: visible to staff only."),
    )
    contact_person_email = models.EmailField(
        _("contact person's e-mail (private)"),
        blank=True,
        help_text=_("Private: visible to staff only."),
    )
    submitter_email = models.EmailField(
        _("proposed by (private)"),
        blank=True,
        help_text=_(
            "Private: who proposed this entry or correction through the public "
            "form; notified when it is published."
        ),
    )
    staff_notes = models.TextField(
        _("staff notes (private)"),
        blank=True,
        help_text=_("Private: visible to staff only."),
    )

    search_kind = SearchKind(
        "organization",
        _("Organizations"),
        _("Organization"),
        municipality_field="municipalities",
        order=40,
    )
    # Public fields only: private ones are synchronized to translations but
    # never indexed (see directory.public_fields).
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("search_text"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("legal_form"),
        index.FilterField("status"),
        index.FilterField("is_member"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("address"),
        TranslatableField("target_groups"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("legal_form", overridable=False),
        SynchronizedField("identification_code", overridable=False),
        SynchronizedField("founding_year", overridable=False),
        SynchronizedField("municipalities", overridable=False),
        SynchronizedField("fields_of_work", overridable=False),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("facebook_url"),
        SynchronizedField("logo"),
        SynchronizedField("is_member", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("data_confirmed_on", overridable=False),
        SynchronizedField("is_sample", overridable=False),
        SynchronizedField("contact_person", overridable=False),
        SynchronizedField("contact_person_phone", overridable=False),
        SynchronizedField("contact_person_email", overridable=False),
        SynchronizedField("submitter_email", overridable=False),
        SynchronizedField("staff_notes", overridable=False),
    ]

    objects = OrganizationQuerySet.as_manager()

    history = HistoricalRecords(
        bases=[OrganizationSnapshot],
        excluded_fields=WAGTAIL_BOOKKEEPING_COLUMNS,
        verbose_name=_("organization history"),
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_organization_slug_per_locale"
            )
        ]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        if self.founding_year and not (
            EARLIEST_FOUNDING_YEAR <= self.founding_year <= this_year
        ):
            errors["founding_year"] = _(
                "Enter a year between %(first)s and %(last)s."
            ) % {"first": EARLIEST_FOUNDING_YEAR, "last": this_year}
        if self.identification_code and self.locale_id:
            duplicate = (
                Organization.objects.filter(
                    locale_id=self.locale_id,
                    identification_code=self.identification_code,
                )
                .exclude(pk=self.pk)
                .first()
            )
            if duplicate:
                errors["identification_code"] = _(
                    "%(name)s already has this identification code."
                ) % {"name": duplicate.name}
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        """The public page, in the organization's own language."""
        with translation.override(self.locale.language_code):
            return reverse("directory:detail", kwargs={"slug": self.slug})

    def get_preview_template(self, request, mode_name):
        return "directory/organization_detail.html"

    def get_preview_context(self, request, mode_name):
        # The public page's own template, as the public will see it.
        context = super().get_preview_context(request, mode_name)
        context["organization"] = self
        return context

    def municipality_names(self):
        return ", ".join(m.name for m in self.municipalities.all())

    municipality_names.short_description = _("municipalities")

    def topic_names(self):
        return ", ".join(t.name for t in self.fields_of_work.all())

    topic_names.short_description = _("fields of work")

    def search_text(self):
        return index_text(self.name, self.description, self.target_groups, self.address)

    @classmethod
    def search_queryset(cls):
        """Live organizations of every language; private columns not loaded."""
        return (
            cls.objects.filter(live=True)
            .select_related("locale")
            .defer(*PRIVATE_FIELDS)
        )

    def search_excerpt(self):
        return self.description

    def search_date(self):
        return self.first_published_at
