"""What members offer and need, in a time bank's own words."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from taxonomy.models import BilingualName


class Category(BilingualName):
    """A kind of help exchanged in the time bank (a lift, tutoring, repairs…).

    The hub's topics (taxonomy) describe its civic work; these describe
    everyday help between neighbours, which is what members look for. Created
    by a data migration so that every install has them.
    """

    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Smaller numbers are listed first.")
    )

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("time-bank category")
        verbose_name_plural = _("time-bank categories")
