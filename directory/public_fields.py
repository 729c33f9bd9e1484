"""The one list of an organization's public fields, and the public queryset.

Everything that leaves the admin (pages, search index, downloads, API,
feeds) is built from `PUBLIC_FIELDS` and `public_organizations()`, so a
private field can only leak by being added here.
"""

from wagtail.models import Locale

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


def public_organizations(locale=None):
    """Live organizations of a locale (the active one by default), ready to list.

    Relations are fetched up front so a listing costs a constant number of
    queries; private columns are not even loaded.
    """
    from directory.models import Organization

    locale = locale or Locale.get_active()
    return (
        Organization.objects.filter(live=True, locale=locale)
        .select_related("locale", "logo")
        .prefetch_related("municipalities", "fields_of_work")
        .defer(*PRIVATE_FIELDS)
        .order_by("name", "pk")
    )
