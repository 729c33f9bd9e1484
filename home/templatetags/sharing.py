"""Link previews and language alternates in every public page's <head>.

Open Graph and Twitter cards want an absolute image of 1200×630: a page's own
image when it has one, otherwise the designed fallback of its type, in the
page's language (site/static/img/share/<kind>-<language>.png, made by
`manage.py make_share_images`).
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.templatetags.navigation import language_links

register = template.Library()

#: The types of page that have a fallback share image of their own.
SHARE_IMAGE_KINDS = ("site", "event", "news", "organization", "initiative")
SHARE_IMAGE_SIZE = (1200, 630)
OG_LOCALES = {"ka": "ka_GE", "en": "en_GB"}


def _absolute(request, url):
    return request.build_absolute_uri(url) if request else url


def fallback_share_image(kind, language=None):
    """The static path of the designed fallback image of `kind`."""
    language = language or get_language() or settings.LANGUAGE_CODE
    language = language if language in OG_LOCALES else settings.LANGUAGE_CODE
    kind = kind if kind in SHARE_IMAGE_KINDS else "site"
    return f"img/share/{kind}-{language}.png"


def _alt_text(kind):
    return {
        "event": _("An event of the Kakheti Hub"),
        "news": _("News of the Kakheti Hub"),
        "organization": _("An organization in the Kakheti Hub's directory"),
        "initiative": _("A citizens' initiative on the Kakheti Hub"),
    }.get(kind, _("Kakheti Hub: civil society of Kakheti's eight municipalities"))


@register.simple_tag(takes_context=True)
def share_image(context, kind="site", image=None):
    """og:image (with size and alt) and twitter:image for this page."""
    request = context.get("request")
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        url, (width, height) = rendition.url, (rendition.width, rendition.height)
        alt = image.default_alt_text or _alt_text(kind)
    else:
        url, (width, height) = static(fallback_share_image(kind)), SHARE_IMAGE_SIZE
        alt = _alt_text(kind)
    url = _absolute(request, url)
    return format_html(
        '<meta property="og:image" content="{url}">\n'
        '  <meta property="og:image:width" content="{width}">\n'
        '  <meta property="og:image:height" content="{height}">\n'
        '  <meta property="og:image:alt" content="{alt}">\n'
        '  <meta name="twitter:image" content="{url}">\n'
        '  <meta name="twitter:image:alt" content="{alt}">',
        url=url,
        width=width,
        height=height,
        alt=alt,
    )


@register.simple_tag
def og_locales():
    current = get_language() or settings.LANGUAGE_CODE
    tags = [
        format_html(
            '<meta property="og:locale" content="{}">', OG_LOCALES.get(current, "ka_GE")
        )
    ]
    tags += [
        format_html('<meta property="og:locale:alternate" content="{}">', locale)
        for code, locale in OG_LOCALES.items()
        if code != current
    ]
    return format_html_join("\n  ", "{}", ((tag,) for tag in tags))


@register.simple_tag(takes_context=True)
def alternate_links(context, urls=None):
    """hreflang alternates of this page, plus x-default (the Georgian page).

    `urls` ({language code: path}) overrides the links worked out from the
    page or the URL, for objects whose translations have their own slugs.
    """
    request = context.get("request")
    if urls is None:
        urls = {
            link["code"]: link["url"]
            for link in language_links(context)
            if link["exists"] and link["url"]
        }
    links = [(code, _absolute(request, url)) for code, url in urls.items() if url]
    if settings.LANGUAGE_CODE in urls and urls[settings.LANGUAGE_CODE]:
        links.append(("x-default", _absolute(request, urls[settings.LANGUAGE_CODE])))
    return format_html_join(
        "\n  ",
        '<link rel="alternate" hreflang="{}" href="{}">',
        links,
    )
