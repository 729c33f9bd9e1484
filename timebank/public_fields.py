"""The one list of what the time bank shows the public.

Public pages, the search index and the site search are built from these
fields and from `Listing.objects.public()`, which loads nothing else of the
member. Everything else about a member (surname, village, phone, e-mail, their
own words about offers and needs, availability, notes) is for coordinators.
"""

#: Of a member: the name they chose to be shown by (first name and initial,
#: or a chosen name) and their municipality.
MEMBER_PUBLIC_FIELDS = ["public_name", "municipality"]

#: Of an offer or request.
LISTING_PUBLIC_FIELDS = [
    "kind",
    "title",
    "category",
    "municipality",
    "description",
    "for_group",
    "created_at",
]

#: Never public, exported only to staff with the right to export members.
MEMBER_PRIVATE_FIELDS = [
    "first_name",
    "last_name",
    "chosen_name",
    "village",
    "phone",
    "phone_digits",
    "email",
    "email_confirmed_at",
    "offers_text",
    "needs_text",
    "availability",
    "decline_reason",
    "staff_notes",
]
