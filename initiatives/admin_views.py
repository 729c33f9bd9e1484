"""Admin views of initiatives: staff entry, editing, listing, inspecting.

The viewsets that use them are registered in `wagtail_hooks.py`.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button
from wagtail.models import TaskState
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    InspectView,
)

from hub.admin_exports import BackgroundExportMixin
from hub.admin_views import field_changes_button

from . import desk, journey
from .attachments import attachment_links, can_review
from .models import CouncilVoteTask, Initiative

#: What staff type in for a paper or phone submission (the entry form's fields).
STAFF_ENTRY_FIELDS = (
    "title",
    "summary",
    "problem",
    "solution",
    "request_to_municipality",
    "municipality",
    "topics",
    "supporting_organization",
    "language",
    "author_name",
    "author_email",
    "author_phone",
    "author_address",
    "public_name",
    "channel",
    "attachments",
)

#: The name of the one button that enters an initiative.
ENTER_BUTTON = "action-enter"


class StaffEntryView(CreateView):
    """Staff enter a paper or phone submission; it goes straight to moderation.

    Nothing is saved or sent before the explicit submit: Wagtail's autosave is
    off here (it would create, confirm and send the initiative into review
    while the form is still being typed), an autosave-like JSON post is
    refused, and only a post of the one "enter" button saves. The journey
    saves it once per submission key, so a double click enters it once, and
    confirms it on the author's behalf.
    """

    submit_button_label = _("Enter and send to moderation")
    submit_button_active_label = _("Entering…")
    already_entered = False

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False

    def get_available_actions(self):
        return ["create"]  # no draft, no publishing: the journey decides

    def post(self, request, *args, **kwargs):
        if self.expects_json_response:
            return self.json_error_response(
                "explicit_submit_only",
                _("An initiative is entered only with its button."),
            )
        if not request.POST.get(ENTER_BUTTON):
            self.object = None
            form = self.get_form()
            self.produced_error_message = _(
                "Nothing was saved: press “Enter and send to moderation”."
            )
            return self.form_invalid(form)
        return super().post(request, *args, **kwargs)

    def save_instance(self):
        data = self.form.cleaned_data
        user = self.request.user
        key = data["submission_key"]
        self.already_entered = Initiative.objects.filter(submission_key=key).exists()
        initiative = journey.submit(
            **{name: data[name] for name in STAFF_ENTRY_FIELDS if name in data},
            submission_key=key,
            consent_given_at=timezone.now(),
            consent_recorded_by=user,
            user=user,
        )
        journey.confirm(initiative, user=user)
        self.new_revision = initiative.latest_revision
        return initiative

    def run_action_method(self):
        return None  # save_instance did it all

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_success_message(self, instance=None):
        if self.already_entered:
            message = _(
                "Initiative “%(title)s” was already entered; nothing was added."
            )
        else:
            message = _("Initiative “%(title)s” entered and sent to moderation.")
        return message % {"title": self.object.title}

    def get_success_buttons(self):
        return []  # those who enter initiatives may not edit them


class InitiativeEditView(EditView):
    """Editing a citizen's initiative saves only when staff press save.

    (No autosave: every saved version is part of the review's record.)
    """

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class InitiativeIndexView(BackgroundExportMixin, IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_review(self.request.user):
            buttons.insert(
                0,
                Button(
                    _("Review"),
                    url=reverse(
                        "wagtailsnippets_initiatives_initiative:review",
                        args=[instance.pk],
                    ),
                    icon_name="view",
                    priority=5,
                ),
            )
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
    """The public text and the council's votes so far, for every staff role.

    The author's contact details are not shown here (council members see
    this view); moderators see them in the edit form and the review screen.
    Others' votes follow the review screen's rule (`desk.votes_visible_to`).
    """

    extra_labels = {
        "public_author": _("shown publicly as"),
        "council_votes": _("council votes"),
        "attachments": _("attachments"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return self.extra_labels[field_name]
        return super().get_field_label(field_name, field)

    def get_attachments_display_value(self):
        return render_to_string(
            "initiatives/admin/attachments_panel.html",
            {"links": attachment_links(self.object, self.request.user)},
        )

    def get_public_author_display_value(self):
        return self.object.public_author

    def get_supporting_organization_display_value(self):
        return self.object.supporting_organization or "—"

    def get_council_votes_display_value(self):
        state = (
            TaskState.objects.for_instance(self.object)
            .filter(
                task__in=CouncilVoteTask.objects.all(),
                status=TaskState.STATUS_IN_PROGRESS,
            )
            .first()
        )
        if state is None:
            return "-"
        votes, hidden = desk.votes_visible_to(state, self.request.user)
        if hidden:
            return _("Shown once you have voted.")
        lines = [
            f"{vote.member.get_full_name() or vote.member.get_username()}: "
            f"{vote.get_choice_display()}"
            + (f" — {vote.comment}" if vote.comment else "")
            for vote in votes
        ]
        return "; ".join(lines) or "-"


class AdvocacyStepCreateView(CreateView):
    """A new advocacy step; `?initiative=<pk>` chooses the initiative (the
    dashboard's "record a step" links)."""

    def get_initial(self):
        initial = super().get_initial()
        initiative = self.request.GET.get("initiative", "")
        if initiative.isascii() and initiative.isdigit():
            initial["initiative"] = int(initiative)
        return initial
