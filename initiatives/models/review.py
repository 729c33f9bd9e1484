"""The two review steps of the initiatives workflow and the council's votes.

Both tasks are Wagtail workflow tasks, so they appear in Settings > Workflows,
in the dashboard's "Awaiting your review" panel and in the workflow history.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from .initiative import Initiative


class RejectionForm(forms.Form):
    """What a moderator must give when returning an initiative to its author."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        # Starts empty: a moderator must choose, never accept a preselection.
        choices=[("", _("Choose a reason")), *Initiative.RejectionReason.choices],
        error_messages={"required": _("Choose the reason for returning it.")},
    )
    comment = forms.CharField(
        label=_("Message to the author"),
        widget=forms.Textarea({"rows": 4}),
        help_text=_("E-mailed to the author: say what to change."),
    )


class VoteForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_(
            "If the council does not accept the initiative, the comments of the "
            "votes against are sent to the author, without names."
        ),
    )


class ModerationTask(AbstractGroupApprovalTask):
    """Moderators screen an initiative; returning it needs a coded reason.

    A group approval task whose "Request changes" asks for a reason code and a
    message for the author (who has no account: see notifications).
    """

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "reject":
            from initiatives import journey

            journey.return_to_author(
                task_state,
                user,
                reason=kwargs.get("reason") or Initiative.RejectionReason.OTHER,
                message=kwargs.get("comment", ""),
            )
            return None  # the view redirects where it would anyway
        from initiatives.notifications import for_staff

        with for_staff():  # the council (or a next group) is e-mailed
            return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, or return it to the author "
            "with a coded reason"
        )

    class Meta:
        verbose_name = _("moderation task")
        verbose_name_plural = _("moderation tasks")


#: The council's decision (`council_outcome`).
ACCEPTED = "accepted"
NOT_ACCEPTED = "not_accepted"


def council_outcome(votes_for, votes_against, not_voted, quorum):
    """ACCEPTED, NOT_ACCEPTED, or None while the outcome can still change.

    The rule: accepted when at least `quorum` members voted for or against
    (recusals do not count) and more voted for than against; otherwise not
    accepted (a tie is not a majority). It decides as soon as the `not_voted`
    members, however they vote or recuse, can no longer change that result.
    """
    counted = votes_for + votes_against
    # Accepted whatever the others do: even all against, or all recusing.
    if counted >= quorum and votes_for > votes_against + not_voted:
        return ACCEPTED
    # Not accepted whatever they do: even all for, no majority or no quorum.
    if votes_for + not_voted <= votes_against or counted + not_voted < quorum:
        return NOT_ACCEPTED
    return None


