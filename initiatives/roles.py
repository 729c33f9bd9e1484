"""Who may do what with initiatives.

- Moderators screen initiatives: view, enter (paper/phone), edit, delete spam;
  their approval comes from the workflow's Moderation task, not from here.
- The advisory council reads initiatives and votes through its workflow task;
  no right to edit or publish (publishing happens at the end of the workflow).
- Those who review (moderators, the council; administrators have every right)
  read an initiative whole, with the citizen's attachments ("review").
- Communications staff read initiatives, enter paper/phone submissions and
  record the advocacy steps; they cannot approve (no workflow task is theirs).
- Nobody but administrators may publish an initiative directly.
"""

from hub.roles import ADVISORY_COUNCIL, COMMUNICATIONS_STAFF, MODERATORS, Grant

GRANTS = {
    MODERATORS: Grant(
        permissions=(
            "initiatives.view_initiative",
            "initiatives.add_initiative",
            "initiatives.change_initiative",
            "initiatives.delete_initiative",
            "initiatives.lock_initiative",
            "initiatives.review_initiative",
            "initiatives.view_advocacystep",
        )
    ),
    ADVISORY_COUNCIL: Grant(
        permissions=("initiatives.view_initiative", "initiatives.review_initiative")
    ),
    COMMUNICATIONS_STAFF: Grant(
        permissions=(
            "initiatives.view_initiative",
            "initiatives.add_initiative",
            "initiatives.add_advocacystep",
            "initiatives.change_advocacystep",
            "initiatives.delete_advocacystep",
            "initiatives.view_advocacystep",
        )
    ),
}
