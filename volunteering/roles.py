"""Who may do what in volunteering.

Communications staff run it: they review and publish the opportunities
organizations post, edit them, see sign-ups (with the volunteers' contact
details, to help organizations) and confirm hours, and export both for
reports (without contact details). Time-bank coordinators see the sign-ups
and hours, since confirmed hours are credited to the time bank.
"""

from hub.roles import COMMUNICATIONS_STAFF, TIME_BANK_COORDINATORS, Grant

GRANTS = {
    COMMUNICATIONS_STAFF: Grant(
        permissions=(
            "volunteering.view_opportunity",
            "volunteering.add_opportunity",
            "volunteering.change_opportunity",
            "volunteering.publish_opportunity",
            "volunteering.view_signup",
            "volunteering.change_signup",
            "volunteering.export_signup",
        )
    ),
    TIME_BANK_COORDINATORS: Grant(
        permissions=(
            "volunteering.view_opportunity",
            "volunteering.view_signup",
            "volunteering.export_signup",
        )
    ),
}
