"""Who may do what with consultation cases.

Cases are confidential: consultants (and administrators, who have every
right) handle them; no other role has any right on them, not even to view,
because any permission on a model also opens its entries in Wagtail's site
history report. Every role sees the counts on the dashboard (they need no
permission: `consultations.wagtail_hooks`).

Consultants may not delete a case: its history is the desk's record.
Unconfirmed requests expire by themselves (`expire_unconfirmed_consultations`);
an administrator deletes what must go.
"""

from hub.roles import CONSULTANTS, Grant

GRANTS = {
    CONSULTANTS: Grant(
        permissions=(
            "consultations.view_case",
            "consultations.add_case",
            "consultations.change_case",
        )
    )
}
