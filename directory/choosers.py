"""The organization chooser of the admin (e.g. "organizations the news is about").

Pages link the Georgian (source) row of an organization in every language, so
the chooser lists live organizations in the site's default language unless the
editor picks another one in its language filter: each organization once,
never a draft.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)


class OrganizationChooserMixin:
    def get_object_list(self):
        return super().get_object_list().filter(live=True)

    def get_filter_form(self):
        data = self.request.GET.copy()
        data.setdefault("locale", Locale.get_default().language_code)
        form = self.get_filter_form_class()(data)
        # Wagtail's filter names it from the field ("Locale"), untranslated.
        form.fields["locale"].label = _("Language")
        return form


class OrganizationChooseView(OrganizationChooserMixin, ChooseView):
    pass


class OrganizationChooseResultsView(OrganizationChooserMixin, ChooseResultsView):
    pass


class OrganizationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = OrganizationChooseView
    choose_results_view_class = OrganizationChooseResultsView
