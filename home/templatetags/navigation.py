"""Site chrome: the header menu and the language switcher (with hreflang)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The live, in-menu children of the home page in the active language."""
    request = context.get("request")
    root = _site_root(request) if request else None
    if root is None:
        return []
    home = root.localized
    current = context.get("page")
    items = list(home.get_children().live().public().in_menu().specific())
    for item in items:
        item.is_active = isinstance(current, Page) and current.path.startswith(
            item.path
        )
    return items


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the same page in that language when it exists.

    For a Wagtail page we follow its live translation (falling back to that
    language's home page); for any other view Django's `translate_url` maps the
    URL's language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
        root = _site_root(request)
        homes = (
            {
                p.locale.language_code: p
                for p in root.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            }
            if root
            else {}
        )
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else None
            exists = code in translations
        else:
            url = translate_url(request.get_full_path(), code) if request else "/"
            exists = True
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "exists": exists,
            }
        )
    return links


@register.simple_tag
def active_locale():
    return Locale.get_active()
