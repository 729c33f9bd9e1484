"""The directory of Kakheti's civil-society organizations (CSOs)."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from search.analysis import index_text

identification_code_validator = RegexValidator(
    r"^\d{9}$", _("A Georgian identification code has exactly 9 digits.")
)


class Organization(
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
        help_text=_("Year of foundation."),
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

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("search_text"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("legal_form"),
        index.FilterField("status"),
    ]

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

    def search_text(self):
        return index_text(self.name, self.description, self.target_groups, self.address)
