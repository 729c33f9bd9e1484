"""Admin of initiatives: the moderated snippet, its advocacy steps, its history."""

from django import forms
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    SnippetViewSet,
    SnippetViewSetGroup,
)

from hub.admin_views import FieldChangesView

from . import dashboard, journey
from .admin_forms import AdvocacyStepAdminForm, InitiativeAdminForm
from .admin_views import (
    AdvocacyStepCreateView,
    InitiativeEditView,
    InitiativeIndexView,
    InitiativeInspectView,
    StaffEntryView,
)
from .attachments import AttachmentView
from .filters import AdvocacyStepFilterSet, InitiativeFilterSet
from .models import AdvocacyStep, Initiative
from .panels import AttachmentsPanel
from .review_screen import InitiativeReviewPreviewView, InitiativeReviewView


def contact_ways(initiative):
    """ "e-mail, phone" (the ways, never the details): who has no e-mail shows."""
    return ", ".join(str(way) for way in initiative.contact_ways) or "—"


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "pick"
    menu_label = _("Initiatives")
    index_view_class = InitiativeIndexView
    add_view_class = StaffEntryView
    create_template_name = "initiatives/admin/staff_entry.html"
    edit_view_class = InitiativeEditView
    inspect_view_class = InitiativeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = InitiativeFilterSet
    # ORM matching in the listing search (see WAGTAIL-NOTES on SQLite).
    search_backend_name = None
    search_fields = ["title", "summary"]
    list_display = [
        "title",
        Column("stage", label=_("stage"), accessor="get_stage_display"),
        Column("municipality", label=_("municipality"), sort_key="municipality"),
        Column(
            "contact_ways",
            label=_("reach the author by"),
            accessor=contact_ways,
        ),
        Column(
            "days_in_stage",
            label=_("days in current step"),
            accessor="days_in_stage",
            sort_key="stage_changed_at",
        ),
        LiveStatusTagColumn(),
    ]
    list_per_page = 50
    ordering = ["-submitted_at"]
    # Public fields only: the admin export never carries the author's data.
    list_export = [
        "title",
        "stage",
        "municipality",
        "submitted_at",
        "stage_changed_at",
        "live",
    ]
    inspect_view_fields = [
        "title",
        "summary",
        "problem",
        "solution",
        "request_to_municipality",
        "municipality",
        "topics",
        "supporting_organization",
        "language",
        "attachments",
        "public_author",
        "channel",
        "stage",
        "submitted_at",
        "council_votes",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("summary"),
                    FieldPanel("problem"),
                    FieldPanel("solution"),
                    FieldPanel("request_to_municipality"),
                    FieldPanel("municipality", widget=forms.Select),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("supporting_organization"),
                    FieldPanel("language"),
                ],
                heading=_("The initiative"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("author_name"),
                    FieldPanel("author_email"),
                    FieldPanel("author_phone"),
                    FieldPanel("author_address"),
                    FieldPanel("public_name"),
                    FieldPanel("channel"),
                    FieldPanel("attachments"),
                    FieldPanel("consent"),
                ],
                heading=_("The author (private)"),
            ),
            AttachmentsPanel(),
        ],
        base_form_class=InitiativeAdminForm,
    )

    def get_queryset(self, request):
        return Initiative.objects.select_related("municipality")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "field-history/<int:pk>/",
                self.construct_view(FieldChangesView),
                name="field_history",
            ),
            path(
                "attachment/<int:pk>/<int:attachment_pk>/",
                AttachmentView.as_view(),
                name="attachment",
            ),
            path("review/<int:pk>/", InitiativeReviewView.as_view(), name="review"),
            path(
                "review/<int:pk>/preview/",
                InitiativeReviewPreviewView.as_view(),
                name="review_preview",
            ),
        ]


class AdvocacyStepViewSet(SnippetViewSet):
    """Advocacy steps have their own admin: adding one to a live initiative
    never sends the initiative back through its review."""

    model = AdvocacyStep
    add_view_class = AdvocacyStepCreateView
    icon = "list-ol"
    menu_label = _("Advocacy steps")
    filterset_class = AdvocacyStepFilterSet
    search_backend_name = None
    search_fields = ["text", "initiative__title"]
    list_display = ["initiative", "kind", "date", "outcome"]
    ordering = ["-date", "-pk"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("initiative", widget=forms.Select),
            FieldPanel("kind"),
            FieldPanel("date"),
            FieldPanel("letter"),
            FieldPanel("text"),
            FieldPanel("outcome"),
        ],
        base_form_class=AdvocacyStepAdminForm,
    )

    def get_queryset(self, request):
        return AdvocacyStep.objects.select_related("initiative")


class InitiativesGroup(SnippetViewSetGroup):
    items = (InitiativeViewSet, AdvocacyStepViewSet)
    menu_icon = "pick"
    menu_label = _("Initiatives")
    menu_name = "initiatives"


register_snippet(InitiativesGroup)


@hooks.register("construct_homepage_panels")
def initiative_dashboard_panels(request, panels):
    dashboard.construct_panels(request, panels)


@hooks.register("insert_global_admin_css")
def initiative_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("initiatives/review.css")
    )


@hooks.register("register_log_actions")
def register_journey_log_actions(actions):
    """The journey's entries in the admin's History of an initiative."""

    @actions.register_action(journey.STAGE_ACTION)
    class StageChangeFormatter(LogFormatter):
        label = _("Change of stage")

        def format_message(self, log_entry):
            try:
                stage = Initiative.Stage(log_entry.data["to"]).label
            except (KeyError, ValueError):
                return _("Stage changed")
            return _("Stage: %(stage)s") % {"stage": stage}

    actions.register_action(
        journey.EXPIRE_ACTION,
        _("Expiry"),
        _("Deleted: the author never confirmed it"),
    )
    actions.register_action(
        journey.ANONYMISE_ACTION,
        _("Anonymisation"),
        _("The author's personal data were removed"),
    )
