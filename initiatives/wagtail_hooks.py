"""Admin of initiatives: the moderated snippet, its advocacy steps, its history."""

from django import forms
from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.models import TaskState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from hub.admin_views import FieldChangesView, field_changes_button

from . import workflow
from .admin_forms import InitiativeAdminForm
from .filters import AdvocacyStepFilterSet, InitiativeFilterSet
from .models import AdvocacyStep, CouncilVote, Initiative


class StaffSubmissionCreateView(CreateView):
    """Staff enter a paper or phone submission: it goes straight to review.

    Whatever button was used (save, submit, publish), the initiative is
    confirmed on the author's behalf and enters the workflow like any other.
    """

    def form_valid(self, form):
        # Entry and confirmation together, or neither.
        with transaction.atomic():
            return super().form_valid(form)

    def run_action_method(self):
        workflow.confirm_submission(self.object, user=self.request.user)
        return None

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_success_message(self, instance=None):
        return _("Initiative '%(title)s' entered and sent to moderation.") % {
            "title": self.object.title
        }


class InitiativeIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("initiatives.change_initiative"):
            buttons.append(
                field_changes_button(
                    "wagtailsnippets_initiatives_initiative:field_history",
                    instance,
                    priority=40,
                )
            )
        return buttons


class InitiativeInspectView(InspectView):
    """What reviewers read: the public text and the council's votes so far.

    The author's contact details are not shown here (council members see
    this view); moderators see them in the edit form.
    """

    extra_labels = {
        "public_author": _("shown publicly as"),
        "council_votes": _("council votes"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return self.extra_labels[field_name]
        return super().get_field_label(field_name, field)

    def get_public_author_display_value(self):
        return self.object.public_author

    def get_council_votes_display_value(self):
        votes = CouncilVote.objects.filter(
            task_state__workflow_state__object_id=str(self.object.pk),
            task_state__status=TaskState.STATUS_IN_PROGRESS,
        ).select_related("member")
        lines = [
            f"{vote.member.get_full_name() or vote.member.get_username()}: "
            f"{vote.get_choice_display()}"
            + (f" — {vote.comment}" if vote.comment else "")
            for vote in votes
        ]
        return "; ".join(lines) or "-"


def days_in_stage(initiative):
    return initiative.days_in_stage


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "pick"
    menu_label = _("Initiatives")
    index_view_class = InitiativeIndexView
    add_view_class = StaffSubmissionCreateView
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
                    FieldPanel("municipality"),
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
                    FieldPanel("public_name"),
                    FieldPanel("channel"),
                    FieldPanel("consent"),
                ],
                heading=_("The author (private)"),
            ),
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
            )
        ]


class AdvocacyStepViewSet(SnippetViewSet):
    """Advocacy steps have their own admin: adding one to a live initiative
    never sends the initiative back through its review."""

    model = AdvocacyStep
    icon = "list-ol"
    menu_label = _("Advocacy steps")
    filterset_class = AdvocacyStepFilterSet
    search_backend_name = None
    search_fields = ["text", "initiative__title"]
    list_display = ["initiative", "kind", "date", "outcome"]
    ordering = ["-date", "-pk"]
    copy_view_enabled = False
    panels = [
        FieldPanel("initiative"),
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("letter"),
        FieldPanel("text"),
        FieldPanel("outcome"),
    ]

    def get_queryset(self, request):
        return AdvocacyStep.objects.select_related("initiative")


class InitiativesGroup(SnippetViewSetGroup):
    items = (InitiativeViewSet, AdvocacyStepViewSet)
    menu_icon = "pick"
    menu_label = _("Initiatives")
    menu_name = "initiatives"


register_snippet(InitiativesGroup)
