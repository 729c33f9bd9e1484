"""One search over all public content: pages, organizations, initiatives...

The content sources are the indexed models that declare a kind of search
result (`search.kinds`, `hub.searchable`): the search names no app. Each is
searched with the same analyzed query (see hub/analysis.py), the best results
are merged by score, results in the visitor's language come first, and a
result in the other language gives way to its translation where one is public.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TranslatableMixin
from wagtail.search.backends import get_search_backend

from hub import page_tree
from hub.analysis import TOKEN, build_query, fold, query_terms, word_terms
from search import kinds
from search.backends import engine_errors

EXCERPT_LENGTH = 220

#: The note on a result in the other language, written in that language.
LANGUAGE_NOTES = {"en": _("in English"), "ka": _("in Georgian")}


class SearchUnavailable(Exception):
    """The search engine could not be reached or did not answer in time."""


@dataclass
class Result:
    obj: object
    search_kind: object  # hub.searchable.SearchKind
    score: float
    language: str  # "" when the content has no language of its own
    title: str = ""
    title_html: str = ""
    url: str = ""
    date: object = None
    excerpt: str = ""
    language_note: str = ""  # "in English" on a result in the other language

    @property
    def kind(self):
        """The kind's slug, as in the filter's `?type=`."""
        return self.search_kind.slug

    @property
    def kind_label(self):
        return self.search_kind.single_label


def _sources(kind_slug, municipality):
    """[(queryset, kind of a hit, allowed pks or None, limit)].

    Every page type is searched in one query over `Page` (its hits are base
    pages; `describe` fetches the specific pages shown): one query for all
    page types instead of one each. Most models declare no FilterField for
    their municipalities, so that filter is applied to the hits rather than
    inside the search backend.
    """
    limit = settings.SEARCH_MAX_RESULTS_PER_TYPE
    sources = []
    page_kinds = {}  # page model -> kind
    page_allowed = set()
    for model, kind in kinds.searchable_models():
        if kind_slug and kind.slug != kind_slug:
            continue
        queryset = kinds.search_queryset(model)
        allowed = None
        if municipality is not None:
            if not kind.municipality_field:
                continue
            allowed = set(
                queryset.filter(**{kind.municipality_field: municipality})
                .order_by()
                .values_list("pk", flat=True)
                .distinct()
            )
            if not allowed:
                continue
        if issubclass(model, Page):
            page_kinds[model] = kind
            page_allowed |= allowed or set()
        else:
            sources.append((queryset, _constant(kind), allowed, limit))
    if page_kinds:
        pages = page_tree.public(Page.objects.live().type(*page_kinds))
        sources.append(
            (
                pages,
                functools.partial(_page_kind, page_kinds),
                page_allowed if municipality is not None else None,
                limit * len(page_kinds),
            )
        )
    return sources


def _constant(kind):
    return lambda hit: kind


def _page_kind(page_kinds, page):
    """The kind of a base page: that of its type, or of the searched type it
    derives from."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return next(
        kind for parent, kind in page_kinds.items() if issubclass(model, parent)
    )


def _score(backend, raw):
    # SQLite's bm25() is negative, better matches more negative.
    score = float(raw or 0)
    return -score if "SQLite" in type(backend).__name__ else score


