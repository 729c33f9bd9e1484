"""The one list of an opportunity's public columns.

Pages, the search index, the sitemap and the iCalendar entries are built from
`Opportunity.objects.public()` / `published()`, which load only these columns:
the contact person's name, e-mail and phone, the submitter's e-mail and the
organizer's key can leak only by being added here.
"""

OPPORTUNITY_PUBLIC_FIELDS = [
    "organization",
    "language",
    "title",
    "description",
    "municipality",
    "place",
    "is_remote",
    "starts_on",
    "ends_on",
    "time_needed",
    "skills",
    "minimum_age",
    "for_young_people",
    "volunteers_needed",
    "deadline",
    "status",
    "published_at",
    "updated_at",
]

#: Staff only (and the organization for its own opportunity).
OPPORTUNITY_PRIVATE_FIELDS = [
    "contact_name",
    "contact_email",
    "contact_phone",
    "submitter_email",
    "organizer_key",
    "staff_notes",
]

#: The organization's public columns shown with an opportunity.
ORGANIZATION_FIELDS = ["id", "name", "slug", "locale_id", "live"]
MUNICIPALITY_FIELDS = ["id", "name_ka", "name_en", "slug"]
