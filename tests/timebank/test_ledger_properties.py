"""The ledger's invariants over random sequences of transfers and corrections.

Hypothesis draws a sequence of operations (exchanges between random members,
credits from the hub, reversals of earlier transfers, limit changes); each is
applied through `timebank.ledger`, and whatever it refused must leave no
trace. After every step:

- every transfer has exactly two movements, of opposite sign, summing to zero;
- the whole ledger sums to zero;
- each balance is the sum of its account's movements, and no account is
  outside its limits;
- no transfer is reversed twice, and a reversal mirrors its original.
"""

import pytest
from django.db import transaction
from django.db.models import Count, Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timebank import ledger
from timebank.factories import MemberFactory
from timebank.models import Account, Movement, Transfer

pytestmark = pytest.mark.django_db

MEMBERS = 4

operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("exchange"),
            st.integers(0, MEMBERS - 1),
            st.integers(0, MEMBERS - 1),
            st.integers(-10, 400),
        ),
        st.tuples(
            st.just("credit"),
            st.integers(0, MEMBERS - 1),
            st.integers(1, 300),
            st.integers(0, 3),  # a small set of sources, so some repeat
        ),
        st.tuples(st.just("reverse"), st.integers(0, 50)),
        st.tuples(
            st.just("limits"),
            st.integers(0, MEMBERS - 1),
            st.one_of(st.none(), st.integers(-600, 0)),
            st.one_of(st.none(), st.integers(1, 900)),
        ),
    ),
    max_size=25,
)


def check_invariants(accounts):
    per_transfer = Transfer.objects.annotate(
        n=Count("movements"), total=Sum("movements__amount")
    ).values_list("pk", "n", "total")
    for pk, count, total in per_transfer:
        assert (count, total) == (2, 0), f"transfer {pk}"
    for transfer in Transfer.objects.prefetch_related("movements"):
        gave, received = transfer.movement_pair()
        assert gave.amount < 0 < received.amount
    assert (Movement.objects.aggregate(t=Sum("amount"))["t"] or 0) == 0
    balances = ledger.balances(accounts)
    for account in Account.objects.filter(pk__in=[a.pk for a in accounts]):
        summed = sum(m.amount for m in account.movements.all())
        assert balances[account.pk] == summed == ledger.balance(account)
        if account.lower_limit is not None:
            assert summed >= account.lower_limit
        if account.upper_limit is not None:
            assert summed <= account.upper_limit
    reversed_ids = list(
        Transfer.objects.exclude(reverses=None).values_list("reverses", flat=True)
    )
    assert len(reversed_ids) == len(set(reversed_ids))
    for correction in Transfer.objects.exclude(reverses=None).prefetch_related(
        "movements", "reverses__movements"
    ):
        mirrored = {
            m.account_id: -m.amount for m in correction.reverses.movements.all()
        }
        assert {m.account_id: m.amount for m in correction.movements.all()} == mirrored


def apply(operation, members, coordinator):
    name, *args = operation
    if name == "exchange":
        helper, helped, minutes = args
        ledger.exchange(members[helper], members[helped], minutes, "დახმარება")
    elif name == "credit":
        member, minutes, source = args
        ledger.credit_from_hub(
            members[member], minutes, "ჩარიცხვა", source=f"test:{source}"
        )
    elif name == "reverse":
        transfers = list(Transfer.objects.order_by("pk"))
        if transfers:
            original = transfers[args[0] % len(transfers)]
            ledger.reverse(original, coordinator, "შესწორება")
    else:
        member, lower, upper = args
        ledger.set_limits(members[member].account, lower, upper)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=operations)
def test_random_sequences_keep_the_ledger_whole(operations, coordinator):
    with transaction.atomic():
        members = [MemberFactory() for _ in range(MEMBERS)]
        accounts = [member.account for member in members] + [Account.objects.hub()]
        for operation in operations:
            before = list(Movement.objects.values_list("pk", flat=True))
            try:
                with transaction.atomic():
                    apply(operation, members, coordinator)
            except ledger.LedgerError:
                # Refused: nothing of it was written.
                assert list(Movement.objects.values_list("pk", flat=True)) == before
            check_invariants(accounts)
        transaction.set_rollback(True)
