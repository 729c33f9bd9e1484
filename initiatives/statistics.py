"""Moderation in numbers, for the public list: how the hub handles initiatives.

Counted from the initiatives' stages and coded reasons only: no title, no
author, nothing personal. Cached (the figures are the same for every
visitor) and forgotten whenever an initiative or an advocacy step is saved or
deleted; a short timeout covers bulk updates that send no signal.
"""

import statistics as stats
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Municipality

from .models import AdvocacyStep, Initiative

CACHE_KEY = "initiatives:moderation-statistics:v1"
CACHE_TIMEOUT = 10 * 60

Stage = Initiative.Stage

#: Stages of an initiative the council accepted (it is published).
ACCEPTED_STAGES = (
    Stage.ACCEPTED,
    Stage.SENT,
    Stage.ANSWERED,
    Stage.IMPLEMENTED,
    Stage.PARTIALLY_IMPLEMENTED,
    Stage.DECLINED,
    Stage.NO_ANSWER,
)
#: How an accepted initiative ended, or that it is still under way.
OUTCOMES = (
    Stage.IMPLEMENTED,
    Stage.PARTIALLY_IMPLEMENTED,
    Stage.DECLINED,
    Stage.NO_ANSWER,
)
IN_PROGRESS = "in_progress"
IN_PROGRESS_LABEL = _("Under way")


def compute():
    """The figures, as plain data (codes and numbers; labels come later)."""
    rows = (
        Initiative.objects.exclude(stage=Stage.UNCONFIRMED)
        .order_by()
        .values_list(
            "stage",
            "rejection_reason",
            "municipality_id",
            "submitted_at",
            "accepted_at",
            "stage_changed_at",
        )
    )
    stages = Counter()
    returned_reasons = Counter()
    rejected_reasons = Counter()
    outcomes = defaultdict(Counter)
    days_to_decision = []
    for stage, reason, municipality_id, submitted, published, changed in rows:
        stages[stage] += 1
        if stage == Stage.NEEDS_CHANGES:
            returned_reasons[reason] += 1
        elif stage == Stage.REJECTED:
            rejected_reasons[reason] += 1
            days_to_decision.append((changed - submitted).days)
        elif stage in ACCEPTED_STAGES:
            outcome = stage if stage in OUTCOMES else IN_PROGRESS
            outcomes[municipality_id][outcome] += 1
            if published:
                days_to_decision.append((published - submitted).days)
    return {
        "received": sum(stages.values()),
        "in_moderation": stages[Stage.MODERATION],
        "with_council": stages[Stage.COUNCIL],
        "returned": stages[Stage.NEEDS_CHANGES],
        "returned_reasons": dict(returned_reasons),
        "not_accepted": stages[Stage.REJECTED],
        "not_accepted_reasons": dict(rejected_reasons),
        "accepted": sum(stages[stage] for stage in ACCEPTED_STAGES),
        "outcomes": {pk: dict(counts) for pk, counts in outcomes.items()},
        "median_days_to_decision": (
            round(stats.median(days_to_decision)) if days_to_decision else None
        ),
        "decisions": len(days_to_decision),
    }


def moderation_statistics():
    """The figures, from the cache when they are there."""
    figures = cache.get(CACHE_KEY)
    if figures is None:
        figures = compute()
        cache.set(CACHE_KEY, figures, CACHE_TIMEOUT)
    return figures


def forget(**kwargs):
    cache.delete(CACHE_KEY)


def reason_rows(counts):
    """[(label, count)] of coded reasons, most frequent first; no code last."""
    labels = dict(Initiative.RejectionReason.choices)
    rows = [
        (labels.get(code, code), count, code) for code, count in counts.items() if code
    ]
    rows.sort(key=lambda row: (-row[1], str(row[0])))
    return [(label, count) for label, count, _code in rows], counts.get("", 0)


def outcome_rows(outcomes):
    """One row per municipality with accepted initiatives, in the interface
    language's alphabetical order: (municipality, {outcome: count}, total)."""
    municipalities = Municipality.objects.in_bulk(list(outcomes))
    rows = []
    for pk, counts in outcomes.items():
        municipality = municipalities.get(pk)
        if municipality is None:
            continue
        cells = [counts.get(outcome, 0) for outcome in (IN_PROGRESS, *OUTCOMES)]
        rows.append((municipality, cells, sum(cells)))
    rows.sort(key=lambda row: row[0].name)
    return rows


def connect():
    for model in (Initiative, AdvocacyStep):
        post_save.connect(forget, sender=model, dispatch_uid=f"stats-save-{model}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"stats-del-{model}")
