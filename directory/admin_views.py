"""Admin views of organizations beyond Wagtail's own: field-by-field history."""

from wagtail.snippets.views.snippets import EditView, IndexView

from directory.history import field_changes
from hub.admin_exports import BackgroundExportMixin
from hub.admin_views import FieldChangesView, field_changes_button


class OrganizationChangesView(FieldChangesView):
    """The field changes, with municipalities and fields of work by name."""

    def get_entries(self):
        return field_changes(self.object)


class OrganizationEditView(EditView):
    changes_url_name = None

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            field_changes_button(self.changes_url_name, self.object, priority=40),
        ]


class OrganizationIndexView(BackgroundExportMixin, IndexView):
    changes_url_name = None

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            field_changes_button(self.changes_url_name, instance, priority=45),
        ]
