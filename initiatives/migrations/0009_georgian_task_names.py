"""The review workflow's names in Georgian: they are data, shown as they are.

Staff work in Georgian; the task and workflow names appear in the admin, in
the dashboard and in Wagtail's e-mails, where an English name in a Georgian
sentence read as a mistake. Names an administrator has changed are kept.
"""

from django.db import migrations

NAMES = {
    # model: {English name: Georgian name}
    ("wagtailcore", "Workflow"): {"Initiative review": "ინიციატივების განხილვა"},
    ("initiatives", "ModerationTask"): {"Moderation": "მოდერაცია"},
    ("initiatives", "CouncilVoteTask"): {
        "Advisory council review": "საკონსულტაციო საბჭოს განხილვა"
    },
}


def rename(apps, names):
    for (app_label, model_name), renames in NAMES.items():
        model = apps.get_model(app_label, model_name)
        for old, new in renames.items():
            pair = (old, new) if names == "georgian" else (new, old)
            model.objects.filter(name=pair[0]).update(name=pair[1])


def to_georgian(apps, schema_editor):
    rename(apps, "georgian")


def to_english(apps, schema_editor):
    rename(apps, "english")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0008_council_decision_rule"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_georgian, to_english)]
