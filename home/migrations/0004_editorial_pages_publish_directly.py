"""Editorial pages are published by communications staff directly.

Wagtail's initial data puts every page under a "Moderators approval" workflow
for its "Moderators" group. In this project that group screens citizens'
initiatives and has no business reviewing news: the default page workflow is
taken off the tree and deactivated (the initiatives keep their own workflow).
"""

from django.db import migrations


def publish_directly(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    defaults = Workflow.objects.filter(name="Moderators approval")
    WorkflowPage.objects.filter(workflow__in=defaults).delete()
    defaults.update(active=False)
    Task.objects.filter(name="Moderators approval").update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_pages_news_events_outreach"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(publish_directly, migrations.RunPython.noop)]
