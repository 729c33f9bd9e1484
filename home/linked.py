"""Links from pages to the directory's organizations, in the visitor's language."""

from wagtail.models import Locale


def linked_organizations(page):
    """The live organizations a news or event page names, in the active language.

    Pages of both languages point at the same (Georgian) rows, so we look up each
    organization's translation in the active locale: two queries in all.
    """
    from directory.models import Organization

    # A list, not a subquery: in previews the relation is an in-memory one.
    keys = [organization.translation_key for organization in page.organizations.all()]
    if not keys:
        return []
    return list(
        Organization.objects.filter(
            translation_key__in=keys,
            locale=Locale.get_active(),
            live=True,
        ).order_by("name")
    )
