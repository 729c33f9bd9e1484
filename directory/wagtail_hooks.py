"""The organizations directory in the admin (communications staff, moderators)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.admin_views import (
    OrganizationChangesView,
    OrganizationEditView,
    OrganizationIndexView,
)
from directory.choosers import OrganizationChooserViewSet
from directory.filters import OrganizationFilterSet
from directory.models import Organization


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = OrganizationFilterSet
    chooser_viewset_class = OrganizationChooserViewSet
    index_view_class = OrganizationIndexView
    edit_view_class = OrganizationEditView

    list_display = [
        "name",
        "identification_code",
        Column("municipality_names", label=_("Municipalities")),
        "legal_form",
        "is_member",
        "status",
        "data_confirmed_on",
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    # ORM icontains instead of the search index: it finds parts of Georgian
    # words and works alike on SQLite and PostgreSQL (see WAGTAIL-NOTES).
    search_backend_name = None
    search_fields = [
        "name",
        "identification_code",
        "address",
        "target_groups",
        "description",
    ]

    # Wagtail's CSV/XLSX export of the listing: public fields only.
    list_export = [
        "name",
        "identification_code",
        "legal_form",
        "founding_year",
        "municipality_names",
        "topic_names",
        "address",
        "target_groups",
        "email",
        "phone",
        "website",
        "facebook_url",
        "is_member",
        "status",
        "data_confirmed_on",
        "is_sample",
    ]
    export_headings = {
        "municipality_names": _("Municipalities"),
        "topic_names": _("Fields of work"),
    }
    export_filename = "organizations"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    MultiFieldPanel(
                        [
                            FieldPanel("legal_form"),
                            FieldPanel("identification_code"),
                            FieldPanel("founding_year"),
                            FieldPanel("status"),
                            FieldPanel("is_member"),
                        ],
                        heading=_("Registration"),
                    ),
                    FieldPanel("municipalities"),
                    FieldPanel("fields_of_work"),
                    FieldPanel("target_groups"),
                    FieldPanel("description"),
                    FieldPanel("logo"),
                    FieldPanel("data_confirmed_on"),
                    FieldPanel("is_sample"),
                ],
                heading=_("Organization"),
            ),
            ObjectList(
                [
                    FieldPanel("address"),
                    FieldPanel("email"),
                    FieldPanel("phone"),
                    FieldPanel("website"),
                    FieldPanel("facebook_url"),
                ],
                heading=_("Public contacts"),
            ),
            ObjectList(
                [
                    FieldPanel("contact_person"),
                    FieldPanel("contact_person_phone"),
                    FieldPanel("contact_person_email"),
                    FieldPanel("submitter_email"),
                    FieldPanel("staff_notes"),
                ],
                heading=_("Private (staff only)"),
            ),
        ]
    )

    def get_queryset(self, request):
        return Organization._default_manager.prefetch_related(
            "municipalities", "fields_of_work"
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            changes_url_name=self.get_url_name("changes"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            changes_url_name=self.get_url_name("changes"), **kwargs
        )

    @property
    def changes_view(self):
        return self.construct_view(OrganizationChangesView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("changes/<str:pk>/", self.changes_view, name="changes"),
        ]


register_snippet(OrganizationViewSet)
