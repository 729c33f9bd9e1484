import logging

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from hub import content_cache
from hub.analysis import normalize
from hub.page_cache import exempt
from hub.pagination import paginate, query_string_without_page
from search import results as search_results
from search.backends import index_in_database
from search.forms import MAX_QUERY_LENGTH, SearchForm
from search.tasks import record_search

logger = logging.getLogger(__name__)


@require_safe
@exempt  # each search is counted (_record), and queries are countless
def search(request):
    """The site search: one box over all public content, best first."""
    form = SearchForm(request.GET)
    typed = (request.GET.get("q") or "").replace("\x00", "")[:MAX_QUERY_LENGTH]
    # The same for every visitor of the address (hub/content_cache.py), and
    # purged when the index is written: in the database, not Elasticsearch
    # (see _found). The search is still counted each time.
    context = {
        "form": form,
        "typed": typed,
        "query": "",
        "notices": [],
        "cache_content": index_in_database(),
    }
    if not form.is_valid():
        context["notices"] = [
            error for errors in form.errors.values() for error in errors
        ]
        return TemplateResponse(request, "search/search.html", context)

    query = form.cleaned_data["q"]
    kind = form.cleaned_data["type"] or None
    municipality = form.cleaned_data["municipality"]
    context.update(query=query, kind=kind, municipality=municipality)
    if form.shortened:
        context["notices"].append(
            _("Your search was shortened to its first %(count)s characters.")
            % {"count": len(query)}
        )
    if not normalize(query):
        return TemplateResponse(request, "search/search.html", context)

    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    try:
        found, operator = _found(query, language, kind, municipality)
    except search_results.SearchUnavailable:
        logger.exception("Site search failed for %r", query)
        context.update(unavailable=True, cache_content=False)
        return TemplateResponse(request, "search/search.html", context, status=503)

    promotions = _promotions(query) if not (kind or municipality) else []
    promoted_pks = {promotion.page_id for promotion in promotions}
    found = [
        r for r in found if not (isinstance(r.obj, Page) and r.obj.pk in promoted_pks)
    ]

    page = paginate(request, found, settings.SEARCH_RESULTS_PER_PAGE)
    # Titles, excerpts, URLs: worked out when shown, not when the content
    # comes from the cache.
    shown = SimpleLazyObject(
        lambda: search_results.describe(page.object_list, query, request)
    )

    # Count a search once: on its first page, unfiltered.
    if request.GET.get("page") in (None, "", "1") and not (kind or municipality):
        _record(query, len(found) + len(promotions))

    context.update(
        page_obj=page,
        results=shown,
        result_count=page.paginator.count,
        promotions=promotions if page.number == 1 else [],
        any_word=operator == "or",
        query_string=query_string_without_page(request),
    )
    return TemplateResponse(request, "search/search.html", context)


def _found(query, language, kind, municipality):
    """search_results.search(), kept while nothing it read is written
    (hub/content_cache.py) when the index is in the database: its index rows
    are written after the content's (a task), and seen. Elasticsearch's are
    not, and it answers fast: asked every time."""

    if not index_in_database():
        return search_results.search(query, language, kind, municipality)

    def storable():
        results, operator = search_results.search(query, language, kind, municipality)
        return search_results.storable(results), operator

    stored, operator = content_cache.data(
        "search-results", query, kind, municipality and municipality.pk, build=storable
    )
    return search_results.restored(stored), operator


def _promotions(query):
    """Pages editors pinned for this query (live, public ones only)."""

    def pinned():
        promotions = SearchPromotion.objects.filter(
            query__query_string=_query_key(query)
        ).select_related("page")
        return [
            promotion
            for promotion in promotions
            if promotion.page is None or (promotion.page.live and _is_public(promotion))
        ]

    return content_cache.data("search-promotions", _query_key(query), build=pinned)


def _is_public(promotion):
    return not promotion.page.get_view_restrictions().exists()


def _query_key(query):
    # Mtavruli and Mkhedruli, upper and lower case: one entry per query.
    return normalize(query)[:255]


def _record(query, result_count):
    """Count the query and whether it found anything, off the request path
    (a task: the worker writes the query log in production)."""
    record_search.enqueue(_query_key(query), result_count)
