"""Offers and requests members publish, and the responses that connect them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from hub.analysis import index_terms, index_text
from hub.searchable import SearchKind
from taxonomy.models import Municipality

from ..public_fields import LISTING_PUBLIC_FIELDS, MEMBER_PUBLIC_FIELDS
from .category import Category
from .member import Member

# Categories and municipalities are public vocabularies.
CATEGORY_FIELDS = ["id", "name_ka", "name_en", "slug"]


class ListingQuerySet(models.QuerySet):
    def public(self):
        """What anyone may see: active listings of approved members, with only
        the public columns of the member loaded (never contact details).

        The related rows come in one query each (prefetched, not joined), so
        that the listing itself is read in its index's order: joined, SQLite
        sorted every active listing for each page.
        """
        return (
            self.filter(live=True)
            .only("id", "live", "member", *LISTING_PUBLIC_FIELDS)
            .prefetch_related(
                models.Prefetch("category", Category.objects.only(*CATEGORY_FIELDS)),
                models.Prefetch(
                    "municipality", Municipality.objects.only(*CATEGORY_FIELDS)
                ),
                models.Prefetch(
                    "member", Member.objects.only("id", *MEMBER_PUBLIC_FIELDS)
                ),
            )
            .order_by("-created_at", "-id")
        )


class Listing(index.Indexed, models.Model):
    """An offer of help ("I can…") or a request for it ("I need…").

    Public while it is active and its member is approved (`live`, kept by
    `timebank.members` and `save`); it shows the member's public name only.
    """

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed by the member")
        HIDDEN = "hidden", _("Hidden by a coordinator")

    member = models.ForeignKey(
        "timebank.Member",
        on_delete=models.CASCADE,
        related_name="listings",
        verbose_name=_("member"),
    )
    kind = models.CharField(
        _("offer or request"), max_length=8, choices=Kind.choices, db_index=True
    )
    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("A short title, e.g. “A lift to the clinic in Telavi”."),
    )
    category = models.ForeignKey(
        "timebank.Category",
        on_delete=models.PROTECT,
        related_name="listings",
        verbose_name=_("category"),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        on_delete=models.PROTECT,
        related_name="time_bank_listings",
        verbose_name=_("municipality"),
    )
    description = models.TextField(
        _("description"),
        max_length=2000,
        help_text=_(
            "What, when, how long. No phone numbers or addresses: they would be public."
        ),
    )
    for_group = models.BooleanField(
        _("for a group"),
        default=False,
        help_text=_("For several people at once, e.g. a class or a neighbourhood."),
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Only active listings are shown."),
    )
    live = models.BooleanField(
        _("public"),
        default=False,
        editable=False,
        db_index=True,
        help_text=_("Active, and its member approved: set automatically."),
    )
    # The listing's search in the database, as fast on 15,000 listings as on
    # 15 (a search engine's ranking is not needed: the listing is by date).
    search_terms = models.TextField(
        _("search terms"),
        blank=True,
        editable=False,
        help_text=_("Words of the title and description in all their forms."),
    )
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True)

    objects = ListingQuerySet.as_manager()

    search_kind = SearchKind(
        "time-bank",
        _("Time bank"),
        _("Time-bank offer or request"),
        municipality_field="municipality",
        order=60,
    )
    # Public fields only: never the member's name or contact details.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("search_text"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("municipality_id"),
        index.FilterField("category_id"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")
        # The public listing's order, so a deep page needs no sort.
        indexes = [models.Index(fields=["live", "-created_at", "-id"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.live = self.is_public()
        self.search_terms = index_terms(self.title, self.description)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "live", "search_terms"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("timebank:listing", kwargs={"pk": self.pk})

    def is_public(self):
        return (
            self.status == self.Status.ACTIVE
            and self.member.status == Member.Status.APPROVED
        )

    @classmethod
    def search_queryset(cls):
        # A search reads few listings: their public related rows joined (one
        # query) rather than prefetched (three more, as the listing page does).
        return (
            cls.objects.public()
            .prefetch_related(None)
            .select_related("category", "municipality", "member")
            .only(
                "id",
                "live",
                *LISTING_PUBLIC_FIELDS,
                *(f"category__{field}" for field in CATEGORY_FIELDS),
                *(f"municipality__{field}" for field in CATEGORY_FIELDS),
                *(f"member__{field}" for field in ("id", *MEMBER_PUBLIC_FIELDS)),
            )
        )

    @classmethod
    def get_indexed_objects(cls):
        # search_text() reads the category: fetched with the listing.
        return super().get_indexed_objects().select_related("category")

    def search_text(self):
        return index_text(
            self.title,
            self.description,
            self.category.name_ka,
            self.category.name_en,
        )

    def search_excerpt(self):
        return self.description

    def search_date(self):
        return self.created_at.date() if self.created_at else None

    @property
    def response_label(self):
        """The button of the other members: "I can help" or "I'd like this"."""
        if self.kind == self.Kind.REQUEST:
            return _("I can help")
        return _("I'd like this")


class Response(models.Model):
    """A member's "I can help" / "I'd like this" to someone's listing.

    The conversation that follows is relayed by e-mail (`RelayedMessage`):
    neither member learns the other's address; coordinators see both.
    """

    listing = models.ForeignKey(
        Listing,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("offer or request"),
    )
    member = models.ForeignKey(
        "timebank.Member",
        on_delete=models.CASCADE,
        related_name="responses_sent",
        verbose_name=_("responding member"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "member"], name="timebank_one_response_each"
            )
        ]

    def __str__(self):
        return f"{self.member.display_name} → {self.listing}"

    def other_member(self, member):
        return self.listing.member if member.pk == self.member_id else self.member


class RelayedMessage(models.Model):
    """A message between two members, e-mailed from the hub's address."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        "timebank.Member",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("from"),
    )
    body = models.TextField(_("message"), max_length=2000)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    delivered = models.BooleanField(
        _("e-mailed"),
        default=False,
        help_text=_(
            "False when the recipient has no confirmed e-mail: a coordinator "
            "passes it on by phone."
        ),
    )

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("relayed message")
        verbose_name_plural = _("relayed messages")

    def __str__(self):
        return self.body[:60]

    @property
    def listing(self):
        return self.response.listing

    @property
    def recipient(self):
        return self.response.other_member(self.sender)
