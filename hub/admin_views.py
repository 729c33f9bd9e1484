"""Admin views every app's viewsets can add: field-by-field change history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from hub.history import field_changes


class FieldChangesView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Who changed which field of a record, from what to what, and when.

    Add it to a SnippetViewSet with `get_urlpatterns()` and `construct_view()`;
    the viewset passes its `index_url_name` and `edit_url_name`.
    """

    template_name = "hub/admin/field_changes.html"
    permission_required = "change"
    header_icon = "history"
    index_url_name = None
    edit_url_name = None

    def get_page_title(self):
        return _("Changes to %(name)s") % {"name": self.object}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural,
            },
            {
                "url": reverse(self.edit_url_name, args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": _("Field changes")},
        ]

    def get_entries(self):
        return field_changes(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, entries=self.get_entries(), **kwargs
        )


def field_changes_button(url_name, obj, **kwargs):
    return Button(
        _("Field changes"),
        url=reverse(url_name, args=[obj.pk]),
        icon_name="history",
        **kwargs,
    )
