"""Demo initiatives in every state, in Georgian and English.

Built through the real workflow (initiatives.factories), so that logging
in as `moderator` or `council1` shows work waiting on the dashboard. The
stories are illustrative, not facts from the hub's report.
"""

import datetime

from django.test.utils import override_settings
from django.utils import timezone

from hub.roles import ADVISORY_COUNCIL, MODERATORS

INITIATIVES = {
    "lights": dict(
        language="ka",
        municipality="akhmeta",
        topics=["infrastructure", "youth"],
        title="მზის ენერგიაზე მომუშავე განათება ალვანის სკოლის გზაზე",
        summary="ალვანის საჯარო სკოლამდე მისასვლელ გზაზე მზის ენერგიით "
        "მომუშავე სანათების დამონტაჟება.",
        problem="ზამთარში ბავშვები სკოლაში სიბნელეში მიდიან და ბრუნდებიან; "
        "1,5 კილომეტრიან მონაკვეთზე არც ერთი სანათი არ არის.",
        solution="თორმეტი ავტონომიური მზის სანათი, რომლებიც ელექტროქსელზე "
        "მიერთებას არ საჭიროებს.",
        request="მუნიციპალიტეტმა სანათები 2027 წლის ბიუჯეტში გაითვალისწინოს.",
        author="ნინო ბერიძე",
        public_name="initials",
    ),
    "recycling": dict(
        language="en",
        municipality="sighnaghi",
        topics=["environment", "tourism"],
        title="Recycling bins along the Sighnaghi town walls",
        summary="Separate bins for plastic and glass on the walking route "
        "along the town walls.",
        problem="Visitors leave bottles on the walls because the only bins are "
        "in the town centre, and they overflow at weekends.",
        solution="Ten pairs of bins on the route, emptied with the existing "
        "town collection.",
        request="Place the bins and add the route to the collection schedule.",
        author="Ana Kapanadze",
        public_name="full_name",
    ),
    "youth_space": dict(
        language="ka",
        municipality="gurjaani",
        topics=["youth", "education"],
        title="ახალგაზრდული სივრცე გურჯაანის ბიბლიოთეკაში",
        summary="ბიბლიოთეკის ცარიელ დარბაზში ახალგაზრდული სივრცის მოწყობა.",
        problem="გურჯაანში ახალგაზრდებს არ აქვთ ადგილი, სადაც უფასოდ "
        "შეიკრიბებიან, იმეცადინებენ და ღონისძიებებს მოაწყობენ.",
        solution="დარბაზის შეკეთება, ავეჯი და ინტერნეტი; სივრცეს ადგილობრივი "
        "ორგანიზაციები და მოხალისეები უძღვებიან.",
        request="მუნიციპალიტეტმა დარბაზი სივრცისთვის გამოყოს და შეკეთება დააფინანსოს.",
        author="გიორგი მაისურაძე",
        public_name="full_name",
    ),
    "footpath": dict(
        language="en",
        municipality="lagodekhi",
        topics=["tourism", "environment"],
        title="A safe footpath to the Lagodekhi visitor centre",
        summary="A separated footpath on the last kilometre of road to the "
        "protected areas' visitor centre.",
        problem="Walkers, many of them families, share a narrow road with cars "
        "and minibuses in the summer season.",
        solution="A gravel footpath behind a simple wooden barrier.",
        request="Design and build the footpath with the protected areas' "
        "administration.",
        author="Levan Tsiklauri",
        public_name="anonymous",
    ),
    "irrigation": dict(
        language="ka",
        municipality="telavi",
        topics=["agriculture", "local-self-government"],
        title="სარწყავი წყლის განრიგის წინასწარ გამოქვეყნება",
        summary="სოფლებში სარწყავი წყლის მიწოდების განრიგი წინასწარ "
        "და საჯაროდ ქვეყნდებოდეს.",
        problem="ფერმერებმა არ იციან, როდის მოვა წყალი, და მოსავლის ნაწილი ზიანდება.",
        solution="განრიგი ქვეყნდებოდეს მუნიციპალიტეტის საიტზე და სოფლის "
        "საინფორმაციო დაფებზე ერთი კვირით ადრე.",
        request="მუნიციპალიტეტმა განრიგი ყოველკვირეულად გამოაქვეყნოს.",
        author="თამარ ჯაფარიძე",
        public_name="full_name",
    ),
    "ramp": dict(
        language="en",
        municipality="kvareli",
        topics=["social-services", "human-rights"],
        title="Ramp access to the Kvareli community centre",
        summary="A ramp and a handrail at the entrance of the community centre.",
        problem="People in wheelchairs and older people cannot reach the "
        "meetings held on the first floor.",
        solution="A concrete ramp with a handrail at the side entrance.",
        request="Build the ramp before the next public budget hearings.",
        author="Mariam Gelashvili",
        public_name="initials",
    ),
    "stadium": dict(
        language="ka",
        municipality="sagarejo",
        topics=["youth"],
        title="ახალი სტადიონი საგარეჯოს ცენტრში",
        summary="ცენტრალურ პარკში ახალი სტადიონის აშენება.",
        problem="ქალაქს თანამედროვე სტადიონი არ აქვს.",
        solution="10 000 მაყურებელზე გათვლილი სტადიონი პარკის ადგილას.",
        request="მუნიციპალიტეტმა სტადიონი ააშენოს.",
        author="დავით ლომიძე",
        public_name="full_name",
    ),
    "playground": dict(
        language="ka",
        municipality="telavi",
        topics=["youth", "infrastructure"],
        title="ბავშვთა მოედნის შეკეთება თელავის ნადიკვარის პარკში",
        summary="გატეხილი საქანელებისა და სრიალების შეცვლა ნადიკვარის პარკის "
        "ბავშვთა მოედანზე.",
        problem="მოედნის ინვენტარი დაზიანებულია და ბავშვებისთვის სახიფათოა.",
        solution="დაზიანებული ინვენტარის შეცვლა და რეზინის საფარის დაგება.",
        request="მუნიციპალიტეტმა შეკეთება მიმდინარე წლის ბიუჯეტიდან დააფინანსოს.",
        author="მაკა ბეჟაშვილი",
        public_name="initials",
    ),
    "bus": dict(
        language="ka",
        municipality="dedoplistskaro",
        topics=["infrastructure", "social-services"],
        title="ავტობუსი სამთაწყაროდან დედოფლისწყარომდე",
        summary="რეგულარული ავტობუსი სოფლიდან რაიონულ ცენტრამდე.",
        problem="მარშრუტი გაუქმდა და ხალხი ექიმთან ვერ ჩადის.",
        solution="დღეში ორი რეისი.",
        request="აღადგინოს მარშრუტი.",
        author="ეკა ხუციშვილი",
        public_name="anonymous",
    ),
}


