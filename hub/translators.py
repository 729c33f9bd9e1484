"""Who may use wagtail-localize's admin lists: those who may translate.

wagtail-localize's snippet API (/admin/localize/api/snippets/<app>/<model>/)
lists the title of every entry of a snippet model, drafts and rejected ones
included, and its translations report lists every translated title; it asks
for nothing but admin access. Both are tools for translating, so here they
answer only users who may translate: superusers, and users with
`wagtail_localize.submit_translation` (and, for a model's entries, the right
to change that model). The same views are registered first under the same
paths (see `hub.wagtail_hooks`), wrapped in that check.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views import report, snippets_api

TRANSLATE = "wagtail_localize.submit_translation"


def may_translate(user, model=None):
    if user.is_superuser:
        return True
    if not user.has_perm(TRANSLATE):
        return False
    if model is None:
        return True
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def translators_only(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        model = None
        if "app_label" in kwargs:
            model = get_snippet_model_from_url_params(
                kwargs["app_label"], kwargs["model_name"]
            )
        if not may_translate(request.user, model):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def urlpatterns():
    """wagtail-localize's listing views under their own paths, checked."""
    listing = snippets_api.SnippetViewSet.as_view({"get": "list"})
    detail = snippets_api.SnippetViewSet.as_view({"get": "retrieve"})
    return [
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            translators_only(listing),
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translators_only(detail),
        ),
        path(
            "localize/reports/translations/",
            translators_only(report.TranslationsReportView.as_view()),
        ),
        path(
            "localize/reports/translations/results/",
            translators_only(report.TranslationsReportView.as_view(results_only=True)),
        ),
    ]
