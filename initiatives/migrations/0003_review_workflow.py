"""The review workflow of initiatives: Moderation, then the advisory council.

Groups, tasks and the workflow are data, visible and editable in
Settings > Workflows; group permissions are granted after migrate
(hub.roles.sync_roles), when the Permission rows exist.
"""

from django.db import migrations

MODERATORS = "Moderators"
ADVISORY_COUNCIL = "Advisory council"
WORKFLOW_NAME = "Initiative review"


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ModerationTask = apps.get_model("initiatives", "ModerationTask")
    CouncilVoteTask = apps.get_model("initiatives", "CouncilVoteTask")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    council, _ = Group.objects.get_or_create(name=ADVISORY_COUNCIL)

    # Historical models do not set their own content type: do it here.
    moderation = ModerationTask.objects.create(
        name="Moderation",
        content_type=ContentType.objects.get_for_model(ModerationTask),
    )
    moderation.groups.set([moderators])
    council_review = CouncilVoteTask.objects.create(
        name="Advisory council review",
        content_type=ContentType.objects.get_for_model(CouncilVoteTask),
        group=council,
        quorum=2,
    )
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=moderation, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=council_review, sort_order=1)
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(
            apps.get_model("initiatives", "Initiative")
        ),
        defaults={"workflow": workflow},
    )


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    for model in ("ModerationTask", "CouncilVoteTask"):
        apps.get_model("initiatives", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_review_advocacy_history"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
