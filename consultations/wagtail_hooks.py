"""The consultation desk in the admin: the case list and page, and the
dashboard's counts (see `consultations.roles` for who sees what)."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_forms import CaseAdminForm, StaffRequestForm
from .admin_views import (
    CaseChangesView,
    CaseCountsPanel,
    CaseCreateView,
    CaseEditView,
    CaseIndexView,
    DocumentDownloadView,
    ProfileUpdateView,
    StatusColumn,
)
from .filters import CaseFilterSet
from .models import Case
from .panels import FactPanel
from .widgets import PrivateFileInput


def date_cell(name):
    def value(case):
        date = getattr(case, name)
        return date.strftime("%d.%m.%Y") if date else ""

    return value


def person(name):
    def value(case):
        user = getattr(case, name)
        return (user.get_full_name() or user.get_username()) if user else ""

    return value


REQUEST_PANELS = [
    MultiFieldPanel(
        [
            # Plain selects: the snippet choosers need directory rights
            # that consultants do not have.
            FieldPanel("organization", widget=forms.Select),
            FieldPanel("group_name"),
            FieldPanel("municipality", widget=forms.Select),
        ],
        heading=_("Who is asking"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("contact_name"),
            FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            FieldPanel("language"),
        ],
        heading=_("Contact person"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("kind", widget=forms.RadioSelect),
            FieldPanel("question"),
            FieldRowPanel([FieldPanel("urgency"), FieldPanel("preferred_mode")]),
            FieldPanel("channel"),
        ],
        heading=_("The request"),
    ),
]

HANDLING_PANELS = [
    FieldRowPanel([FieldPanel("status"), FieldPanel("assignee")]),
    FieldRowPanel([FieldPanel("due_date"), FieldPanel("follow_up_date")]),
    FieldPanel("outcome"),
]

SESSION_PANELS = [
    FieldRowPanel(
        [FieldPanel("date"), FieldPanel("duration_minutes"), FieldPanel("mode")]
    ),
    FieldPanel("consultant"),
    FieldPanel("summary"),
]


class CaseViewSet(ModelViewSet):
    """The consultants' case list and case page (consultants and
    administrators only: no other role has any permission on cases)."""

    model = Case
    icon = "clipboard-list"
    menu_label = _("Consultations")
    menu_order = 260
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = CaseIndexView
    edit_view_class = CaseEditView
    add_view_class = CaseCreateView
    filterset_class = CaseFilterSet
    search_backend_name = None  # ORM matching; cases are never in a search index
    search_fields = ["group_name", "organization__name", "contact_name", "question"]
    list_per_page = 50
    list_display = [
        "__str__",
        StatusColumn("status", label=_("status"), sort_key="status"),
        Column("kind", label=_("kind of help"), accessor="get_kind_display"),
        Column("municipality", label=_("municipality")),
        Column("assignee", label=_("consultant"), accessor=person("assignee")),
        Column(
            "due_date",
            label=_("due date"),
            accessor=date_cell("due_date"),
            sort_key="due_date",
        ),
        Column(
            "requested_at",
            label=_("requested"),
            accessor=date_cell("requested_at"),
            sort_key="requested_at",
        ),
    ]
    # The consultants' own working export: how cases stand, not what they
    # are about (no contact details, question, notes or documents).
    list_export = [
        "pk",
        "requester_name",
        "municipality",
        "kind",
        "urgency",
        "status",
        "assignee",
        "requested_at",
        "due_date",
        "follow_up_date",
        "outcome",
        "closed_at",
        "satisfaction",
    ]
    export_headings = {
        "pk": _("number"),
        "requester_name": _("organization or group"),
    }
    export_filename = "consultation-cases"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    *HANDLING_PANELS,
                    InlinePanel(
                        "notes",
                        heading=_("Private notes"),
                        label=_("note"),
                        panels=[
                            FieldPanel("text"),
                            FieldRowPanel(
                                [FactPanel("written_by"), FactPanel("written_at")]
                            ),
                        ],
                    ),
                ],
                heading=_("Handling"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "sessions",
                        heading=_("Sessions held"),
                        label=_("session"),
                        panels=SESSION_PANELS,
                    )
                ],
                heading=_("Sessions"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "documents",
                        heading=_("Documents"),
                        label=_("document"),
                        panels=[
                            FieldPanel("title"),
                            FieldPanel("file", widget=PrivateFileInput),
                            FieldRowPanel(
                                [FactPanel("uploaded_by"), FactPanel("uploaded_at")]
                            ),
                        ],
                    )
                ],
                heading=_("Documents"),
            ),
            ObjectList(REQUEST_PANELS, heading=_("Request")),
            ObjectList(
                [
                    FieldRowPanel(
                        [FactPanel("requested_at"), FactPanel("confirmed_at")]
                    ),
                    FieldRowPanel(
                        [
                            FactPanel("consent_given_at"),
                            FactPanel("consent_recorded_by"),
                        ]
                    ),
                    FactPanel("closed_at"),
                    FieldRowPanel(
                        [
                            FactPanel("feedback_requested_at"),
                            FactPanel("feedback_received_at"),
                        ]
                    ),
                    FactPanel("satisfaction"),
                    FactPanel("feedback_comment"),
                ],
                heading=_("Dates and feedback"),
            ),
        ],
        base_form_class=CaseAdminForm,
    )
    create_edit_handler = ObjectList(
        [
            *REQUEST_PANELS,
            FieldPanel("consent"),
            MultiFieldPanel(HANDLING_PANELS[:2], heading=_("Handling")),
        ],
        base_form_class=StaffRequestForm,
    )

    def get_add_view_kwargs(self, **kwargs):
        handler = self.create_edit_handler.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            changes_url_name=self.get_url_name("changes"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            changes_url_name=self.get_url_name("changes"),
            profile_url_name=self.get_url_name("profile"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "changes/<int:pk>/",
                self.construct_view(CaseChangesView),
                name="changes",
            ),
            path(
                "profile/<int:pk>/",
                self.construct_view(ProfileUpdateView),
                name="profile",
            ),
            path(
                "document/<int:pk>/",
                DocumentDownloadView.as_view(),
                name="document",
            ),
        ]


case_viewset = CaseViewSet("consultations_case", url_prefix="consultations")


@hooks.register("register_admin_viewset")
def register_case_viewset():
    return case_viewset


@hooks.register("construct_homepage_panels")
def add_counts_panel(request, panels):
    can_open_cases = request.user.has_perm("consultations.view_case")
    panels.append(CaseCountsPanel(can_open_cases=can_open_cases))
