"""The one list of an organization's public fields.

Everything that leaves the admin (pages, search index, downloads, API,
feeds) is built from `PUBLIC_FIELDS` and `Organization.objects.public()`
(which does not even load the private columns), so a private field can only
leak by being added here.
"""

#: Shown, exported and served; in the order exports use.
PUBLIC_FIELDS = [
    "name",
    "slug",
    "legal_form",
    "identification_code",
    "founding_year",
    "municipalities",
    "address",
    "fields_of_work",
    "target_groups",
    "description",
    "email",
    "phone",
    "website",
    "facebook_url",
    "logo",
    "is_member",
    "status",
    "data_confirmed_on",
    "is_sample",
]

#: Staff only: never published, exported, indexed or served by the API.
PRIVATE_FIELDS = [
    "contact_person",
    "contact_person_phone",
    "contact_person_email",
    "submitter_email",
    "staff_notes",
]