class CouncilVoteTask(Task):
    """The advisory council votes; it decides once the outcome is certain.

    Each member of the group votes once: for, against (with a comment), or
    recuses for a conflict of interest (recorded, never counted). The
    initiative is accepted when at least `quorum` members voted for or
    against and more voted for than against; a tie or a missing quorum is
    not acceptance (the hub advocates only what most of the council
    supports). The task decides as soon as the members who have not voted
    can no longer change the result (`council_outcome`), so a 1–1 at quorum
    2 waits for the third member. Until then it stays in the dashboard of
    every member who has not voted.
    """

    group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("council group"),
        help_text=_("Members of this group vote."),
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        default=2,
        help_text=_(
            "How many members must vote for or against (recusals are not "
            "counted). Accepted when at least this many did and more voted for "
            "than against; the council decides as soon as the members who have "
            "not voted can no longer change the result."
        ),
    )

    admin_form_fields = Task.admin_form_fields + ["group", "quorum"]

    VOTE_FOR = "vote_for"
    VOTE_AGAINST = "vote_against"
    RECUSE = "recuse"

    def is_member(self, user):
        return user.is_active and user.groups.filter(pk=self.group_id).exists()

    def has_voted(self, task_state, user):
        return task_state.council_votes.filter(member=user).exists()

    def get_actions(self, obj, user):
        task_state = obj.current_workflow_task_state
        if (
            task_state is None
            or task_state.task_id != self.pk
            or not self.is_member(user)
            or self.has_voted(task_state, user)
        ):
            return []
        return [
            (self.VOTE_FOR, _("Vote for"), True),
            (self.VOTE_AGAINST, _("Vote against"), True),
            (self.RECUSE, _("Recuse (conflict of interest)"), True),
        ]

    def get_form_for_action(self, action):
        return VoteForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, comment="", **kwargs):
        choices = {
            self.VOTE_FOR: CouncilVote.Choice.FOR,
            self.VOTE_AGAINST: CouncilVote.Choice.AGAINST,
            self.RECUSE: CouncilVote.Choice.RECUSE,
        }
        # Lock the task state: two members voting at once must not both
        # decide, nor both miss the quorum.
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return None
        vote, created = CouncilVote.objects.get_or_create(
            task_state=task_state,
            member=user,
            defaults={"choice": choices[action_name], "comment": comment},
        )
        if not created:
            return None  # each member votes once
        tally = self.tally(task_state)
        outcome = self.outcome(task_state, tally)
        if outcome is None:
            return None  # the members who have not voted can still change it
        summary = _("%(for)d for, %(against)d against, %(recused)d recused") % tally
        if outcome == ACCEPTED:
            from initiatives.notifications import for_staff

            # The workflow ends: WAGTAIL_FINISH_WORKFLOW_ACTION accepts it.
            with for_staff():
                task_state.approve(user=user, comment=str(summary))
        else:
            from initiatives import journey

            journey.not_accept(task_state, user, summary)
        return None

    def members(self):
        return get_user_model().objects.filter(groups=self.group_id, is_active=True)

    def not_voted(self, task_state):
        """Members of the council who have neither voted nor recused."""
        return self.members().exclude(council_votes__task_state=task_state)

    def outcome(self, task_state, tally=None):
        """ACCEPTED, NOT_ACCEPTED, or None while it can still change."""
        tally = tally or self.tally(task_state)
        return council_outcome(
            tally["for"],
            tally["against"],
            self.not_voted(task_state).count(),
            self.quorum,
        )

    def rule_text(self):
        """The decision rule, as the council reads it on the review screen."""
        return _(
            "Accepted when at least %(quorum)d members vote for or against "
            "(recusals are not counted) and more vote for than against; "
            "otherwise not accepted. The council decides as soon as the members "
            "who have not voted can no longer change the result."
        ) % {"quorum": self.quorum}

    @staticmethod
    def tally(task_state):
        counts = dict.fromkeys(CouncilVote.Choice.values, 0)
        for choice in task_state.council_votes.values_list("choice", flat=True):
            counts[choice] += 1
        return {
            "for": counts[CouncilVote.Choice.FOR],
            "against": counts[CouncilVote.Choice.AGAINST],
            "recused": counts[CouncilVote.Choice.RECUSE],
            "counted": counts[CouncilVote.Choice.FOR]
            + counts[CouncilVote.Choice.AGAINST],
        }

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.is_member(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(
            council_votes__member=user
        )

    def locked_for_user(self, obj, user):
        # Nobody edits the text while the council votes on it.
        return not user.is_superuser

    @classmethod
    def get_description(cls):
        return _(
            "Members of the council group vote for or against; the council "
            "decides once the outcome can no longer change"
        )

    class Meta:
        verbose_name = _("council vote task")
        verbose_name_plural = _("council vote tasks")


class CouncilVote(models.Model):
    """One council member's vote on one review of an initiative."""

    class Choice(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")
        RECUSE = "recuse", _("Recused (conflict of interest)")

    task_state = models.ForeignKey(
        TaskState,
        on_delete=models.CASCADE,
        related_name="council_votes",
        verbose_name=_("review"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_votes",
        verbose_name=_("council member"),
    )
    choice = models.CharField(_("vote"), max_length=16, choices=Choice.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("voted at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("council vote")
        verbose_name_plural = _("council votes")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "member"], name="one_vote_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member} — {self.get_choice_display()}"
