"""One rule for paged lists: a page number that is not one of the list's is a 404.

A link to page 7 of a list that now has 3 pages is stale; answering 404 (with
the site's page explaining it) is what search engines and people expect, and
is the same answer on every list of the site.
"""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate(request, items, per_page):
    """The page of `items` that `?page=` asks for (the first if none)."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("There is no such page of results.")) from None


def query_string_without_page(request):
    """The current query string minus `page`, for the links to other pages."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
