"""No tables of its own: impact is computed from the other apps' data.

`DonorReport` exists only to carry the permission to export the donor report
(Django permissions belong to a model); it is unmanaged and has no table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DonorReport(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("export_donor_report", _("Can export the donor report"))]
        verbose_name = _("donor report")
        verbose_name_plural = _("donor reports")

    def __str__(self):
        return str(self._meta.verbose_name)
