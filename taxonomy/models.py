"""The shared vocabularies every app classifies by: places and topics.

Both carry their Georgian and English names side by side instead of being
translated per locale, so a news item, an event, an organization and an
initiative in either language point at the same row and filter alike.
"""

from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def name_field():
    """The name column of the active language."""
    return "name_en" if (get_language() or "").startswith("en") else "name_ka"


class NameInActiveLanguage(F):
    """Orders by the name in the language active when the query runs.

    Resolved when the SQL is compiled, so a queryset built at import time (a
    form field's choices) still lists in the visitor's language.
    """

    def __init__(self):
        super().__init__("name_ka")

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        # May be shared by cloned querysets across threads: never mutated.
        return query.resolve_ref(name_field(), allow_joins, reuse, summarize)


class InterfaceLanguageOrderManager(models.Manager):
    """Every list of municipalities or topics (filters, forms, the admin)
    reads alphabetically in the interface language. Meta.ordering stays a
    plain field name: modelcluster sorts in-memory relations by it."""

    def get_queryset(self):
        return super().get_queryset().order_by(NameInActiveLanguage().asc(), "pk")


class BilingualName(models.Model):
    name_ka = models.CharField(_("name in Georgian"), max_length=100, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in filter links, e.g. ?municipality=telavi."),
    )

    objects = InterfaceLanguageOrderManager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the active language (Georgian unless English is active)."""
        return self.name_en if (get_language() or "").startswith("en") else self.name_ka


MUNICIPALITIES_CACHE_KEY = "taxonomy:municipalities"


class Municipality(BilingualName):
    """One of the eight municipalities of Kakheti, created by a data migration."""

    is_regional_centre = models.BooleanField(_("regional centre"), default=False)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    @classmethod
    def cached(cls):
        """Every municipality (in no order), from the cache: they change
        rarely, and a save or delete forgets them (taxonomy/apps.py)."""
        found = cache.get(MUNICIPALITIES_CACHE_KEY)
        if found is None:
            found = list(cls.objects.order_by())
            cache.set(MUNICIPALITIES_CACHE_KEY, found, 24 * 60 * 60)
        return found


class Topic(BilingualName):
    """A subject the hub works on; tags news, events, organizations, initiatives."""

    description_ka = models.TextField(_("description in Georgian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
