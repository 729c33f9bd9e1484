"""The ledger's rules, one by one: two movements summing to zero, limits,
reversal, idempotent credits from the hub, append-only rows."""

import pytest
from django.db import connection, transaction
from django.db.models import Sum

from timebank import ledger
from timebank.factories import MemberFactory, credit, exchange
from timebank.models import Account, AppendOnlyError, Member, Movement, Transfer

pytestmark = pytest.mark.django_db


def test_an_exchange_is_two_opposite_movements_of_the_same_minutes(nino, giorgi):
    made = exchange(helper=nino, helped=giorgi, minutes=90, description="რთველი")

    amounts = {m.account_id: m.amount for m in made.movements.all()}
    assert amounts == {nino.account.pk: 90, giorgi.account.pk: -90}
    assert ledger.balance(nino.account) == 90
    assert ledger.balance(giorgi.account) == -90
    assert made.kind == Transfer.Kind.EXCHANGE


def test_lower_limit_refuses_the_transfer_and_saves_nothing(nino, giorgi):
    ledger.set_limits(giorgi.account, -60, None)

    with pytest.raises(ledger.LimitExceeded) as error:
        exchange(helper=nino, helped=giorgi, minutes=61)

    assert "ქვედა ზღვარს" in " ".join(error.value.messages)
    assert Transfer.objects.count() == 0
    assert Movement.objects.count() == 0
    exchange(helper=nino, helped=giorgi, minutes=60)  # exactly the limit is fine
    assert ledger.balance(giorgi.account) == -60


def test_upper_limit_refuses_receiving_more(nino, giorgi):
    ledger.set_limits(nino.account, None, 120)
    exchange(helper=nino, helped=giorgi, minutes=120)
    with pytest.raises(ledger.LimitExceeded):
        exchange(helper=nino, helped=giorgi, minutes=1)


def test_a_member_who_is_not_approved_cannot_exchange(nino):
    pending = MemberFactory(status=Member.Status.PENDING)
    with pytest.raises(ledger.AccountClosed):
        exchange(helper=nino, helped=pending)
    with pytest.raises(ledger.AccountClosed):
        exchange(helper=pending, helped=nino)


@pytest.mark.parametrize("minutes", [0, -5, 1.5, "60", True, ledger.MAX_MINUTES + 1])
def test_bad_amounts_are_refused(nino, giorgi, minutes):
    with pytest.raises(ledger.LedgerError):
        exchange(helper=nino, helped=giorgi, minutes=minutes)
    assert Transfer.objects.count() == 0


def test_no_transfer_to_oneself_or_without_a_reason(nino, giorgi):
    with pytest.raises(ledger.LedgerError):
        ledger.transfer(nino.account, nino.account, 30, "x")
    with pytest.raises(ledger.LedgerError):
        exchange(helper=nino, helped=giorgi, description="   ")


def test_reversal_gives_the_time_back_and_keeps_the_original(nino, giorgi, coordinator):
    original = exchange(helper=nino, helped=giorgi, minutes=45)

    correction = ledger.reverse(original, coordinator, "ორჯერ ჩაიწერა")

    assert correction.reverses == original
    assert correction.kind == Transfer.Kind.REVERSAL
    assert ledger.balance(nino.account) == 0
    assert ledger.balance(giorgi.account) == 0
    assert Transfer.objects.count() == 2
    assert f"#{original.pk}" in correction.description


def test_a_transfer_is_reversed_once_and_a_reversal_never(nino, giorgi, coordinator):
    original = exchange(helper=nino, helped=giorgi)
    correction = ledger.reverse(original, coordinator, "შეცდომა")
    with pytest.raises(ledger.AlreadyReversed):
        ledger.reverse(original, coordinator, "კიდევ ერთხელ")
    with pytest.raises(ledger.LedgerError):
        ledger.reverse(correction, coordinator, "შესწორების შესწორება")
    assert Transfer.objects.count() == 2


def test_a_reversal_respects_the_limit_of_who_spent_the_hours(
    nino, giorgi, coordinator
):
    third = MemberFactory()
    original = exchange(helper=nino, helped=giorgi, minutes=60)
    ledger.set_limits(nino.account, 0, None)
    exchange(helper=third, helped=nino, minutes=60)  # Nino spent the hour

    with pytest.raises(ledger.LimitExceeded):
        ledger.reverse(original, coordinator, "შეცდომა")
    assert not Transfer.objects.filter(reverses=original).exists()


def test_credit_from_hub_is_idempotent_per_source(nino):
    first = ledger.credit_from_hub(nino, 120, "მოხალისეობა", source="volunteering:7")
    again = ledger.credit_from_hub(nino, 120, "მოხალისეობა", source="volunteering:7")

    assert again.pk == first.pk
    assert ledger.balance(nino.account) == 120
    hub = Account.objects.hub()
    assert ledger.balance(hub) == -120
    assert first.kind == Transfer.Kind.HUB_CREDIT


