"""One search over all public content: pages, organizations, initiatives.

Each content source is searched with the same analyzed query (see
hub/analysis.py), its best results are merged by score, and results in the
visitor's language come first.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from hub import page_tree
from hub.analysis import TOKEN, build_query, fold, query_terms, word_terms
from search.backends import engine_errors

EXCERPT_LENGTH = 220

# Attributes that hold a public summary or text of a result, in order of
# preference: the excerpt is cut from the first one that is set.
EXCERPT_SOURCES = (
    "search_description",
    "summary",
    "lead",
    "intro",
    "description",
    "body",
    "problem",
)
DATE_SOURCES = ("date", "start", "starts_at", "start_date", "first_published_at")


@dataclass
class ContentType:
    """A kind of content the search page finds and filters by."""

    slug: str
    label: str
    model_labels: tuple = ()

    @property
    def models(self):
        found = []
        for label in self.model_labels:
            try:
                found.append(apps.get_model(label))
            except LookupError:  # not built yet by its app
                continue
        return found


CONTENT_TYPES = [
    ContentType("news", _("News"), ("home.NewsPage",)),
    ContentType("event", _("Events"), ("home.EventPage",)),
    ContentType("page", _("Pages")),
    ContentType("organization", _("Organizations"), ("directory.Organization",)),
    ContentType("initiative", _("Initiatives"), ("initiatives.Initiative",)),
]
CONTENT_TYPES_BY_SLUG = {kind.slug: kind for kind in CONTENT_TYPES}
SINGLE_LABELS = {
    "news": pgettext_lazy("one search result", "News"),
    "event": _("Event"),
    "page": _("Page"),
    "organization": _("Organization"),
    "initiative": _("Initiative"),
}


class SearchUnavailable(Exception):
    """The search engine could not be reached or did not answer in time."""


@dataclass
class Result:
    obj: object
    kind: str
    score: float
    language: str
    title: str = ""
    title_html: str = ""
    url: str = ""
    date: object = None
    excerpt: str = ""

    @property
    def kind_label(self):
        return SINGLE_LABELS[self.kind]


def _page_kind(page):
    model_label = type(page)._meta.label
    for kind in CONTENT_TYPES:
        if model_label in kind.model_labels:
            return kind.slug
    return "page"


def _municipality_filter(model, municipality):
    for name in ("municipalities", "municipality"):
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        return Q(**{name: municipality})
    return None


def page_queryset(kind_slug=None, municipality=None):
    """Live, public pages below the root, of one content type if asked."""
    queryset = page_tree.public(Page.objects.live()).filter(depth__gt=1)
    special_pages = [
        m for kind in CONTENT_TYPES for m in kind.models if issubclass(m, Page)
    ]
    if kind_slug in ("news", "event"):
        models = CONTENT_TYPES_BY_SLUG[kind_slug].models
        if not models:
            return queryset.none()
        queryset = queryset.type(*models)
    elif kind_slug == "page" and special_pages:
        queryset = queryset.not_type(*special_pages)
    if municipality is not None:
        # Only pages of types that have a municipality can match.
        ids = []
        for model in {m for m in apps.get_models() if issubclass(m, Page)}:
            condition = _municipality_filter(model, municipality)
            if condition is not None:
                ids += list(
                    model.objects.filter(condition).values_list("pk", flat=True)
                )
        queryset = queryset.filter(pk__in=ids)
    return queryset


def snippet_queryset(model, municipality=None):
    """(live objects, pks allowed by the municipality filter or None).

    Snippets declare no FilterField for their municipalities, so that filter
    is applied to the hits rather than inside the search backend.
    """
    queryset = model.objects.filter(live=True)
    if any(field.name == "locale" for field in model._meta.get_fields()):
        queryset = queryset.select_related("locale")  # for their URLs
    if municipality is None:
        return queryset, None
    condition = _municipality_filter(model, municipality)
    if condition is None:
        return queryset.none(), set()
    return queryset, set(queryset.filter(condition).values_list("pk", flat=True))


def _sources(kind_slug, municipality):
    """[(kind slug or None for pages, queryset, allowed pks or None)]."""
    sources = []
    if kind_slug in (None, "news", "event", "page"):
        sources.append((None, page_queryset(kind_slug, municipality), None))
    for slug in ("organization", "initiative"):
        if kind_slug in (None, slug):
            for model in CONTENT_TYPES_BY_SLUG[slug].models:
                sources.append((slug, *snippet_queryset(model, municipality)))
    return sources


def _score(backend, raw):
    # SQLite's bm25() is negative, better matches more negative.
    score = float(raw or 0)
    return -score if "SQLite" in type(backend).__name__ else score


def _run(backend, terms, operator, kind_slug, municipality, limit):
    query = build_query(terms, operator)
    found = []
    for slug, queryset, allowed in _sources(kind_slug, municipality):
        if allowed is not None and not allowed:
            continue
        hits = backend.search(query, queryset).annotate_score("_score")[:limit]
        found += [
            (slug, hit, _score(backend, hit._score))
            for hit in hits
            if allowed is None or hit.pk in allowed
        ]
    return found


def search(query, language, kind_slug=None, municipality=None):
    """(results best first, operator used); [] for a query with no words.

    All words must match; when nothing does, any word may match. Raises
    SearchUnavailable when the search engine fails.
    """
    terms = query_terms(query)
    if not terms:
        return [], "and"
    backend = get_search_backend()
    limit = settings.SEARCH_MAX_RESULTS_PER_TYPE
    try:
        operator = "and"
        found = _run(backend, terms, operator, kind_slug, municipality, limit)
        if not found and len(terms) > 1:
            operator = "or"
            found = _run(backend, terms, operator, kind_slug, municipality, limit)
    except engine_errors() as error:
        # The engine is down or slow: the page reports it instead of failing.
        raise SearchUnavailable(str(error)) from error
    results = _to_results(found)
    results.sort(key=lambda r: (r.language != language, -r.score))
    return results, operator


def _to_results(found):
    """Results with specific page objects, fetched in one query per type."""
    page_ids = [hit.pk for slug, hit, _ in found if slug is None]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    results = []
    for slug, hit, score in found:
        if slug is None:
            page = pages.get(hit.pk)
            if page is None:
                continue
            language = languages.get(page.locale_id, "")
            results.append(Result(page, _page_kind(page), score, language))
        else:
            language = languages.get(getattr(hit, "locale_id", None)) or getattr(
                hit, "language", ""
            )
            results.append(Result(hit, slug, score, language))
    return results


def describe(results, query, request):
    """Fill title, URL, date and highlighted excerpt of the results shown."""
    highlight = {t for _, terms in query_terms(query) for t in terms}
    for result in results:
        obj = result.obj
        result.title = str(getattr(obj, "title", "") or obj)
        result.title_html = excerpt(result.title, highlight, length=len(result.title))
        result.url = _url(obj, result.language, request)
        result.date = _date(obj)
        result.excerpt = excerpt(_public_text(obj), highlight)
    return results


def _public_text(obj):
    for name in EXCERPT_SOURCES:
        value = getattr(obj, name, None)
        if hasattr(value, "stream_block"):  # a StreamField: its text only
            value = " ".join(value.stream_block.get_searchable_content(value))
        if value:
            text = value.source if hasattr(value, "source") else str(value)
            return " ".join(strip_tags(text).split())
    return ""


def _date(obj):
    for name in DATE_SOURCES:
        value = getattr(obj, name, None)
        if isinstance(value, date | datetime):
            return value
    return None


def _url(obj, language, request):
    if isinstance(obj, Page):
        return obj.get_url(request) or ""
    if hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    route = {
        "Organization": ("directory:detail", {"slug": getattr(obj, "slug", "")}),
        "Initiative": ("initiatives:detail", {"pk": obj.pk}),
    }.get(type(obj).__name__)
    if route is None:
        return ""
    with translation.override(language or None):
        try:
            return reverse(route[0], kwargs=route[1])
        except NoReverseMatch:
            return ""


def excerpt(text, highlight, length=EXCERPT_LENGTH):
    """HTML: a window of `text` around its first matching word, with the
    matching words in <mark>; everything else escaped."""
    if not text:
        return ""
    words = list(TOKEN.finditer(text))
    matches = [m for m in words if highlight.intersection(word_terms(fold(m.group())))]
    start = 0
    if matches and matches[0].start() > length // 3:
        before = matches[0].start() - length // 4
        space = text.rfind(" ", 0, before)
        start = space + 1 if space > 0 else before
    window = text[start : start + length]
    cut = len(text) > start + length
    if cut:
        window = window.rsplit(" ", 1)[0] if " " in window else window
    parts, position = [], 0
    for match in TOKEN.finditer(window):
        parts.append(escape(window[position : match.start()]))
        word = match.group()
        if highlight.intersection(word_terms(fold(word))):
            parts.append(f"<mark>{escape(word)}</mark>")
        else:
            parts.append(escape(word))
        position = match.end()
    parts.append(escape(window[position:]))
    html = "".join(parts)
    prefix = "… " if start else ""
    suffix = " …" if cut else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - every part escaped
