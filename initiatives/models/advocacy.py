"""What the hub did with an accepted initiative, step by step."""

from django.db import models
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
    date = models.DateField(_("date"), help_text=_("When it happened."))
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
        from django.core.exceptions import ValidationError

        errors = {}
        if self.kind == self.Kind.OUTCOME and not self.outcome:
            errors["outcome"] = _("Choose the outcome.")
        if self.kind != self.Kind.OUTCOME and self.outcome:
            errors["outcome"] = _("Only an outcome step has an outcome.")
        if self.kind == self.Kind.ANSWER and not self.text.strip():
            errors["text"] = _("Give the municipality's answer.")
        if errors:
            raise ValidationError(errors)

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
