"""Admin views of organizations beyond Wagtail's own: field-by-field history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import EditView, IndexView

from directory.history import field_changes


class OrganizationChangesView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Who changed which field of an organization, from what to what, and when.

    Wagtail's own history lists revisions and actions; this one reads the
    django-simple-history rows, i.e. what was actually saved to the record.
    """

    template_name = "directory/admin/organization_changes.html"
    permission_required = "change"
    header_icon = "history"
    index_url_name = None
    edit_url_name = None

    def get_page_title(self):
        return _("Changes to %(name)s") % {"name": self.object}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Organizations")},
            {
                "url": reverse(self.edit_url_name, args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": _("Field changes")},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, entries=field_changes(self.object), **kwargs
        )


def changes_button(url_name, organization, **kwargs):
    return Button(
        _("Field changes"),
        url=reverse(url_name, args=[organization.pk]),
        icon_name="history",
        **kwargs,
    )


class OrganizationEditView(EditView):
    changes_url_name = None

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            changes_button(self.changes_url_name, self.object, priority=40),
        ]


class OrganizationIndexView(IndexView):
    changes_url_name = None

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            changes_button(self.changes_url_name, instance, priority=45),
        ]
