"""The time bank's public figures, counted from the ledger and the members.

Cached for ten minutes; every ledger write clears the cache when it commits
(`timebank.ledger`), so a new exchange shows at once. The report's "about 600
registered" is not computed: it is the founding report's figure and is quoted
as such by the templates (`REPORT_REGISTERED`).
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language

from taxonomy.models import Municipality

from .ledger import FIGURES_CACHE_KEY
from .models import Account, Member, Movement, Transfer

#: The results report: "the hub registered those willing on the site: about 600".
REPORT_REGISTERED = 600
CACHE_SECONDS = 10 * 60
ACTIVE_DAYS = 365


@dataclass
class MunicipalityFigures:
    slug: str
    name_ka: str
    name_en: str
    members: int = 0
    active_members: int = 0
    minutes_all_time: int = 0

    @property
    def name(self):
        return self.name_en if (get_language() or "").startswith("en") else self.name_ka


@dataclass
class Figures:
    members: int = 0
    active_members: int = 0
    exchanges_all_time: int = 0
    minutes_this_month: int = 0
    minutes_all_time: int = 0
    month: datetime.date | None = None
    municipalities: list = field(default_factory=list)

    @property
    def hours_this_month(self):
        return round(self.minutes_this_month / 60)

    @property
    def hours_all_time(self):
        return round(self.minutes_all_time / 60)


def exchanged_movements(helpers_only=True):
    """The helpers' side (or both sides) of every exchange that was not
    corrected away (the reversed ones are few: an anti-join on their ids)."""
    reversed_exchanges = Transfer.objects.filter(
        kind=Transfer.Kind.REVERSAL, reverses__isnull=False
    ).values("reverses_id")
    movements = Movement.objects.filter(transfer__kind=Transfer.Kind.EXCHANGE).exclude(
        transfer_id__in=reversed_exchanges
    )
    return movements.filter(amount__gt=0) if helpers_only else movements


def compute():
    """The figures, in five queries that each join movements to transfers
    only; accounts are mapped to municipalities in Python (one row each)."""
    today = timezone.localdate()
    month = today.replace(day=1)
    active_since = today - datetime.timedelta(days=ACTIVE_DAYS)
    exchanged = exchanged_movements()
    totals = exchanged.aggregate(
        all_time=Sum("amount"),
        this_month=Sum("amount", filter=Q(transfer__occurred_on__gte=month)),
        count=Count("pk"),
    )
    given_by_account = (
        exchanged.order_by().values_list("account").annotate(total=Sum("amount"))
    )
    active_accounts = set(
        exchanged_movements(helpers_only=False)
        .filter(transfer__occurred_on__gte=active_since)
        .order_by()
        .values_list("account", flat=True)
        .distinct()
    )
    accounts = Account.objects.filter(kind=Account.Kind.MEMBER).values_list(
        "pk", "member__municipality", "member__status"
    )
    municipality_of, members_by, active_by = {}, Counter(), Counter()
    for account, municipality, status in accounts:
        municipality_of[account] = municipality
        if status == Member.Status.APPROVED:
            members_by[municipality] += 1
            if account in active_accounts:
                active_by[municipality] += 1
    minutes_by = Counter()
    for account, total in given_by_account:
        minutes_by[municipality_of.get(account)] += total or 0
    rows = [
        MunicipalityFigures(
            slug=municipality.slug,
            name_ka=municipality.name_ka,
            name_en=municipality.name_en,
            members=members_by[municipality.pk],
            active_members=active_by[municipality.pk],
            minutes_all_time=minutes_by[municipality.pk],
        )
        for municipality in Municipality.objects.order_by("name_en")
    ]
    return Figures(
        members=sum(members_by.values()),
        active_members=sum(active_by.values()),
        exchanges_all_time=totals["count"] or 0,
        minutes_this_month=totals["this_month"] or 0,
        minutes_all_time=totals["all_time"] or 0,
        month=month,
        municipalities=rows,
    )


def figures():
    return cache.get_or_set(FIGURES_CACHE_KEY, compute, CACHE_SECONDS)
