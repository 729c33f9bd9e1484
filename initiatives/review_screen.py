"""The review screen: one page to read an initiative whole and act on it.

Moderators and council members open it from their dashboard panels. It shows
every public field of the text under review, the attachments, the
moderators' notes, the amendment history, the council's quorum and decision
rule and the votes so far; beside the text, the actions of the current step
as visible buttons: approve or request changes (with a coded reason) for
moderators; vote for, against, or recuse (with a comment) for council
members. The action runs through the workflow task (as Wagtail's own
workflow views do), and the result is shown at once.

Which votes a council member sees: see `desk.votes_visible_to`.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import TaskState

from . import desk
from .attachments import attachment_links, can_review
from .models import CouncilVoteTask, Initiative, ModerationTask
from .models.review import RejectionForm, VoteForm

URL_PREFIX = "wagtailsnippets_initiatives_initiative"


class ApprovalForm(forms.Form):
    """A moderator's approval, with an optional note for the council."""

    comment = forms.CharField(
        label=_("Note for the council (optional)"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The council reads it on this screen."),
    )


VOTES = (CouncilVoteTask.VOTE_FOR, CouncilVoteTask.VOTE_AGAINST, CouncilVoteTask.RECUSE)


class ReviewMixin:
    """Loads the initiative and its current step; only reviewers may pass."""

    def dispatch(self, request, pk, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        self.live = get_object_or_404(Initiative, pk=pk)
        self.initiative = self.live.get_latest_revision_as_object()
        return super().dispatch(request, pk, *args, **kwargs)


class InitiativeReviewView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "initiatives/admin/review.html"
    header_icon = "pick"

    # --- The current step and what this user may do -----------------------

    def setup_step(self):
        state = self.live.current_workflow_task_state
        self.task_state = state
        self.task = state.task.specific if state else None
        actions = self.task.get_actions(self.live, self.request.user) if state else []
        self.action_names = {name for name, _label, _modal in actions}

    def get_forms(self, data=None):
        forms = {}
        if isinstance(self.task, ModerationTask) and "approve" in self.action_names:
            forms["approve"] = ApprovalForm(data, prefix="approve")
            forms["reject"] = RejectionForm(data, prefix="reject")
        if isinstance(self.task, CouncilVoteTask) and self.action_names:
            forms["vote"] = VoteForm(data, prefix="vote")
        return forms

    def post(self, request, pk):
        self.setup_step()
        action = request.POST.get("action", "")
        if action not in self.action_names:
            messages.error(
                request,
                _("This action is no longer open to you: the initiative has moved on."),
            )
            return redirect(self.review_url)
        forms = self.get_forms(request.POST)
        form = forms["vote" if action in VOTES else action]
        if not form.is_valid():
            messages.error(request, _("Please correct the errors marked below."))
            return self.render_to_response(
                self.get_context_data(forms=forms, open_form=action)
            )
        self.task.on_action(self.task_state, request.user, action, **form.cleaned_data)
        messages.success(request, self.result_message(action))
        return redirect(self.review_url)

    def result_message(self, action):
        live = Initiative.objects.get(pk=self.live.pk)
        Stage = Initiative.Stage
        if action == "reject":
            message = str(_("Returned to the author with your reason."))
            if not live.author_email:
                message += " " + str(
                    _(
                        "The author has no e-mail address: tell them by phone "
                        "or by post."
                    )
                )
            return message
        if action == "approve":
            if live.stage == Stage.COUNCIL:
                return _("Approved: the initiative is now with the advisory council.")
            return _("Approved.")
        message = str(_("Your vote is recorded."))
        if live.stage == Stage.ACCEPTED:
            decided = _("The council accepted the initiative: it is published.")
        elif live.stage == Stage.REJECTED:
            decided = _(
                "The council did not accept the initiative; the author is told."
            )
        else:
            left = self.task.not_voted(self.task_state).count()
            decided = ngettext(
                "The outcome is still open: %(count)d member has not voted yet.",
                "The outcome is still open: %(count)d members have not voted yet.",
                left,
            ) % {"count": left}
        return f"{message} {decided}"

    # --- What the screen shows --------------------------------------------

    @property
    def review_url(self):
        return reverse(f"{URL_PREFIX}:review", args=[self.live.pk])

    def get_page_title(self):
        return _("Review")

    def get_page_subtitle(self):
        return self.initiative.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_PREFIX}:list"), "label": _("Initiatives")},
            {"url": "", "label": self.initiative.title},
        ]

    def council_state(self):
        """The latest council step of this initiative's review, if any."""
        return (
            TaskState.objects.for_instance(self.live)
            .filter(task__in=CouncilVoteTask.objects.all())
            .select_related("task")
            .order_by("-started_at", "-pk")
            .first()
        )

    def get_context_data(self, forms=None, open_form=None, **kwargs):
        if not hasattr(self, "task"):
            self.setup_step()
        user = self.request.user
        context = super().get_context_data(**kwargs)
        initiative = self.initiative
        council_state = self.council_state()
        council_task = (
            council_state.task.specific
            if council_state
            else CouncilVoteTask.objects.filter(active=True).first()
        )
        votes, votes_hidden = (
            desk.votes_visible_to(council_state, user) if council_state else ([], False)
        )
        context.update(
            initiative=initiative,
            live=self.live,
            fields=self.public_fields(),
            can_see_contact=user.has_perm("initiatives.change_initiative"),
            attachments=attachment_links(self.live, user),
            notes=desk.moderator_notes(self.live),
            amendments=desk.amendments(self.live),
            task=self.task,
            task_state=self.task_state,
            forms=forms if forms is not None else self.get_forms(),
            open_form=open_form,
            council_task=council_task,
            council_state=council_state,
            votes=votes,
            votes_hidden=votes_hidden,
            votes_cast=(council_state.council_votes.count() if council_state else 0),
            council_members=(council_task.members().count() if council_task else 0),
            preview_url=reverse(f"{URL_PREFIX}:review_preview", args=[self.live.pk]),
            edit_url=(
                reverse(f"{URL_PREFIX}:edit", args=[self.live.pk])
                if user.has_perm("initiatives.change_initiative")
                else None
            ),
            history_url=reverse(f"{URL_PREFIX}:history", args=[self.live.pk]),
            is_moderation=isinstance(self.task, ModerationTask),
            is_council=isinstance(self.task, CouncilVoteTask),
            vote_buttons=[
                (CouncilVoteTask.VOTE_FOR, _("Vote for"), "button"),
                (
                    CouncilVoteTask.VOTE_AGAINST,
                    _("Vote against"),
                    "button button-secondary",
                ),
                (
                    CouncilVoteTask.RECUSE,
                    _("Recuse (conflict of interest)"),
                    "button button-secondary",
                ),
            ],
        )
        return context

    def public_fields(self):
        """[(label, value)] of the initiative as submitted, in reading order."""
        initiative = self.initiative
        meta = Initiative._meta

        def label(name):
            return meta.get_field(name).verbose_name

        organization = initiative.supporting_organization
        return [
            (label("municipality"), initiative.municipality),
            (
                label("topics"),
                ", ".join(str(topic) for topic in initiative.topics.all()) or "—",
            ),
            (label("supporting_organization"), organization or "—"),
            (label("language"), initiative.get_language_display()),
            (_("shown publicly as"), initiative.public_author),
            (label("channel"), initiative.get_channel_display()),
            (label("submitted_at"), initiative.submitted_at),
            (label("stage"), self.live.get_stage_display()),
        ]


@method_decorator(xframe_options_sameorigin, name="dispatch")
class InitiativeReviewPreviewView(ReviewMixin, View):
    """The text under review in the public page's template, as visitors will
    see it once published (the author's name as they chose; no contact)."""

    def get(self, request, pk):
        return self.initiative.serve_preview(request, "")