def test_a_source_settled_differently_is_a_conflict(nino, giorgi):
    ledger.credit_from_hub(nino, 120, "მოხალისეობა", source="volunteering:8")
    with pytest.raises(ledger.SourceConflict):
        ledger.credit_from_hub(nino, 60, "მოხალისეობა", source="volunteering:8")
    with pytest.raises(ledger.SourceConflict):
        ledger.credit_from_hub(giorgi, 120, "მოხალისეობა", source="volunteering:8")
    with pytest.raises(ledger.LedgerError):
        ledger.credit_from_hub(nino, 60, "მოხალისეობა", source="")
    assert Transfer.objects.count() == 1


def test_the_hub_account_has_no_limit_and_is_unique(nino):
    for number in range(3):
        credit(nino, minutes=ledger.MAX_MINUTES, source=f"big:{number}")
    assert ledger.balance(Account.objects.hub()) == -3 * ledger.MAX_MINUTES
    assert Account.objects.filter(kind=Account.Kind.HUB).count() == 1


def test_limits_cannot_be_set_beyond_the_current_balance(nino, giorgi):
    exchange(helper=nino, helped=giorgi, minutes=120)
    with pytest.raises(ledger.LedgerError):
        ledger.set_limits(giorgi.account, -60, None)
    with pytest.raises(ledger.LedgerError):
        ledger.set_limits(nino.account, None, 60)
    with pytest.raises(ledger.LedgerError):
        ledger.set_limits(nino.account, 10, 10)
    ledger.set_limits(giorgi.account, -120, 600)
    giorgi.account.refresh_from_db()
    assert (giorgi.account.lower_limit, giorgi.account.upper_limit) == (-120, 600)


def test_ledger_rows_are_never_updated_or_deleted(nino, giorgi):
    made = exchange(helper=nino, helped=giorgi)
    movement = made.movements.first()

    for attempt in (
        made.save,
        made.delete,
        movement.save,
        movement.delete,
        lambda: Movement.objects.filter(pk=movement.pk).update(amount=1),
        lambda: Movement.objects.all().delete(),
        lambda: Transfer.objects.filter(pk=made.pk).update(description="x"),
        lambda: Transfer.objects.all().delete(),
        lambda: Movement.objects.bulk_update([movement], ["amount"]),
    ):
        with pytest.raises(AppendOnlyError):
            attempt()
    assert Movement.objects.aggregate(total=Sum("amount"))["total"] == 0


def test_only_the_ledger_writes(nino, giorgi):
    with pytest.raises(AppendOnlyError):
        Transfer.objects.create(
            kind="exchange", occurred_on="2026-01-01", description="x"
        )
    with pytest.raises(AppendOnlyError):
        Movement.objects.bulk_create([])


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database triggers are PostgreSQL's"
)
def test_the_database_refuses_changes_to_the_ledger_on_postgresql(nino, giorgi):
    made = exchange(helper=nino, helped=giorgi)
    with connection.cursor() as cursor:
        for sql in (
            "UPDATE timebank_movement SET amount = 1 WHERE transfer_id = %s",
            "DELETE FROM timebank_movement WHERE transfer_id = %s",
            "DELETE FROM timebank_transfer WHERE id = %s",
        ):
            with pytest.raises(Exception, match="append-only"):
                with transaction.atomic():
                    cursor.execute(sql, [made.pk])
    assert ledger.balance(nino.account) == 60


def test_statement_shows_running_balance_and_counterparts(client, nino, giorgi):
    from tests.timebank.conftest import sign_in

    credit(nino, minutes=60, description="საწყისი")
    exchange(helper=giorgi, helped=nino, minutes=90, description="ღობის შეკეთება")
    sign_in(client, nino)

    page = client.get("/time-bank/me/statement/")

    rows = list(page.context["movements"])
    assert [(m.amount, m.running_balance) for m in rows] == [(-90, -30), (60, 60)]
    assert rows[0].counterpart_name == "გიორგი კ."
    assert rows[1].counterpart_kind == "hub"
    text = page.content.decode()
    assert "ღობის შეკეთება" in text and "კახეთის ჰაბი" in text


def test_other_apps_find_members_by_confirmed_email_or_phone(nino):
    unconfirmed = MemberFactory(email="u@example.org", email_confirmed_at=None)
    assert list(Member.objects.matching(email=" NINO@example.org")) == [nino]
    assert list(Member.objects.matching(phone=nino.phone.replace(" ", ""))) == [nino]
    assert list(Member.objects.matching(email="u@example.org")) == []
    assert unconfirmed not in Member.objects.matching(phone="12")
    MemberFactory(email="p@example.org", status=Member.Status.PENDING)
    assert not Member.objects.matching(email="p@example.org").exists()
