"""Links between pages and the directory's organizations, in the visitor's language."""

from django.utils.translation import get_language
from wagtail.models import Locale

from hub import page_tree


def linked_organizations(page):
    """The live organizations a news or event page names, in the active language.

    Pages of both languages point at the same (Georgian) rows, so we look up each
    organization's translation in the active locale: two queries in all (one
    query with a subquery).
    """
    from directory.models import Organization

    # A list, not a subquery: in previews the relation is an in-memory one.
    chosen = [link.organization_id for link in page.organization_links.all()]
    if not chosen:
        return []
    keys = Organization.objects.filter(pk__in=chosen).values("translation_key")
    return list(
        Organization.objects.filter(
            translation_key__in=keys,
            locale=Locale.get_active(),
            live=True,
        ).order_by("name")
    )


def pages_naming(model, organization, order, limit=10):
    """Live, public pages of `model` that name the organization.

    A page may name the organization's row in any language, and a page may
    be translated: we match by translation keys on both sides and show each
    page once, in the visitor's language when it is translated. Two queries.
    """
    language = get_language()
    named = model.objects.filter(
        organization_links__organization__translation_key=organization.translation_key
    ).values("translation_key")
    pages = (
        page_tree.public(model.objects.live())
        .filter(translation_key__in=named)
        .select_related("locale")
        .order_by(order, "pk")
    )
    chosen = {}
    for page in pages:
        key = page.translation_key
        if key not in chosen or page.locale.language_code == language:
            chosen[key] = page
    ordered = [page for page in pages if chosen.get(page.translation_key) is page]
    return ordered[:limit]
