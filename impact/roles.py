"""Who may export the donor report: communications staff (administrators
may do everything)."""

from hub.roles import COMMUNICATIONS_STAFF, Grant

GRANTS = {COMMUNICATIONS_STAFF: Grant(permissions=("impact.export_donor_report",))}
