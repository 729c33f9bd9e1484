"""The initiatives' panels of the admin dashboard (construct_homepage_panels).

- The moderators' queue: what waits for screening, with days waiting and
  near-overdue / overdue marks.
- The council's inbox: what waits for this member's vote, with the votes
  cast so far.
- For those who record advocacy: initiatives whose municipality has not
  answered for too long.

Each title opens the review screen (`review_screen.py`). Wagtail's own
"Awaiting your review" panel keeps everything else (pages, other snippets),
so nothing shows twice.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from . import desk
from .models import Initiative

REVIEW_URL = "wagtailsnippets_initiatives_initiative:review"


def review_url(initiative):
    return reverse(REVIEW_URL, args=[initiative.pk])


class _RowsPanel(Component):
    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        for row in self.rows:
            row.review_url = review_url(row.initiative)
        return {
            "rows": self.rows,
            "near_overdue_days": desk.near_overdue_days(),
            "overdue_days": desk.overdue_days(),
        }


class ModerationQueuePanel(_RowsPanel):
    name = "initiatives_moderation_queue"
    template_name = "initiatives/admin/dashboard/moderation_queue.html"
    order = 50


class CouncilInboxPanel(_RowsPanel):
    name = "initiatives_council_inbox"
    template_name = "initiatives/admin/dashboard/council_inbox.html"
    order = 40


class AwaitingAnswerPanel(_RowsPanel):
    name = "initiatives_awaiting_answer"
    template_name = "initiatives/admin/dashboard/awaiting_answer.html"
    order = 60

    def get_context_data(self, parent_context=None):
        for row in self.rows:
            row.public_url = row.initiative.get_absolute_url()
            row.record_url = (
                reverse("wagtailsnippets_initiatives_advocacystep:add")
                + f"?initiative={row.initiative.pk}"
            )
        return {"rows": self.rows, "answer_days": desk.answer_overdue_days()}


class OtherWorkAwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", without initiatives (shown above)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = [
            state
            for state in context["states"]
            if not isinstance(state["obj"], Initiative)
        ]
        return context


def construct_panels(request, panels):
    user = request.user
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = OtherWorkAwaitingReviewPanel()
    if desk.is_council_member(user):
        panels.append(CouncilInboxPanel(desk.council_inbox(user)))
    if desk.is_moderator(user):
        panels.append(ModerationQueuePanel(desk.moderation_queue(user)))
    if user.has_perm("initiatives.add_advocacystep"):
        rows = desk.awaiting_answer()
        if rows:
            panels.append(AwaitingAnswerPanel(rows))
