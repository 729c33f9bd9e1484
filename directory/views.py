"""The public directory: listing, detail, the proposal form, the open-data page."""

from django.core.cache import cache
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit
from wagtail.images import get_image_model
from wagtail.models import Locale

from directory.forms import ProposalForm, PublicOrganizationFilterSet
from directory.models import Organization
from hub import content_cache
from hub.pagination import paginate, query_string_without_page
from taxonomy.models import Municipality

PAGE_SIZE = 20
LOGO_FILTER = "fill-96x96"
# A proposal key stays "used" long enough to absorb any double submit.
PROPOSAL_KEY_TIMEOUT = 24 * 60 * 60
PROPOSAL_RATE = "5/h"


def municipality_counts(organizations):
    """The eight municipalities, each with `.organization_count` among these.

    Two queries, whatever the number of organizations.
    """
    counts = dict(
        organizations.order_by()
        .values_list("municipalities")
        .annotate(count=Count("pk"))
    )
    municipalities = list(Municipality.objects.order_by("name_en"))
    for municipality in municipalities:
        municipality.organization_count = counts.get(municipality.pk, 0)
    return municipalities


def with_logo_renditions(organizations):
    """Fetch the listing's logo renditions up front (no query per card)."""
    Rendition = get_image_model().get_rendition_model()
    return organizations.prefetch_related(
        Prefetch(
            "logo__renditions",
            queryset=Rendition.objects.filter(filter_spec=LOGO_FILTER),
        )
    )


def organization_index(request):
    listed = Organization.objects.listed()
    filterset = PublicOrganizationFilterSet(request.GET or None, queryset=listed)
    organizations = filterset.qs if filterset.is_bound else listed
    page = paginate(request, with_logo_renditions(organizations), PAGE_SIZE)
    return TemplateResponse(
        request,
        "directory/organization_index.html",
        {
            "filterset": filterset,
            "filter_errors": filterset.is_bound and not filterset.is_valid(),
            "page_obj": page,
            "organizations": page.object_list,
            "municipalities": municipality_counts(listed),
            "selected_municipality": request.GET.get("municipality", ""),
            "query_string": query_string_without_page(request),
            "cache_content": True,  # hub/content_cache.py
        },
    )


def organization_detail(request, slug):
    organization = content_cache.data(
        "organization",
        slug,
        build=lambda: Organization.objects.listed().filter(slug=slug).first(),
    )
    if organization is None:
        locale = Locale.get_active()
        # A slug of another language: go to this language's version of it.
        other = Organization.objects.filter(live=True, slug=slug).first()
        translation = (
            Organization.objects.public(locale)
            .filter(translation_key=other.translation_key)
            .first()
            if other
            else None
        )
        if translation is None:
            raise Http404(_("This organization is not in the directory."))
        return redirect("directory:detail", slug=translation.slug)
    # News, events and initiatives about it come from the apps built on the
    # directory, through their template tags (directory/organization_detail.html).
    return TemplateResponse(
        request,
        "directory/organization_detail.html",
        {"organization": organization, "cache_content": True},
    )


@ratelimit(key="ip", rate=PROPOSAL_RATE, method="POST", block=False)
def organization_proposal(request):
    organizations = (
        Organization.objects.listed()
        .select_related(None)
        .prefetch_related(None)
        .only("pk", "name")
    )
    if request.method != "POST":
        form = ProposalForm(
            initial=proposal_initial(request), organizations=organizations
        )
        return TemplateResponse(request, "directory/proposal_form.html", {"form": form})
    form = ProposalForm(request.POST, organizations=organizations)
    if getattr(request, "limited", False):
        form.is_valid()  # keeps the input and shows the field errors too
        form.add_error(
            None,
            _(
                "Too many proposals were sent from your network. "
                "Please try again in an hour."
            ),
        )
        return TemplateResponse(
            request, "directory/proposal_form.html", {"form": form}, status=429
        )
    if form.is_spam:
        return redirect("directory:proposal_thanks")
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return TemplateResponse(request, "directory/proposal_form.html", {"form": form})
    key = f"directory:proposal:{form.cleaned_data['submission_key']}"
    # cache.add is atomic: only the first of two identical submits gets through.
    if cache.add(key, True, PROPOSAL_KEY_TIMEOUT):
        try:
            form.save()
        except Exception:
            cache.delete(key)
            raise
    return redirect("directory:proposal_thanks")


def proposal_initial(request):
    """Pre-fill a correction when the link names the organization (?organization=)."""
    slug = request.GET.get("organization", "")
    organization = (
        Organization.objects.listed().filter(slug=slug).first() if slug else None
    )
    if organization is None:
        return {}
    initial = {
        "kind": ProposalForm.CORRECTION,
        "organization": organization.pk,
        "municipalities": list(organization.municipalities.all()),
        "fields_of_work": list(organization.fields_of_work.all()),
    }
    for name in ProposalForm.ORGANIZATION_FIELDS:
        initial.setdefault(name, getattr(organization, name))
    return initial


def proposal_thanks(request):
    return TemplateResponse(request, "directory/proposal_thanks.html", {})


def open_data(request):
    """How to reuse the directory: downloads, the API and its schema."""
    return TemplateResponse(
        request,
        "directory/open_data.html",
        {
            "api_url": request.build_absolute_uri(
                reverse("directory_api_organization-list")
            ),
            "schema_url": request.build_absolute_uri(reverse("directory_api_schema")),
        },
    )
