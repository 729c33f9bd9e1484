from django.db import models
from django.utils.translation import gettext_lazy as _


class QueryOutcome(models.Model):
    """How many results a search query found the last time it was typed.

    Wagtail's search promotions count hits per query; this adds whether the
    query found anything, so editors see what visitors look for in vain
    (admin report "Searches with no results").
    """

    query = models.OneToOneField(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        related_name="outcome",
        verbose_name=_("query"),
    )
    result_count = models.PositiveIntegerField(_("results"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("search query outcome")
        verbose_name_plural = _("search query outcomes")

    def __str__(self):
        return f"{self.query}: {self.result_count}"
