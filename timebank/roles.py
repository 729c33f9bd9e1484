"""Who may do what in the time bank.

Time-bank coordinators run it from the admin: they approve or decline
registrations, register members from paper or phone, record exchanges and
correct them (by reversal: nobody can edit or delete a transfer, see
`timebank.permissions`), set limits, follow members who stopped exchanging,
pass on messages to members without e-mail, and export members and exchanges.
"""

from hub.roles import TIME_BANK_COORDINATORS, Grant

GRANTS = {
    TIME_BANK_COORDINATORS: Grant(
        permissions=(
            "timebank.view_member",
            "timebank.add_member",
            "timebank.change_member",
            "timebank.approve_member",
            "timebank.export_member",
            "timebank.view_transfer",
            "timebank.add_transfer",
            "timebank.reverse_transfer",
            "timebank.change_account",
            "timebank.view_exchange",
            "timebank.change_exchange",
            "timebank.view_listing",
            "timebank.change_listing",
            "timebank.view_response",
            "timebank.view_relayedmessage",
            "timebank.view_category",
            "timebank.add_category",
            "timebank.change_category",
        )
    ),
}
