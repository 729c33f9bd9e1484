"""The time bank's categories and the hub's account, on every install; and on
PostgreSQL, the ledger's guards in the database itself:

- movements and transfers are never updated or deleted (a trigger refuses it,
  whatever code tries);
- at commit, every transfer has exactly two movements that sum to zero (a
  deferred constraint trigger), so a half-written transfer cannot exist.
"""

from django.db import migrations

CATEGORIES = [
    ("transport", "მგზავრობა და გადაზიდვა", "Lifts and transport"),
    ("lessons", "სწავლა და მეცადინეობა", "Lessons and tutoring"),
    ("repairs", "სახლის შეკეთება", "Home repairs"),
    ("garden", "ბაღი, ვენახი და მეურნეობა", "Garden, vineyard and farm"),
    ("care", "ბავშვებისა და ხანდაზმულების მოვლა", "Care for children and elderly people"),
    ("health", "ექიმთან თანხლება და ჯანმრთელობა", "Health visits and accompanying"),
    ("letters", "თარგმნა, წერილები და საბუთები", "Translation, letters and paperwork"),
    ("digital", "კომპიუტერი და ტელეფონი", "Computers and phones"),
    ("cooking", "კულინარია", "Cooking and food"),
    ("crafts", "ხელსაქმე და კერვა", "Crafts and sewing"),
]

GUARDS = """
CREATE OR REPLACE FUNCTION timebank_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The time-bank ledger is append-only: % on % refused',
        TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER timebank_movement_append_only
    BEFORE UPDATE OR DELETE ON timebank_movement
    FOR EACH ROW EXECUTE FUNCTION timebank_refuse_change();
CREATE TRIGGER timebank_transfer_append_only
    BEFORE UPDATE OR DELETE ON timebank_transfer
    FOR EACH ROW EXECUTE FUNCTION timebank_refuse_change();

CREATE OR REPLACE FUNCTION timebank_check_balanced() RETURNS trigger AS $$
DECLARE
    movement_count integer;
    movement_sum bigint;
BEGIN
    SELECT count(*), coalesce(sum(amount), 0) INTO movement_count, movement_sum
        FROM timebank_movement WHERE transfer_id = NEW.transfer_id;
    IF movement_count <> 2 OR movement_sum <> 0 THEN
        RAISE EXCEPTION 'Transfer % has % movements summing to %',
            NEW.transfer_id, movement_count, movement_sum;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER timebank_movement_balanced
    AFTER INSERT ON timebank_movement
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION timebank_check_balanced();
"""

DROP_GUARDS = """
DROP TRIGGER IF EXISTS timebank_movement_balanced ON timebank_movement;
DROP TRIGGER IF EXISTS timebank_movement_append_only ON timebank_movement;
DROP TRIGGER IF EXISTS timebank_transfer_append_only ON timebank_transfer;
DROP FUNCTION IF EXISTS timebank_check_balanced();
DROP FUNCTION IF EXISTS timebank_refuse_change();
"""


def create_data(apps, schema_editor):
    Category = apps.get_model("timebank", "Category")
    Account = apps.get_model("timebank", "Account")
    for position, (slug, name_ka, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            slug=slug,
            defaults={"name_ka": name_ka, "name_en": name_en, "position": position},
        )
    Account.objects.get_or_create(kind="hub")


def add_guards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARDS, params=None)


def drop_guards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_GUARDS, params=None)


class Migration(migrations.Migration):
    dependencies = [("timebank", "0001_initial")]

    operations = [
        migrations.RunPython(create_data, migrations.RunPython.noop),
        migrations.RunPython(add_guards, drop_guards),
    ]
