"""Replace Wagtail's welcome page with the Georgian home page and add English.

The English translation of the home page itself is made with wagtail-localize
(`load_demo_data` does it for the demo); here we only add the locale.
"""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale, _ = Locale.objects.get_or_create(language_code="ka")
    Locale.objects.get_or_create(language_code="en")
    homepage = HomePage.objects.create(
        title="კახეთის რეგიონული ჰაბი",
        draft_title="კახეთის რეგიონული ჰაბი",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
    )
    Site.objects.create(
        hostname="localhost",
        root_page=homepage,
        is_default_site=True,
        site_name="Kakheti Hub",
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0059_apply_collection_ordering"),
    ]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