def _run(backend, terms, operator, sources):
    query = build_query(terms, operator)
    found = []
    for queryset, kind_of, allowed, limit in sources:
        hits = backend.search(query, queryset).annotate_score("_score")[:limit]
        found += [
            (kind_of(hit), hit, _score(backend, hit._score))
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
    sources = _sources(kind_slug, municipality)  # once for both tries
    try:
        operator = "and"
        found = _run(backend, terms, operator, sources)
        if not found and len(terms) > 1:
            operator = "or"
            found = _run(backend, terms, operator, sources)
    except engine_errors() as error:
        # The engine is down or slow: the page reports it instead of failing.
        raise SearchUnavailable(str(error)) from error
    results = _prefer_translations(_to_results(found), language)
    # The visitor's language first; content without a language goes with it.
    results.sort(key=lambda r: (r.language not in (language, ""), -r.score))
    return results, operator


def storable(results):
    """`results` as a cache keeps them: each kind by its slug. A kind's labels
    are lazy translations, and unpickling one builds a class anew: a third of
    a cached search's time."""
    return [replace(result, search_kind=result.search_kind.slug) for result in results]


def restored(stored):
    """The results `storable` kept, with their kinds (those still searched)."""
    by_slug = {kind.slug: kind for kind in kinds.all_kinds()}
    return [
        replace(result, search_kind=by_slug[result.search_kind])
        for result in stored
        if result.search_kind in by_slug
    ]


def _to_results(found):
    languages = page_tree.locale_languages()
    return [
        Result(hit, kind, score, _language(hit, languages))
        for kind, hit, score in found
    ]


def _language(obj, languages):
    if hasattr(obj, "search_language"):
        return obj.search_language() or ""
    if isinstance(obj, TranslatableMixin):
        return languages.get(obj.locale_id, "")
    return ""


def _prefer_translations(results, language):
    """Each result in the visitor's language where a public translation exists.

    A hit in the other language is replaced by its translation (with the
    hit's score), or dropped when the translation was found itself. What
    remains in the other language has no public translation.
    """
    locale_id = page_tree.locale_id(language)
    if locale_id is None:
        return results
    present = {}
    elsewhere = defaultdict(set)
    for result in results:
        obj = result.obj
        if not isinstance(obj, TranslatableMixin):
            continue
        key = (type(obj), obj.translation_key)
        if obj.locale_id == locale_id:
            present[key] = result
        else:
            elsewhere[type(obj)].add(obj.translation_key)
    translations = {}
    for model, keys in elsewhere.items():
        for obj in kinds.search_queryset(model).filter(
            translation_key__in=keys, locale_id=locale_id
        ):
            translations[(model, obj.translation_key)] = obj
    kept = []
    for result in results:
        obj = result.obj
        key = (type(obj), getattr(obj, "translation_key", None))
        if not isinstance(obj, TranslatableMixin) or obj.locale_id == locale_id:
            kept.append(result)
        elif key in present:
            present[key].score = max(present[key].score, result.score)
        elif key in translations:
            translated = Result(
                translations[key], result.search_kind, result.score, language
            )
            present[key] = translated
            kept.append(translated)
        else:
            kept.append(result)
    return kept


def describe(results, query, request):
    """Fill title, URL, date, language note and highlighted excerpt of the
    results shown."""
    terms = {t for _, found in query_terms(query) for t in found}
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    cards = _page_cards(results)
    for result in results:
        obj = result.obj
        result.title = str(getattr(obj, "title", "") or obj)
        result.title_html = highlight(result.title, terms)
        result.url = _url(obj, request)
        if type(obj) is Page:
            text, result.date = cards.get(obj.pk, ("", None))
        else:
            text, result.date = _card(obj)
        result.excerpt = excerpt(text, terms)
        if result.language and result.language != language:
            result.language_note = _language_note(result.language)
    return results


def _card(obj):
    """(plain text the excerpt is cut from, date shown) of a result."""
    return _plain(kinds.search_excerpt(obj)), kinds.search_date(obj)


def _page_cards(results):
    """{pk: card} of the base pages among `results`.

    Their excerpt and date are the specific page's: fetched with one query per
    page type on a miss, then cached with the page tree (any page saved,
    published or moved moves its version), so a page shown again costs none.
    """
    pages = {
        result.obj.pk: result.obj for result in results if type(result.obj) is Page
    }

    def build(missing):
        by_type = defaultdict(list)
        for pk in missing:
            by_type[pages[pk].content_type_id].append(pk)
        cards = {}
        for content_type_id, pks in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            specific = model.objects.in_bulk(pks) if model and model is not Page else {}
            for pk in pks:
                cards[pk] = _card(specific.get(pk, pages[pk]))
        return cards

    return page_tree.cached_many("search-card", pages, build) if pages else {}


def _language_note(language):
    note = LANGUAGE_NOTES.get(language)
    if note is None:
        return ""
    with translation.override(language):
        return str(note)


def _plain(value):
    """Plain text of an excerpt source: tags removed, whitespace collapsed."""
    return " ".join(strip_tags(str(value or "")).split())


def _url(obj, request):
    if isinstance(obj, Page):
        return obj.get_url(request) or ""
    return obj.get_absolute_url()


def _marked(text, terms):
    """HTML of `text` with the words matching `terms` in <mark>, all escaped."""
    parts, position = [], 0
    for match in TOKEN.finditer(text):
        parts.append(escape(text[position : match.start()]))
        word = match.group()
        if terms.intersection(word_terms(fold(word))):
            parts.append(f"<mark>{escape(word)}</mark>")
        else:
            parts.append(escape(word))
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(text, terms):
    """HTML: the whole `text` (a title is never cut) with matching words marked."""
    return mark_safe(_marked(text or "", terms))  # noqa: S308 - every part escaped


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """HTML: a window of about `length` characters of `text` around its first
    matching word, cut between words, with the matching words in <mark>."""
    if not text:
        return ""
    words = list(TOKEN.finditer(text))
    matches = [m for m in words if terms.intersection(word_terms(fold(m.group())))]
    start = 0
    if matches and matches[0].start() > length // 3:
        # Begin a few words before the match, at the start of a word.
        before = matches[0].start() - length // 4
        start = next(w.start() for w in words if w.start() >= before)
    end = start + length
    cut = len(text) > end
    if cut:
        # End after the last whole word that fits.
        inside = [w.end() for w in words if start < w.end() <= end]
        end = inside[-1] if inside else end
    html = _marked(text[start:end], terms)
    prefix = "… " if start else ""
    suffix = " …" if cut else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - every part escaped