def submit(key, **overrides):
    from initiatives import factories
    from taxonomy.factories import municipality, topic

    data = {**INITIATIVES[key], **overrides}
    return factories.InitiativeFactory(
        language=data["language"],
        municipality=municipality(data["municipality"]),
        topics=[topic(slug) for slug in data["topics"]],
        title=data["title"],
        summary=data["summary"],
        problem=data["problem"],
        solution=data["solution"],
        request_to_municipality=data["request"],
        author_name=data["author"],
        author_email=f"{key}@demo.kakheti-hub.ge",
        public_name=data["public_name"],
        channel=data.get("channel", "online"),
        consent_recorded_by=data.get("consent_recorded_by"),
    )


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def build():
    # Demo e-mails (to made-up authors) are kept in memory, never sent.
    # Each story happened some days ago: `journey.as_of` dates its steps.
    from initiatives import factories, journey
    from initiatives.models import CouncilVoteTask

    moderator = factories.staff_user(MODERATORS, "moderator")
    council = [factories.staff_user(ADVISORY_COUNCIL, f"council{n}") for n in (1, 2, 3)]

    def confirmed(key, **overrides):
        initiative = submit(key, **overrides)
        journey.confirm(initiative)
        return initiative

    # Awaiting moderation: one fresh, one overdue (20 days).
    with journey.as_of(days_ago(2)):
        confirmed("lights")
    with journey.as_of(days_ago(20)):
        confirmed("recycling")

    # Returned to its author with a coded reason.
    with journey.as_of(days_ago(5)):
        bus = confirmed("bus")
    with journey.as_of(days_ago(4)):
        factories.return_to_author(
            bus,
            moderator,
            reason="incomplete",
            message="გთხოვთ, მიუთითოთ, რომელ საათებში გჭირდებათ ავტობუსი.",
        )

    # With the council: one untouched, one with a vote cast by council1.
    with journey.as_of(days_ago(3)):
        factories.approve_moderation(confirmed("footpath"), moderator)
    with journey.as_of(days_ago(6)):
        youth_space = factories.approve_moderation(confirmed("youth_space"), moderator)
    factories.vote(
        youth_space,
        council[0],
        CouncilVoteTask.VOTE_FOR,
        "სივრცე ახალგაზრდების ჩართულობას გაზრდის.",
    )

    # Accepted, with a timeline in progress: the municipality answered.
    with journey.as_of(days_ago(50)):
        irrigation = factories.approve_moderation(confirmed("irrigation"), moderator)
        factories.vote(irrigation, council[0], CouncilVoteTask.VOTE_FOR)
        factories.vote(irrigation, council[1], CouncilVoteTask.VOTE_FOR)
    with journey.as_of(days_ago(40)):
        factories.add_step(irrigation, "sent", days_ago=40)
    with journey.as_of(days_ago(12)):
        factories.add_step(
            irrigation,
            "answer",
            days_ago=12,
            text="მუნიციპალიტეტი განრიგს მომავალი სეზონიდან საიტზე გამოაქვეყნებს.",
        )

    # Accepted and sent, but the municipality has not answered for 45 days.
    with journey.as_of(days_ago(60)):
        playground = factories.approve_moderation(confirmed("playground"), moderator)
        factories.vote(playground, council[1], CouncilVoteTask.VOTE_FOR)
        factories.vote(playground, council[2], CouncilVoteTask.VOTE_FOR)
    with journey.as_of(days_ago(45)):
        factories.add_step(playground, "sent", days_ago=45)

    # Implemented (entered by the moderator after a phone call).
    with journey.as_of(days_ago(130)):
        ramp = factories.approve_moderation(
            confirmed("ramp", channel="phone", consent_recorded_by=moderator),
            moderator,
        )
        factories.vote(ramp, council[1], CouncilVoteTask.VOTE_FOR)
        factories.vote(
            ramp, council[2], CouncilVoteTask.RECUSE, "I work at the centre."
        )
        factories.vote(ramp, council[0], CouncilVoteTask.VOTE_FOR)
    with journey.as_of(days_ago(120)):
        factories.add_step(ramp, "sent", days_ago=120)
    with journey.as_of(days_ago(90)):
        factories.add_step(
            ramp,
            "answer",
            days_ago=90,
            text="The ramp is included in this year's repair works.",
        )
    with journey.as_of(days_ago(20)):
        factories.add_step(ramp, "outcome", days_ago=20, outcome="implemented")

    # Not accepted by the council.
    with journey.as_of(days_ago(9)):
        stadium = factories.approve_moderation(confirmed("stadium"), moderator)
        factories.vote(
            stadium,
            council[1],
            CouncilVoteTask.VOTE_AGAINST,
            "მოთხოვნა ძალიან ძვირია და არ ეფუძნება საჭიროებების შეფასებას.",
        )
        factories.vote(
            stadium,
            council[2],
            CouncilVoteTask.VOTE_AGAINST,
            "პარკი ქალაქის ერთადერთი მწვანე სივრცეა.",
        )
