"""Editorial demo content: home, about, contact, news, outreach topics, events.

Georgian pages first, each translated into English with wagtail-localize's model
(`copy_for_translation`). The hub's figures are quoted from its founding report;
dates are relative to today so that upcoming events stay upcoming.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

REPORT_FIGURES = [
    # value, Georgian label, English label
    (
        "~100",
        "საინფორმაციო და სადისკუსიო შეხვედრა",
        "information and discussion meetings",
    ),
    (
        "~50",
        "ორგანიზაციამ და საინიციატივო ჯგუფმა მიიღო კონსულტაცია",
        "organizations and initiative groups consulted",
    ),
    (
        "5,000+",
        "მონაწილე ტრენინგებში, შეხვედრებსა და ფორუმებში",
        "participants in trainings, meetings and forums",
    ),
    ("~600", "დარეგისტრირებული დროის ბანკში", "people registered for the time bank"),
    ("8", "კახეთის მუნიციპალიტეტი", "municipalities of Kakheti"),
]

HOME_INTRO = (
    "<p>კახეთის რეგიონული ჰაბი აერთიანებს კახეთის რვა მუნიციპალიტეტში "
    "რეგისტრირებულ სამოქალაქო და სათემო ორგანიზაციებს. ჰაბის მიზანია "
    "ადგილობრივი სამოქალაქო სექტორის გააქტიურება და სამოქალაქო აქტივიზმის "
    "გაძლიერება. ჰაბს 2017 წლიდან ახორციელებს ააიპ „მედიაცენტრი კახეთი“.</p>",
    "<p>The Kakheti Regional Hub unites the civil-society and community "
    "organizations registered in the eight municipalities of Kakheti. Its goal is "
    "to activate the local civil sector and strengthen civic activism. The hub has "
    "been run by the non-profit Media Center Kakheti since 2017.</p>",
)

ABOUT = {
    "slug": "about",
    "title": ("ჩვენს შესახებ", "About us"),
    "lead": (
        "კახეთის რეგიონული ჰაბი ადგილობრივი სამოქალაქო ორგანიზაციების ერთიანი "
        "პლატფორმაა.",
        "The Kakheti Regional Hub is a single platform for the region's local "
        "civil-society organizations.",
    ),
    "paragraphs": (
        [
            "ჰაბი შეიქმნა პროგრამის „სამოქალაქო საზოგადოების განვითარების "
            "ინიციატივა“ ფარგლებში, ევროკავშირისა და კონრად ადენაუერის ფონდის "
            "მხარდაჭერით. მას ააიპ „მედიაცენტრი კახეთი“ უძღვება.",
            "ჰაბი ორგანიზაციებს შორის ინფორმაციისა და შესაძლებლობების გაცვლას "
            "უწყობს ხელს, აკავშირებს მოხალისეობრივ რესურსებს და სექტორს "
            "იურიდიულ, ორგანიზაციულ და საინფორმაციო კონსულტაციებს უწევს.",
            "ჩამოყალიბდა სათათბირო საბჭო — სამოქალაქო ორგანიზაციებსა და "
            "ადგილობრივ ხელისუფლებას შორის კოორდინირებული მუშაობის სისტემა. "
            "საბჭო განიხილავს მოქალაქეთა ინიციატივებს და მათ ადვოკატირებას "
            "უწევს ადგილობრივ თვითმმართველობასთან.",
        ],
        [
            "The hub was created under the Civil Society Development Initiative, "
            "with the support of the European Union and the Konrad Adenauer "
            "Foundation. It is run by the non-profit Media Center Kakheti.",
            "The hub helps organizations exchange information and opportunities, "
            "connects volunteer resources and gives the sector legal, "
            "organizational and informational consultations.",
            "An advisory council was formed: a coordinated working system between "
            "civil-society organizations and local government. The council reviews "
            "citizens' initiatives and advocates for them with local "
            "self-government.",
        ],
    ),
}

CONTACT = {
    "slug": "contact",
    "title": ("კონტაქტი", "Contact"),
    "lead": (
        "დაგვიკავშირდით ელფოსტით ან ტელეფონით.",
        "Write to us or give us a call.",
    ),
    "paragraphs": (
        [
            "ელფოსტა: mediacentrikakheti@gmail.com",
            "ტელეფონი: +995 555 52 02 34",
            "მისამართი: თელავი, კახეთის რეგიონი",
        ],
        [
            "E-mail: mediacentrikakheti@gmail.com",
            "Phone: +995 555 52 02 34",
            "Address: Telavi, Kakheti region",
        ],
    ),
}

OUTREACH = [
    {
        "slug": "eu-association-agreement",
        "topic": "eu-association",
        "menu_title": ("ასოცირება", "EU association"),
        "title": (
            "ასოცირების შეთანხმება ევროკავშირთან",
            "The EU Association Agreement",
        ),
        "lead": (
            "რა არის საქართველოსა და ევროკავშირს შორის ასოცირების შეთანხმება და "
            "რას ნიშნავს ის კახეთის მცხოვრებლებისთვის — მარტივად.",
            "What the Association Agreement between Georgia and the European Union "
            "is, and what it means for the people of Kakheti, in plain words.",
        ),
        "explanation": (
            [
                "ასოცირების შეთანხმება საქართველომ და ევროკავშირმა 2014 წელს "
                "გააფორმეს. ის ადგენს, როგორ თანამშრომლობენ მხარეები პოლიტიკაში, "
                "ეკონომიკასა და ვაჭრობაში, და როგორ უახლოვდება საქართველოს "
                "კანონმდებლობა ევროპულ სტანდარტებს.",
                "მოქალაქეებისთვის ეს ნიშნავს ცვლილებებს, რომლებიც ყოველდღიურ "
                "ცხოვრებას ეხება: პროდუქტის უვნებლობას, მომხმარებლის უფლებებს, "
                "გარემოს დაცვასა და ადგილობრივი ხელისუფლების ანგარიშვალდებულებას.",
            ],
            [
                "Georgia and the European Union signed the Association Agreement in "
                "2014. It sets out how the two cooperate in politics, the economy "
                "and trade, and how Georgian law moves closer to European "
                "standards.",
                "For citizens it means changes that touch everyday life: food "
                "safety, consumer rights, environmental protection and the "
                "accountability of local government.",
            ],
        ),
        "faq": (
            [
                (
                    "ვის ეხება ასოცირების შეთანხმება?",
                    "ყველას: ის ეხება კანონებს, რომლებიც მომხმარებლებს, "
                    "მეწარმეებს, ფერმერებს და ადგილობრივ ხელისუფლებას "
                    "შეეხება.",
                ),
                (
                    "ნიშნავს თუ არა შეთანხმება ევროკავშირის წევრობას?",
                    "არა. ასოცირება მჭიდრო თანამშრომლობაა; წევრობა ცალკე პროცესია.",
                ),
                (
                    "სად შემიძლია მეტის გაგება?",
                    "ჰაბი კახეთის მუნიციპალიტეტებში საინფორმაციო შეხვედრებს "
                    "მართავს. იხილეთ ღონისძიებების კალენდარი ქვემოთ.",
                ),
            ],
            [
                (
                    "Who does the Association Agreement concern?",
                    "Everyone: it concerns laws that affect consumers, "
                    "entrepreneurs, farmers and local government.",
                ),
                (
                    "Does the agreement mean EU membership?",
                    "No. Association is close cooperation; membership is a "
                    "separate process.",
                ),
                (
                    "Where can I learn more?",
                    "The hub holds information meetings in the municipalities of "
                    "Kakheti. See the calendar of events below.",
                ),
            ],
        ),
        "document": (
            "ასოცირების შეთანხმება — მოკლე გზამკვლევი",
            "The Association Agreement: a short guide",
        ),
    },
    {
        "slug": "dcfta",
        "topic": "dcfta",
        "menu_title": ("DCFTA", "DCFTA"),
        "title": (
            "ღრმა და ყოვლისმომცველი თავისუფალი ვაჭრობის სივრცე (DCFTA)",
            "The Deep and Comprehensive Free Trade Area (DCFTA)",
        ),
        "lead": (
            "DCFTA ასოცირების შეთანხმების ნაწილია: ის ხსნის ევროკავშირის ბაზარს "
            "ქართული პროდუქციისთვის. რას ნიშნავს ეს კახელი მეწარმეებისთვის?",
            "The DCFTA is part of the Association Agreement: it opens the EU market "
            "to Georgian products. What does it mean for producers in Kakheti?",
        ),
        "explanation": (
            [
                "თავისუფალი ვაჭრობის სივრცე ამცირებს ან აუქმებს საბაჟო "
                "გადასახადებს საქართველოსა და ევროკავშირს შორის. ევროპულ ბაზარზე "
                "გასასვლელად პროდუქცია ევროპულ სტანდარტებს უნდა აკმაყოფილებდეს.",
                "კახეთისთვის, სადაც ბევრი ოჯახი ღვინის, ხილისა და ბოსტნეულის "
                "წარმოებით ცხოვრობს, მნიშვნელოვანია იცოდეთ, რა მოთხოვნები "
                "არსებობს და სად შეიძლება რჩევის მიღება.",
            ],
            [
                "The free trade area lowers or removes customs duties between "
                "Georgia and the EU. To reach the European market, products must "
                "meet European standards.",
                "For Kakheti, where many families live from wine, fruit and "
                "vegetables, it matters to know what the requirements are and where "
                "to get advice.",
            ],
        ),
        "faq": (
            [
                (
                    "შემიძლია ჩემი პროდუქციის ევროკავშირში გაყიდვა?",
                    "დიახ, თუ ის ევროპულ სტანდარტებს აკმაყოფილებს: უვნებლობას, "
                    "ეტიკეტირებას და წარმოშობის დადასტურებას.",
                ),
                (
                    "რა ეხება მცირე ფერმერებს?",
                    "სურსათის უვნებლობისა და ხარისხის წესები. ჰაბის შეხვედრებზე "
                    "მათ მარტივად განვიხილავთ.",
                ),
            ],
            [
                (
                    "Can I sell my products in the EU?",
                    "Yes, if they meet European standards: safety, labelling and "
                    "proof of origin.",
                ),
                (
                    "What concerns small farmers?",
                    "The food safety and quality rules. We go through them in plain "
                    "words at the hub's meetings.",
                ),
            ],
        ),
        "document": (
            "DCFTA — კითხვები და პასუხები მეწარმეებისთვის",
            "The DCFTA: questions and answers for producers",
        ),
    },
]

# slug, days ago, municipality, topics, image?, (title ka, en), (lead ka, en)
NEWS = [
    (
        "first-volunteering-forum",
        55,
        "telavi",
        ["volunteering", "youth"],
        True,
        (
            "კახეთში პირველი რეგიონული მოხალისეობრივი ფორუმი გაიმართა",
            "Kakheti held its first regional volunteering forum",
        ),
        (
            "ფორუმზე შეიკრიბნენ მუნიციპალიტეტების, სამოქალაქო სექტორის, "
            "ბიზნესისა და მედიის წარმომადგენლები და ახალგაზრდა აქტივისტები; "
            "უცხოელმა მოხალისეებმა საკუთარი გამოცდილება გაგვიზიარეს.",
            "Municipalities, the civil sector, business, media and young activists "
            "came together at the forum; foreign volunteers shared their "
            "experience.",
        ),
    ),
    (
        "association-agreement-gurjaani",
        42,
        "gurjaani",
        ["eu-association"],
        True,
        (
            "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე გურჯაანში",
            "Information meeting on the Association Agreement in Gurjaani",
        ),
        (
            "ასოცირების შეთანხმების შესახებ საზოგადოების ინფორმირებულობა დაბალია, "
            "ამიტომ შეხვედრები ფართო აუდიტორიისთვის ტარდება.",
            "Public awareness of the Association Agreement is low, so the meetings "
            "are open to broad audiences.",
        ),
    ),
    (
        "dcfta-farmers-kvareli",
        30,
        "kvareli",
        ["dcfta", "agriculture"],
        False,
        (
            "DCFTA: რას ნიშნავს თავისუფალი ვაჭრობა ყვარლელი ფერმერებისთვის",
            "The DCFTA: what free trade means for farmers in Kvareli",
        ),
        (
            "ფერმერებმა და მცირე მეწარმეებმა ევროპული ბაზრის მოთხოვნებზე ისაუბრეს.",
            "Farmers and small producers discussed what the European market requires.",
        ),
    ),
    (
        "time-bank-600",
        25,
        "telavi",
        ["time-bank", "volunteering"],
        True,
        (
            "დროის ბანკში დაახლოებით 600 ადამიანი დარეგისტრირდა",
            "About 600 people have registered for the time bank",
        ),
        (
            "დროის ბანკი ახალი იდეაა: ჰაბმა დაგეგმილზე ბევრად მეტი საინფორმაციო "
            "შეხვედრა გამართა, პირადი და სატელეფონო საუბრებიც.",
            "The time bank is a new idea: the hub held far more information "
            "meetings than planned, as well as personal and phone conversations.",
        ),
    ),
    (
        "network-meeting-hub-office",
        18,
        "telavi",
        ["civic-activism"],
        False,
        (
            "სამოქალაქო ორგანიზაციების ქსელური შეხვედრა ჰაბის ოფისში",
            "Network meeting of civil-society organizations at the hub office",
        ),
        (
            "ორგანიზაციებმა ერთმანეთს სიახლეები და შესაძლებლობები გაუზიარეს.",
            "Organizations shared news and opportunities with each other.",
        ),
    ),
    (
        "working-meeting-lagodekhi",
        14,
        "lagodekhi",
        ["local-self-government"],
        False,
        (
            "სამუშაო შეხვედრა ლაგოდეხის ადგილობრივ ხელისუფლებასთან",
            "Working meeting with local government in Lagodekhi",
        ),
        (
            "სამოქალაქო ორგანიზაციებმა, სათემო ცენტრებმა და ადგილობრივმა "
            "ხელისუფლებამ პრობლემები განიხილეს და გადაწყვეტის გზები დასახეს.",
            "Civil-society organizations, community centres and local government "
            "discussed problems and outlined solutions.",
        ),
    ),
    (
        "advisory-council-initiatives",
        10,
        None,
        ["civic-activism", "local-self-government"],
        False,
        (
            "სათათბირო საბჭომ მოქალაქეთა ინიციატივები განიხილა",
            "The advisory council reviewed citizens' initiatives",
        ),
        (
            "საბჭო ირჩევს ინიციატივებს, რომლებსაც ჰაბი მუნიციპალიტეტთან "
            "ადვოკატირებას გაუწევს.",
            "The council chooses the initiatives the hub will advocate with the "
            "municipality.",
        ),
    ),
    (
        "consultations-akhmeta",
        8,
        "akhmeta",
        ["civic-activism"],
        False,
        (
            "იურიდიული და ორგანიზაციული კონსულტაციები ახმეტის ორგანიზაციებს",
            "Legal and organizational consultations for organizations in Akhmeta",
        ),
        (
            "ჰაბმა კონსულტაციები დაახლოებით 50 ორგანიზაციასა და საინიციატივო "
            "ჯგუფს გაუწია.",
            "The hub has given consultations to about 50 organizations and "
            "initiative groups.",
        ),
    ),
    (
        "youth-sagarejo",
        6,
        "sagarejo",
        ["youth", "local-self-government"],
        True,
        (
            "ახალგაზრდები ადგილობრივ გადაწყვეტილებებში: შეხვედრა საგარეჯოში",
            "Young people in local decisions: a meeting in Sagarejo",
        ),
        (
            "ახალგაზრდებმა ისაუბრეს, როგორ ჩაერთონ მუნიციპალიტეტის "
            "გადაწყვეტილებების მიღებაში.",
            "Young people talked about how to take part in the municipality's "
            "decisions.",
        ),
    ),
    (
        "association-discussion-dedoplistskaro",
        4,
        "dedoplistskaro",
        ["eu-association"],
        False,
        (
            "დისკუსია ასოცირების შეთანხმებაზე დედოფლისწყაროში",
            "Discussion on the Association Agreement in Dedoplistskaro",
        ),
        (
            "მონაწილეებმა იმსჯელეს, რას ცვლის შეთანხმება ადგილობრივი "
            "მცხოვრებლებისთვის.",
            "Participants discussed what the agreement changes for local residents.",
        ),
    ),
    (
        "csos-database",
        2,
        None,
        ["civic-activism"],
        False,
        (
            "კახეთის სამოქალაქო ორგანიზაციების განახლებადი მონაცემთა ბაზა",
            "An updatable database of Kakheti's civil-society organizations",
        ),
        (
            "ჰაბმა ადგილობრივი ორგანიზაციების ბაზები მოამზადა და მათ "
            "დაინტერესებულ ორგანიზაციებს უზიარებს.",
            "The hub has prepared databases of local organizations and shares "
            "them with interested organizations.",
        ),
    ),
]

VENUE_OFFICE = ("„მედიაცენტრი კახეთის“ ოფისი", "Media Center Kakheti office")
VENUE_HALL = ("მუნიციპალიტეტის საკრებულოს დარბაზი", "Municipal council hall")
VENUE_CENTRE = ("სათემო ცენტრი", "Community centre")

# slug, days from today (negative: past), hour, type, municipality, topics, venue,
# (title ka, en), (lead ka, en), report (participants, organizations) or None
EVENTS = [
    (
        "first-regional-volunteering-forum",
        -56,
        11,
        "forum",
        "telavi",
        ["volunteering", "youth"],
        VENUE_HALL,
        (
            "პირველი რეგიონული მოხალისეობრივი ფორუმი",
            "First regional volunteering forum",
        ),
        (
            "მუნიციპალიტეტები, სამოქალაქო სექტორი, ბიზნესი, მედია და ახალგაზრდა "
            "აქტივისტები ერთ სივრცეში.",
            "Municipalities, the civil sector, business, media and young "
            "activists in one room.",
        ),
        # The report gives no attendance figures for the forum: none invented.
        None,
    ),
    (
        "association-agreement-meeting-gurjaani",
        -43,
        14,
        "information_meeting",
        "gurjaani",
        ["eu-association"],
        VENUE_CENTRE,
        (
            "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე",
            "Information meeting on the Association Agreement",
        ),
        (
            "რა არის ასოცირების შეთანხმება და რას ცვლის ის ჩვენს ცხოვრებაში.",
            "What the Association Agreement is and what it changes in our lives.",
        ),
        (40, 7),
    ),
    (
        "dcfta-meeting-kvareli",
        -31,
        12,
        "information_meeting",
        "kvareli",
        ["dcfta", "agriculture"],
        VENUE_CENTRE,
        (
            "საინფორმაციო შეხვედრა DCFTA-ზე ფერმერებისთვის",
            "Information meeting on the DCFTA for farmers",
        ),
        (
            "ევროპული ბაზრის მოთხოვნები მცირე მეწარმეებისთვის.",
            "What the European market requires of small producers.",
        ),
        (35, 5),
    ),
    (
        "time-bank-meeting-sighnaghi",
        -22,
        15,
        "information_meeting",
        "sighnaghi",
        ["time-bank", "volunteering"],
        VENUE_CENTRE,
        ("დროის ბანკი: საინფორმაციო შეხვედრა", "The time bank: information meeting"),
        (
            "როგორ მუშაობს დროის ბანკი და როგორ დარეგისტრირდეთ.",
            "How the time bank works and how to register.",
        ),
        (28, 4),
    ),
    (
        "local-government-meeting-lagodekhi",
        -15,
        11,
        "local_government_meeting",
        "lagodekhi",
        ["local-self-government"],
        VENUE_HALL,
        (
            "სამუშაო შეხვედრა ადგილობრივ ხელისუფლებასთან",
            "Working meeting with local government",
        ),
        (
            "ორგანიზაციები, სათემო ცენტრები და მუნიციპალიტეტი ერთად განიხილავენ "
            "ადგილობრივ პრობლემებს.",
            "Organizations, community centres and the municipality discuss local "
            "problems together.",
        ),
        (22, 9),
    ),
    (
        "network-meeting-telavi-autumn",
        -9,
        16,
        "network_meeting",
        "telavi",
        ["civic-activism"],
        VENUE_OFFICE,
        (
            "სამოქალაქო ორგანიზაციების ქსელური შეხვედრა",
            "Network meeting of civil-society organizations",
        ),
        (
            "ორგანიზაციების რეგულარული შეხვედრა ჰაბის ოფისში.",
            "The regular meeting of organizations at the hub office.",
        ),
        (25, 14),
    ),
    (
        "association-agreement-meeting-dedoplistskaro",
        5,
        13,
        "information_meeting",
        "dedoplistskaro",
        ["eu-association"],
        VENUE_CENTRE,
        (
            "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე დედოფლისწყაროში",
            "Information meeting on the Association Agreement in Dedoplistskaro",
        ),
        (
            "შეხვედრა ღიაა ყველა დაინტერესებული მოქალაქისთვის.",
            "The meeting is open to every interested citizen.",
        ),
        None,
    ),
    (
        "dcfta-meeting-akhmeta",
        9,
        12,
        "information_meeting",
        "akhmeta",
        ["dcfta"],
        VENUE_CENTRE,
        (
            "DCFTA: საინფორმაციო შეხვედრა ახმეტაში",
            "The DCFTA: information meeting in Akhmeta",
        ),
        (
            "თავისუფალი ვაჭრობის სივრცე და ადგილობრივი მეწარმეები.",
            "The free trade area and local producers.",
        ),
        None,
    ),
    (
        "time-bank-meeting-sagarejo",
        12,
        15,
        "information_meeting",
        "sagarejo",
        ["time-bank"],
        VENUE_CENTRE,
        (
            "დროის ბანკი: საინფორმაციო შეხვედრა საგარეჯოში",
            "The time bank: information meeting in Sagarejo",
        ),
        (
            "გაიგეთ, როგორ გაცვალოთ თქვენი დრო და უნარები.",
            "Find out how to exchange your time and skills.",
        ),
        None,
    ),
    (
        "network-meeting-telavi-winter",
        14,
        16,
        "network_meeting",
        "telavi",
        ["civic-activism"],
        VENUE_OFFICE,
        (
            "ქსელური შეხვედრა: წლის შეჯამება",
            "Network meeting: the year in review",
        ),
        (
            "ორგანიზაციები აჯამებენ წელს და გეგმავენ ერთობლივ საქმიანობას.",
            "Organizations look back on the year and plan joint work.",
        ),
        None,
    ),
    (
        "local-government-meeting-gurjaani",
        18,
        11,
        "local_government_meeting",
        "gurjaani",
        ["local-self-government", "civic-activism"],
        VENUE_HALL,
        (
            "სამუშაო შეხვედრა გურჯაანის მუნიციპალიტეტთან",
            "Working meeting with Gurjaani municipality",
        ),
        (
            "მოქალაქეთა ინიციატივები და მათი განხორციელების გზები.",
            "Citizens' initiatives and how to carry them out.",
        ),
        None,
    ),
    (
        "training-initiative-groups-kvareli",
        21,
        10,
        "training",
        "kvareli",
        ["civic-activism"],
        VENUE_CENTRE,
        (
            "ტრენინგი საინიციატივო ჯგუფებისთვის",
            "Training for initiative groups",
        ),
        (
            "როგორ მოვამზადოთ და წარვადგინოთ ინიციატივა მუნიციპალიტეტში.",
            "How to prepare an initiative and present it to the municipality.",
        ),
        None,
    ),
    (
        "discussion-youth-volunteering-lagodekhi",
        25,
        17,
        "discussion",
        "lagodekhi",
        ["youth", "volunteering"],
        VENUE_CENTRE,
        (
            "დისკუსია: ახალგაზრდები და მოხალისეობა",
            "Discussion: young people and volunteering",
        ),
        (
            "რით შეუძლიათ ახალგაზრდებს თავიანთი თემის დახმარება.",
            "How young people can help their community.",
        ),
        None,
    ),
]

IMAGE_COLOURS = ["#7b1e3a", "#3f6b35", "#5a1429", "#2b5c7a"]


def build():
    from home.factories import home_pages, news_and_event_pages

    homes = home_pages()
    if homes["ka"].get_children().exists():
        return  # already built
    _contact_settings()
    _home(homes)
    for spec in (ABOUT, CONTACT):
        _standard_page(homes["ka"], spec)
    news_index, event_index = news_and_event_pages(homes["ka"])
    _translate_index(news_index, "News", "News and reports of the hub.")
    _translate_index(event_index, "Events", "Meetings, trainings and forums.")
    images = _images()
    for spec in OUTREACH:
        _outreach_page(homes["ka"], spec, event_index)
    for number, spec in enumerate(NEWS):
        _news_page(news_index, spec, images[number % len(images)])
    for number, spec in enumerate(EVENTS):
        _event_page(event_index, spec, images[number % len(images)])


def _contact_settings():
    from home.factories import default_site
    from home.models import SiteContactSettings

    contact = SiteContactSettings.for_site(default_site())
    contact.email = "mediacentrikakheti@gmail.com"
    contact.phone = "+995 555 52 02 34"
    contact.address_ka = "თელავი, კახეთის რეგიონი"
    contact.address_en = "Telavi, Kakheti region"
    contact.save()


def _figures(language):
    index = 1 if language == "ka" else 2
    return [
        {"type": "key_figure", "value": {"value": row[0], "label": row[index]}}
        for row in REPORT_FIGURES
    ]


def _home(homes):
    home_ka, home_en = homes["ka"], homes["en"]
    home_ka.title = "კახეთის რეგიონული ჰაბი"
    home_ka.intro = HOME_INTRO[0]
    home_ka.figures = _figures("ka")
    home_ka.search_description = (
        "კახეთის სამოქალაქო ორგანიზაციების ერთიანი პლატფორმა: სიახლეები, "
        "ღონისძიებები, ორგანიზაციები და მოქალაქეთა ინიციატივები."
    )
    home_ka.save_revision().publish()
    home_en.intro = HOME_INTRO[1]
    home_en.figures = _figures("en")
    home_en.search_description = (
        "One platform for Kakheti's civil-society organizations: news, events, "
        "organizations and citizens' initiatives."
    )
    home_en.save_revision().publish()


def _paragraphs(texts):
    return [{"type": "paragraph", "value": {"text": f"<p>{t}</p>"}} for t in texts]


def _standard_page(home, spec):
    from home.factories import StandardPageFactory, add_translation

    page = StandardPageFactory(
        parent=home,
        slug=spec["slug"],
        title=spec["title"][0],
        lead=spec["lead"][0],
        body=_paragraphs(spec["paragraphs"][0]),
        show_in_menus=True,
    )
    add_translation(
        page,
        title=spec["title"][1],
        lead=spec["lead"][1],
        body=_paragraphs(spec["paragraphs"][1]),
    )
    return page


def _translate_index(page, title, intro):
    from home.factories import add_translation

    page.show_in_menus = True
    page.intro = {
        "News": "ჰაბის სიახლეები და ანგარიშები.",
        "Events": "შეხვედრები, ტრენინგები და ფორუმები.",
    }[title]
    page.save_revision().publish()
    add_translation(page, title=title, intro=intro)


def _images():
    from home.factories import ImageFactory

    return [
        ImageFactory(
            title=f"კახეთის ჰაბი — ფოტო {n + 1}",
            file__color=colour,
            file__filename=f"kakheti-hub-{n + 1}.png",
        )
        for n, colour in enumerate(IMAGE_COLOURS)
    ]


def _document(title, filename, text):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(text.encode()), save=False)
    document.save()
    return document


def _outreach_body(spec, language, event_index):
    index = 0 if language == "ka" else 1
    headings = {
        "ka": ("მარტივად", "ხშირად დასმული კითხვები", "დოკუმენტები"),
        "en": ("In plain words", "Frequently asked questions", "Documents"),
    }[language]
    document = _document(
        spec["document"][index],
        f"{spec['slug']}-{language}.txt",
        "\n\n".join([spec["title"][index], *spec["explanation"][index]]),
    )
    cta = {
        "ka": ("მოდით შეხვედრაზე", "იხილეთ ღონისძიებები"),
        "en": ("Come to a meeting", "See the events"),
    }[language]
    target = (
        event_index if language == "ka" else event_index.get_translation(_english())
    )
    return [
        {"type": "heading", "value": {"text": headings[0], "level": "h2"}},
        *_paragraphs(spec["explanation"][index]),
        {
            "type": "faq",
            "value": {
                "heading": headings[1],
                "questions": [
                    {"question": q, "answer": f"<p>{a}</p>"}
                    for q, a in spec["faq"][index]
                ],
            },
        },
        {
            "type": "documents",
            "value": {
                "heading": headings[2],
                "documents": [{"document": document.pk, "title": ""}],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": cta[0],
                "text": spec["lead"][index],
                "button_text": cta[1],
                "page": target.pk,
                "url": "",
            },
        },
    ]


def _english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def _outreach_page(home, spec, event_index):
    from home.factories import OutreachTopicPageFactory, add_translation
    from taxonomy.factories import topic

    page = OutreachTopicPageFactory(
        parent=home,
        slug=spec["slug"],
        title=spec["title"][0],
        menu_title=spec["menu_title"][0],
        topic=topic(spec["topic"]),
        lead=spec["lead"][0],
        body=_outreach_body(spec, "ka", event_index),
        show_in_menus=True,
    )
    add_translation(
        page,
        title=spec["title"][1],
        menu_title=spec["menu_title"][1],
        lead=spec["lead"][1],
        body=_outreach_body(spec, "en", event_index),
    )


def _news_page(index, spec, image):
    from home.factories import NewsPageFactory, add_translation
    from taxonomy.factories import municipality, topic

    slug, days_ago, place, topics, with_image, titles, leads = spec
    page = NewsPageFactory(
        parent=index,
        slug=slug,
        title=titles[0],
        lead=leads[0],
        date=timezone.localdate() - timedelta(days=days_ago),
        municipality=municipality(place) if place else None,
        image=image if with_image else None,
        body=_paragraphs([leads[0]]),
        topics=[topic(slug) for slug in topics],
    )
    add_translation(page, title=titles[1], lead=leads[1], body=_paragraphs([leads[1]]))


def _event_page(index, spec, image):
    from home.factories import EventPageFactory, add_translation
    from taxonomy.factories import municipality, topic

    slug, days, hour, kind, place, topics, venue, titles, leads, report = spec
    day = timezone.localdate() + timedelta(days=days)
    start = timezone.make_aware(datetime.combine(day, time(hour)))
    participants, organizations = report or (None, None)
    report_text = (
        (
            f"შეხვედრას {participants} მონაწილე დაესწრო.",
            f"{participants} people took part.",
        )
        if report
        else ("", "")
    )
    page = EventPageFactory(
        parent=index,
        slug=slug,
        title=titles[0],
        lead=leads[0],
        start=start,
        end=start + timedelta(hours=3 if kind == "forum" else 2),
        event_type=kind,
        municipality=municipality(place),
        venue=venue[0],
        image=image if kind == "forum" else None,
        body=_paragraphs([leads[0]]),
        topics=[topic(slug) for slug in topics],
        participants_count=participants,
        organizations_count=organizations,
        report=report_text[0],
    )
    add_translation(
        page,
        title=titles[1],
        lead=leads[1],
        venue=venue[1],
        body=_paragraphs([leads[1]]),
        report=report_text[1],
    )
