from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from consultations import urls as consultations_urls
from directory import sitemaps as directory_sitemaps
from directory import urls as directory_urls
from home import urls as home_urls
from hub import wagtail_exports
from impact import sitemaps as impact_sitemaps
from impact import urls as impact_urls
from initiatives import sitemaps as initiatives_sitemaps
from initiatives import urls as initiatives_urls
from search import urls as search_urls
from timebank import urls as timebank_urls
from volunteering import sitemaps as volunteering_sitemaps
from volunteering import urls as volunteering_urls

# Each app's urls.py has two lists: `urlpatterns` for pages and forms (Georgian
# at "/", English at "/en/") and `neutral_urlpatterns` for language-neutral,
# machine-readable URLs (API, downloads, sitemap).
urlpatterns = [
    # Wagtail's reports and redirects, exporting in the background: first.
    path("admin/", include(wagtail_exports)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]
# One /sitemap.xml of every app's public pages, in both languages.
SITEMAPS = {
    **home_urls.SITEMAPS,
    "directory": directory_sitemaps.DirectoryPagesSitemap,
    "organizations": directory_sitemaps.OrganizationSitemap,
    "initiative_pages": initiatives_sitemaps.InitiativePagesSitemap,
    "initiatives": initiatives_sitemaps.InitiativeSitemap,
    "volunteering": volunteering_sitemaps.VolunteeringPagesSitemap,
    "opportunities": volunteering_sitemaps.OpportunitySitemap,
    "impact": impact_sitemaps.ImpactSitemap,
}
urlpatterns.append(path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"))
for app_urls in (
    home_urls,
    directory_urls,
    consultations_urls,
    initiatives_urls,
    timebank_urls,
    volunteering_urls,
    search_urls,
    impact_urls,
):
    urlpatterns += app_urls.neutral_urlpatterns

urlpatterns += i18n_patterns(
    path("", include(home_urls.urlpatterns)),
    path("", include((directory_urls.urlpatterns, "directory"))),
    path("", include((consultations_urls.urlpatterns, "consultations"))),
    path("", include((initiatives_urls.urlpatterns, "initiatives"))),
    path("", include((timebank_urls.urlpatterns, "timebank"))),
    path("", include((volunteering_urls.urlpatterns, "volunteering"))),
    path("", include(search_urls.urlpatterns)),
    path("", include((impact_urls.urlpatterns, "impact"))),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Error pages in the language of the address (hub/errors.py).
handler400 = "hub.errors.bad_request"
