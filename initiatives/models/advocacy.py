"""What the hub did with an accepted initiative, step by step."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .initiative import Initiative


class AdvocacyStep(models.Model):
    """One dated step of the hub's advocacy for an accepted initiative.

    A plain model with its own admin (not a child of the moderated snippet),
    so staff add steps to a live initiative without re-running its review.
    The public page shows `initiative.advocacy_steps` (ordered by date) as a
    timeline; each new step moves the initiative's stage and is e-mailed to
    its author.
    """

    class Kind(models.TextChoices):
        SENT = "sent", _("Sent to the municipality")
        ANSWER = "answer", _("The municipality's answer")
        OUTCOME = "outcome", _("Outcome")

    class Outcome(models.TextChoices):
        IMPLEMENTED = "implemented", _("Implemented")
        PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
        DECLINED = "declined", _("Declined")
        NO_ANSWER = "no_answer", _("No answer")

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="advocacy_steps",
        limit_choices_to={"live": True},
        verbose_name=_("initiative"),
        help_text=_("An initiative accepted for advocacy."),
    )
    kind = models.CharField(
        _("step"),
        max_length=16,
        choices=Kind.choices,
        help_text=_("What happened."),
    )
    date = models.DateField(
        _("date"),
        help_text=_(
            "When it happened: not before the council accepted the initiative, "
            "not in the future."
        ),
    )
    letter = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("letter"),
        help_text=_("The letter sent to the municipality, as a document."),
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The municipality's answer, or a short public note."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=32,
        choices=Outcome.choices,
        blank=True,
        help_text=_("For an outcome step: what became of the request."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("advocacy step")
        verbose_name_plural = _("advocacy steps")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"

    def clean(self):
        errors = {}
        if self.kind == self.Kind.OUTCOME and not self.outcome:
            errors["outcome"] = _("Choose the outcome.")
        if self.kind != self.Kind.OUTCOME and self.outcome:
            errors["outcome"] = _("Only an outcome step has an outcome.")
        if self.kind == self.Kind.ANSWER and not self.text.strip():
            errors["text"] = _("Give the municipality's answer.")
        if self.initiative_id and self.date and self.kind:
            for field, message in self.timeline_errors():
                errors.setdefault(field, message)
        if errors:
            raise ValidationError(errors)

    def timeline_errors(self):
        """[(field, message)] if this step would put the timeline out of order.

        The timeline is chronological and reads as a story: no step before
        the council accepted the initiative or after today; an answer comes
        after the request was sent; the outcome is the one last step.
        """
        initiative = self.initiative
        if not initiative.live:
            return [
                (
                    "initiative",
                    _("Only an initiative accepted for advocacy has advocacy steps."),
                )
            ]
        if self.date > timezone.localdate():
            return [("date", _("The date cannot be in the future."))]
        if initiative.accepted_at:
            accepted = timezone.localdate(initiative.accepted_at)
            if self.date < accepted:
                return [
                    (
                        "date",
                        _(
                            "The council accepted the initiative on %(date)s: a "
                            "step cannot come before that."
                        )
                        % {"date": date_format(accepted, "SHORT_DATE_FORMAT")},
                    )
                ]
        # The timeline with this step in its place (a new step goes last
        # among those of its day, as it will be shown).
        others = list(initiative.advocacy_steps.exclude(pk=self.pk))
        unsaved = float("inf")
        steps = sorted(
            [*others, self],
            key=lambda step: (step.date, step.pk if step.pk else unsaved),
        )
        position = steps.index(self)
        before, after = steps[:position], steps[position + 1 :]
        outcomes = [step for step in others if step.kind == self.Kind.OUTCOME]
        if self.kind == self.Kind.OUTCOME and outcomes:
            return [("kind", _("This initiative already has an outcome."))]
        if self.kind == self.Kind.OUTCOME and after:
            return [
                (
                    "date",
                    _(
                        "The outcome is the last step: date it on or after "
                        "%(date)s, the date of the latest step."
                    )
                    % {"date": date_format(after[-1].date, "SHORT_DATE_FORMAT")},
                )
            ]
        if self.kind != self.Kind.OUTCOME and outcomes and outcomes[0] in before:
            return [
                (
                    "date",
                    _(
                        "The outcome (%(date)s) is the last step: nothing can "
                        "come after it."
                    )
                    % {"date": date_format(outcomes[0].date, "SHORT_DATE_FORMAT")},
                )
            ]
        if self.kind == self.Kind.ANSWER and not any(
            step.kind == self.Kind.SENT for step in before
        ):
            return [
                (
                    "date",
                    _(
                        "An answer comes after the request was sent: record the "
                        "sending first, dated on or before the answer."
                    ),
                )
            ]
        if self.kind == self.Kind.SENT and self.pk:
            # Moving a sending must leave every answer after a sending.
            for index, step in enumerate(steps):
                if step.kind == self.Kind.ANSWER and not any(
                    earlier.kind == self.Kind.SENT for earlier in steps[:index]
                ):
                    return [
                        (
                            "date",
                            _(
                                "The answer of %(date)s would come before any "
                                "sending: keep the sending on or before it."
                            )
                            % {"date": date_format(step.date, "SHORT_DATE_FORMAT")},
                        )
                    ]
        return []

    @property
    def stage(self):
        """The initiative's stage once this step has happened."""
        if self.kind == self.Kind.SENT:
            return Initiative.Stage.SENT
        if self.kind == self.Kind.ANSWER:
            return Initiative.Stage.ANSWERED
        return Initiative.Stage(self.outcome)

    @property
    def label(self):
        if self.kind == self.Kind.OUTCOME and self.outcome:
            return self.get_outcome_display()
        return self.get_kind_display()
