"""The eight municipalities of Kakheti and the hub's core topics.

Every app filters by these, so they exist on every install, not only in the demo.
"""

from django.db import migrations

MUNICIPALITIES = [
    ("telavi", "თელავი", "Telavi", True),
    ("gurjaani", "გურჯაანი", "Gurjaani", False),
    ("sighnaghi", "სიღნაღი", "Sighnaghi", False),
    ("dedoplistskaro", "დედოფლისწყარო", "Dedoplistskaro", False),
    ("lagodekhi", "ლაგოდეხი", "Lagodekhi", False),
    ("kvareli", "ყვარელი", "Kvareli", False),
    ("akhmeta", "ახმეტა", "Akhmeta", False),
    ("sagarejo", "საგარეჯო", "Sagarejo", False),
]

TOPICS = [
    ("eu-association", "ევროკავშირთან ასოცირება", "EU association"),
    ("dcfta", "ღრმა და ყოვლისმომცველი თავისუფალი ვაჭრობა (DCFTA)", "DCFTA"),
    ("volunteering", "მოხალისეობა", "Volunteering"),
    ("time-bank", "დროის ბანკი", "Time bank"),
    ("local-self-government", "ადგილობრივი თვითმმართველობა", "Local self-government"),
    ("civic-activism", "სამოქალაქო აქტივიზმი", "Civic activism"),
    ("youth", "ახალგაზრდობა", "Youth"),
    ("environment", "გარემოს დაცვა", "Environment"),
    ("education", "განათლება", "Education"),
    ("social-services", "სოციალური მომსახურება", "Social services"),
    ("agriculture", "სოფლის მეურნეობა", "Agriculture"),
    ("culture", "კულტურა", "Culture"),
    ("human-rights", "ადამიანის უფლებები", "Human rights"),
    ("infrastructure", "ინფრასტრუქტურა", "Infrastructure"),
    ("tourism", "ტურიზმი", "Tourism"),
    ("health", "ჯანმრთელობა", "Health"),
]


def create(apps, schema_editor):
    Municipality = apps.get_model("taxonomy", "Municipality")
    Topic = apps.get_model("taxonomy", "Topic")
    for slug, name_ka, name_en, centre in MUNICIPALITIES:
        Municipality.objects.update_or_create(
            slug=slug,
            defaults={
                "name_ka": name_ka,
                "name_en": name_en,
                "is_regional_centre": centre,
            },
        )
    for slug, name_ka, name_en in TOPICS:
        Topic.objects.get_or_create(
            slug=slug, defaults={"name_ka": name_ka, "name_en": name_en}
        )


def remove(apps, schema_editor):
    apps.get_model("taxonomy", "Municipality").objects.filter(
        slug__in=[m[0] for m in MUNICIPALITIES]
    ).delete()
    apps.get_model("taxonomy", "Topic").objects.filter(
        slug__in=[t[0] for t in TOPICS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
