from wagtail.models import Locale, Page, Site

from home.models import HomePage


def home_pages():
    """The Georgian home page (made by a migration) and its English translation.

    Returns {"ka": HomePage, "en": HomePage}; idempotent.
    """
    home_ka = HomePage.objects.get(locale__language_code="ka", depth=2)
    english = Locale.objects.get(language_code="en")
    home_en = home_ka.get_translation_or_none(english)
    if home_en is None:
        home_en = home_ka.copy_for_translation(english)
        home_en.title = "Kakheti Regional Hub"
        home_en.draft_title = home_en.title
        home_en.save_revision().publish()
    return {"ka": home_ka, "en": home_en.specific}


def add_translation(page, title=None, **fields):
    """Publish an English copy of a Georgian page (its parent must be translated)."""
    english = Locale.objects.get(language_code="en")
    translation = page.copy_for_translation(english)
    if title:
        translation.title = title
        translation.draft_title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific


def default_site():
    return Site.objects.get(is_default_site=True)


def root_page():
    return Page.get_first_root_node()
