"""The time bank's models: members, the ledger, offers and requests."""

from .accounts import (
    Account,
    AppendOnlyError,
    Movement,
    Transfer,
    default_lower_limit,
    ledger_writing,
)
from .category import Category
from .exchange import Exchange
from .listing import Listing, RelayedMessage, Response
from .member import Member, phone_digits, public_name_of

__all__ = [
    "Account",
    "AppendOnlyError",
    "Category",
    "Exchange",
    "Listing",
    "Member",
    "Movement",
    "RelayedMessage",
    "Response",
    "Transfer",
    "default_lower_limit",
    "ledger_writing",
    "phone_digits",
    "public_name_of",
]
