"""Site chrome: the header menu and the language switcher (with hreflang).

Both are cached between requests (hub/page_tree.py): they are the same on every
page of a language and would otherwise cost a dozen queries per request.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from hub import page_tree

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


def _build_menu(site):
    """Title, URL and tree path of each live, public, in-menu home child."""
    home = site.root_page.localized
    return [
        {
            "title": getattr(item, "menu_title", "") or item.title,
            "url": item.get_url(None, current_site=site),
            "path": item.path,
        }
        for item in home.get_children().live().public().in_menu().specific()
    ]


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The live, in-menu children of the home page in the active language."""
    site = _site(context.get("request"))
    if site is None:
        return []
    items = page_tree.cached(
        "menu", site.pk, get_language(), build=lambda: _build_menu(site)
    )
    current = context.get("page")
    path = current.path if isinstance(current, Page) else None
    return [
        {**item, "is_active": bool(path and path.startswith(item["path"]))}
        for item in items
    ]


def _translation_urls(page, site):
    """{language code: (URL, is the page's own translation)} for a page."""
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    homes = {
        p.locale.language_code: p
        for p in site.root_page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }
    urls = {}
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        url = target.get_url(None, current_site=site) if target else None
        urls[code] = (url, code in translations)
    return urls


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
    site = _site(request)
    urls = {}
    if isinstance(page, Page) and page.pk and site is not None:
        urls = page_tree.cached(
            "languages",
            site.pk,
            page.pk,
            build=lambda: _translation_urls(page, site),
        )
    links = []
    for code, name in settings.LANGUAGES:
        if code in urls:
            url, exists = urls[code]
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
