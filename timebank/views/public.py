"""The public time bank: the listing of offers and requests, and one listing."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from hub.pagination import paginate, query_string_without_page

from ..filters import PublicListingFilterSet
from ..forms import MessageForm
from ..models import Listing
from .member import current_member

PAGE_SIZE = 20


def index(request):
    listings = Listing.objects.public()
    filterset = PublicListingFilterSet(request.GET or None, queryset=listings)
    if filterset.is_bound:
        filterset.is_valid()  # invalid filters are left out and explained
    page = paginate(
        request, filterset.qs if filterset.is_bound else listings, PAGE_SIZE
    )
    member = current_member(request)
    return TemplateResponse(
        request,
        "timebank/index.html",
        {
            "filterset": filterset,
            "filter_errors": filterset.is_bound and bool(filterset.errors),
            "page_obj": page,
            "listings": page.object_list,
            "query_string": query_string_without_page(request),
            "member": member,
            # A member sees their own actions (hub/content_cache.py).
            "cache_content": member is None,
        },
    )


def listing_detail(request, pk):
    listing = Listing.objects.public().filter(pk=pk).first()
    if listing is None:
        raise Http404(_("This offer or request is not published."))
    member = current_member(request)
    response = None
    if member is not None and member.pk != listing.member_id:
        response = listing.responses.filter(member=member).first()
    return TemplateResponse(
        request,
        "timebank/listing_detail.html",
        {
            "listing": listing,
            "member": member,
            "response": response,
            "form": MessageForm(),
            "cache_content": member is None,
        },
    )
