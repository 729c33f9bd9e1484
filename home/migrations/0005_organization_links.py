"""News and events name organizations through ordered links (a chooser in the
admin) instead of a many-to-many select; the existing choices are copied, into
the pages and into their latest revisions (so a draft published later keeps them).
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def copy_links(apps, schema_editor):
    Revision = apps.get_model("wagtailcore", "Revision")
    for page_model, link_model in (
        ("NewsPage", "NewsPageOrganization"),
        ("EventPage", "EventPageOrganization"),
    ):
        Page = apps.get_model("home", page_model)
        Link = apps.get_model("home", link_model)
        for page in Page.objects.prefetch_related("organizations"):
            for order, organization in enumerate(page.organizations.all()):
                Link.objects.create(
                    page=page, organization=organization, sort_order=order
                )
            if page.latest_revision_id is None:
                continue
            revision = Revision.objects.get(pk=page.latest_revision_id)
            chosen = revision.content.pop("organizations", None) or []
            revision.content["organization_links"] = [
                {"pk": None, "sort_order": order, "organization": pk, "page": page.pk}
                for order, pk in enumerate(chosen)
            ]
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0004_organization_history_translatable'),
        ('home', '0004_editorial_pages_publish_directly'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='EventPageOrganization',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('organization', models.ForeignKey(help_text='An organization of the directory.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='directory.organization', verbose_name='organization')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='organization_links', to='home.eventpage')),
            ],
            options={
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='NewsPageOrganization',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('organization', models.ForeignKey(help_text='An organization of the directory.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='directory.organization', verbose_name='organization')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='organization_links', to='home.newspage')),
            ],
            options={
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.RunPython(copy_links, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='eventpage',
            name='organizations',
        ),
        migrations.RemoveField(
            model_name='newspage',
            name='organizations',
        ),
    ]
