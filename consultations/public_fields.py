"""What of a case may leave the consultants' desk: counts by a few fields.

Nothing of a case is ever shown publicly, indexed, exported to the public or
served by an API. The impact figures read counts through
`consultations.statistics`, which groups by `COUNTED_FIELDS` only; a test
checks that every field of a case is in exactly one of these lists, so a new
field is private until someone decides otherwise here.
"""

#: Counted (never listed one by one): the kind of help, where, when, how far.
COUNTED_FIELDS = ["kind", "municipality", "requested_at", "status"]

#: Personal data and case content: consultants and administrators only.
PRIVATE_FIELDS = [
    "id",
    "organization",
    "group_name",
    "contact_name",
    "contact_email",
    "contact_phone",
    "question",
    "urgency",
    "preferred_mode",
    "language",
    "channel",
    "consent_given_at",
    "consent_recorded_by",
    "confirmed_at",
    "tracking_token",
    "submission_key",
    "assignee",
    "due_date",
    "follow_up_date",
    "outcome",
    "closed_at",
    "feedback_requested_at",
    "satisfaction",
    "feedback_comment",
    "feedback_received_at",
]
