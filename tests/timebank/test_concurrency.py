"""Limits and single settlement hold when requests arrive at the same moment.

Real threads, each with its own database connection, on PostgreSQL (where the
ledger locks the accounts' rows with SELECT … FOR UPDATE). SQLite serialises
every write to the whole database, so there is nothing to race there: these
tests are skipped on SQLite and run in CI's PostgreSQL pass.
"""

import threading

import pytest
from django.db import connection, connections
from django.db.models import Sum

from timebank import ledger
from timebank.factories import MemberFactory, credit
from timebank.models import Movement, Transfer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: row locks are what is tested, and SQLite has none "
            "(set DATABASE_URL=postgres://…; CI runs it)"
        )


def run_together(count, work):
    """Run `work(index)` in `count` threads released at the same instant;
    return [(index, result or exception)]."""
    barrier = threading.Barrier(count)
    results = []

    def target(index):
        try:
            barrier.wait(timeout=10)
            results.append((index, work(index)))
        except Exception as error:  # noqa: BLE001 - reported to the test
            results.append((index, error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_exchanges_from_one_account_cannot_both_pass_the_limit():
    payer = MemberFactory(account__lower_limit=0)
    helpers = [MemberFactory(), MemberFactory()]
    credit(payer, minutes=60)

    results = run_together(
        2, lambda i: ledger.exchange(helpers[i], payer, 60, "დახმარება")
    )

    made = [r for _, r in results if isinstance(r, Transfer)]
    refused = [r for _, r in results if isinstance(r, ledger.LimitExceeded)]
    assert (len(made), len(refused)) == (1, 1), results
    assert ledger.balance(payer.account) == 0
    assert Movement.objects.aggregate(t=Sum("amount"))["t"] == 0


def test_many_concurrent_exchanges_never_overdraw():
    payer = MemberFactory(account__lower_limit=-120)
    helpers = [MemberFactory() for _ in range(6)]

    results = run_together(
        6, lambda i: ledger.exchange(helpers[i], payer, 30, "დახმარება")
    )

    assert sum(isinstance(r, Transfer) for _, r in results) == 4, results
    assert ledger.balance(payer.account) == -120


def test_opposite_exchanges_between_two_members_do_not_deadlock():
    first, second = MemberFactory(), MemberFactory()

    results = run_together(
        8,
        lambda i: ledger.exchange(
            first if i % 2 else second, second if i % 2 else first, 15, "გაცვლა"
        ),
    )

    assert all(isinstance(r, Transfer) for _, r in results), results
    assert ledger.balance(first.account) == ledger.balance(second.account) == 0


def test_the_same_volunteer_hours_are_credited_once():
    member = MemberFactory()

    results = run_together(
        4,
        lambda i: ledger.credit_from_hub(
            member, 180, "მოხალისეობა", source="volunteering.hours:42"
        ),
    )

    assert {r.pk for _, r in results if isinstance(r, Transfer)} == {
        Transfer.objects.get(source_key="volunteering.hours:42").pk
    }, results
    assert ledger.balance(member.account) == 180


def test_a_transfer_is_reversed_once_when_two_coordinators_click(coordinator):
    helper, helped = MemberFactory(), MemberFactory()
    original = ledger.exchange(helper, helped, 60, "შეცდომით")

    results = run_together(
        2, lambda i: ledger.reverse(original, coordinator, f"შესწორება {i}")
    )

    assert sum(isinstance(r, Transfer) for _, r in results) == 1, results
    assert sum(isinstance(r, ledger.AlreadyReversed) for _, r in results) == 1
    assert ledger.balance(helper.account) == 0
