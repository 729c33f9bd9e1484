"""The relevance test set: queries over the demo content (`load_demo_data`)
with the titles a visitor would want to see in the first ten results.

(query, visitor's language, kind of query, expected titles)

When a demo adds content, judge it here too: a relevant new page that is
missing from the expected titles counts against the search when it rightly
outranks an expected one.
"""

from impact import demo as impact_demo

GEORGIAN, ENGLISH, LATIN, MISSPELLED, MTAVRULI = (
    "georgian",
    "english",
    "transliterated",
    "misspelled",
    "mtavruli",
)

TIME_BANK_KA = [
    "დროის ბანკში დაახლოებით 600 ადამიანი დარეგისტრირდა",
    "დროის ბანკი: საინფორმაციო შეხვედრა",
    "დროის ბანკი: საინფორმაციო შეხვედრა საგარეჯოში",
]
ASSOCIATION_KA = [
    "ასოცირების შეთანხმება ევროკავშირთან",
    "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე",
    "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე გურჯაანში",
    "დისკუსია ასოცირების შეთანხმებაზე დედოფლისწყაროში",
]
VOLUNTEERING_KA = [
    "დისკუსია: ახალგაზრდები და მოხალისეობა",
    "გურჯაანის მოხალისეთა ქსელი",
    "თელავის მოხალისეთა ქსელი",
]
FORUM_KA = [
    "კახეთში პირველი რეგიონული მოხალისეობრივი ფორუმი გაიმართა",
    "პირველი რეგიონული მოხალისეობრივი ფორუმი",
]
DCFTA_KA = [
    "ღრმა და ყოვლისმომცველი თავისუფალი ვაჭრობის სივრცე (DCFTA)",
    "DCFTA: რას ნიშნავს თავისუფალი ვაჭრობა ყვარლელი ფერმერებისთვის",
    "საინფორმაციო შეხვედრა DCFTA-ზე ფერმერებისთვის",
    "DCFTA: საინფორმაციო შეხვედრა ახმეტაში",
]
FARMERS_KA = [
    "საინფორმაციო შეხვედრა DCFTA-ზე ფერმერებისთვის",
    "DCFTA: რას ნიშნავს თავისუფალი ვაჭრობა ყვარლელი ფერმერებისთვის",
    "ახმეტის ფერმერთა კავშირი",
]
YOUTH_KA = [
    "ახალგაზრდები ადგილობრივ გადაწყვეტილებებში: შეხვედრა საგარეჯოში",
    "დისკუსია: ახალგაზრდები და მოხალისეობა",
]
VOLUNTEERING_EN = [
    "Kakheti held its first regional volunteering forum",
    "First regional volunteering forum",
    "Discussion: young people and volunteering",
    "Gurjaani Volunteer Network",
    "Telavi Volunteer Network",
    "Lagodekhi Volunteer Network",
    "Sagarejo Volunteer Network",
    "Kvareli Volunteer Network",
]
ASSOCIATION_EN = [
    "The EU Association Agreement",
    "Information meeting on the Association Agreement",
    "Information meeting on the Association Agreement in Gurjaani",
    "Discussion on the Association Agreement in Dedoplistskaro",
]
TIME_BANK_EN = [
    "About 600 people have registered for the time bank",
    "The time bank: information meeting",
    "The time bank: information meeting in Sagarejo",
]
DCFTA_EN = [
    "The Deep and Comprehensive Free Trade Area (DCFTA)",
    "The DCFTA: what free trade means for farmers in Kvareli",
    "Information meeting on the DCFTA for farmers",
    "The DCFTA: information meeting in Akhmeta",
]

# Organizations of the demo directory (directory/factories.py names).
KINDS_KA = {
    "youth": "ახალგაზრდული ცენტრი",
    "women": "ქალთა ასოციაცია",
    "green": "მწვანე ალიანსი",
    "farmers": "ფერმერთა კავშირი",
    "civic": "სამოქალაქო ჩართულობის ცენტრი",
    "volunteers": "მოხალისეთა ქსელი",
    "education": "განათლების ფონდი",
    "heritage": "კულტურული მემკვიდრეობის კავშირი",
    "tourism": "ტურიზმის განვითარების ასოციაცია",
    "social": "სოციალური სამსახურების ცენტრი",
}
DEMO_ORGANIZATIONS = {
    "ლაგოდეხის": "youth education heritage volunteers green civic farmers",
    "ახმეტის": "youth green social tourism farmers women",
    "სიღნაღის": "youth education heritage social tourism women",
    "ყვარლის": "youth education heritage volunteers social tourism",
    "დედოფლისწყაროს": "youth green civic social farmers women",
    "გურჯაანის": "youth education heritage volunteers civic tourism farmers",
    "საგარეჯოს": "education volunteers green civic farmers women",
    "თელავის": "youth volunteers green civic farmers women",
}


def organizations(place=None, kind=None):
    """Names of the demo's Georgian organizations in a place and/or of a kind."""
    return [
        f"{town} {KINDS_KA[k]}"
        for town, kinds in DEMO_ORGANIZATIONS.items()
        for k in kinds.split()
        if (place is None or town == place) and (kind is None or k == kind)
    ]


def impact_events(topic, place=None, language="ka"):
    """Titles of the impact demo's past events on a topic (its Georgian or
    English title without the place), optionally in one place only."""
    titles = []
    for number in range(impact_demo.EVENT_COUNT):
        _, (title_ka, title_en) = impact_demo.TOPICS[number % len(impact_demo.TOPICS)]
        _, place_ka, place_en = impact_demo.PLACES[number % len(impact_demo.PLACES)]
        if topic in (title_ka, title_en) and place in (None, place_ka, place_en):
            titles.append(
                f"{title_ka} ({place_ka})"
                if language == "ka"
                else f"{title_en} ({place_en})"
            )
    return titles


def impact_events_in(place_ka):
    """Every impact demo event in a place (its Georgian name)."""
    return [
        title
        for _, (title_ka, _) in impact_demo.TOPICS
        for title in impact_events(title_ka, place_ka)
    ]


DCFTA_EVENTS_KA = impact_events("DCFTA: რას ნიშნავს ის ფერმერებისთვის")
DCFTA_EVENTS_EN = impact_events("DCFTA: what it means for farmers", language="en")
ASSOCIATION_KA += impact_events("საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე")
ASSOCIATION_EN += impact_events(
    "Information meeting on the Association Agreement", language="en"
)
VOLUNTEERING_EN.append("Foreign volunteers' exchange evening")

FARMERS_UNIONS_EN = [
    f"{town} Farmers' Union"
    for town in ("Akhmeta", "Dedoplistskaro", "Gurjaani", "Lagodekhi", "Sagarejo")
] + ["Telavi Farmers' Union"]

QUERIES = [
    # Georgian, inflected as people type them
    ("მოხალისეობა", "ka", GEORGIAN, VOLUNTEERING_KA),
    ("მოხალისეები", "ka", GEORGIAN, VOLUNTEERING_KA),
    ("მოხალისეობრივი ფორუმი", "ka", GEORGIAN, FORUM_KA),
    ("ასოცირების შეთანხმება", "ka", GEORGIAN, ASSOCIATION_KA),
    ("შეთანხმებაზე", "ka", GEORGIAN, ASSOCIATION_KA),
    ("დროის ბანკი", "ka", GEORGIAN, TIME_BANK_KA),
    ("დროის ბანკში", "ka", GEORGIAN, TIME_BANK_KA),
    (
        "ფერმერებისთვის",
        "ka",
        GEORGIAN,
        FARMERS_KA + DCFTA_EVENTS_KA + organizations(kind="farmers"),
    ),
    ("ფერმერთა კავშირი", "ka", GEORGIAN, organizations(kind="farmers")),
    ("თავისუფალი ვაჭრობა", "ka", GEORGIAN, DCFTA_KA),
    ("ახალგაზრდები", "ka", GEORGIAN, YOUTH_KA),
    (
        "ლაგოდეხში",
        "ka",
        GEORGIAN,
        ["სამუშაო შეხვედრა ლაგოდეხის ადგილობრივ ხელისუფლებასთან"]
        + organizations("ლაგოდეხის")
        + impact_events_in("ლაგოდეხი")
        + ["მდინარის ნაპირის დასუფთავება"],
    ),
    (
        "ახმეტა",
        "ka",
        GEORGIAN,
        [
            "DCFTA: საინფორმაციო შეხვედრა ახმეტაში",
            "იურიდიული და ორგანიზაციული კონსულტაციები ახმეტის ორგანიზაციებს",
        ]
        + organizations("ახმეტის")
        + impact_events_in("ახმეტა"),
    ),
    ("საინიციატივო ჯგუფები", "ka", GEORGIAN, ["ტრენინგი საინიციატივო ჯგუფებისთვის"]),
    (
        "სარწყავი წყალი",
        "ka",
        GEORGIAN,
        ["სარწყავი წყლის განრიგის წინასწარ გამოქვეყნება"],
    ),
    (
        "მონაცემთა ბაზა",
        "ka",
        GEORGIAN,
        ["კახეთის სამოქალაქო ორგანიზაციების განახლებადი მონაცემთა ბაზა"],
    ),
    (
        "კონსულტაცია",
        "ka",
        GEORGIAN,
        ["იურიდიული და ორგანიზაციული კონსულტაციები ახმეტის ორგანიზაციებს"],
    ),
    (
        "სათათბირო საბჭო",
        "ka",
        GEORGIAN,
        ["სათათბირო საბჭომ მოქალაქეთა ინიციატივები განიხილა"],
    ),
    ("განათლების ფონდი", "ka", GEORGIAN, organizations(kind="education")),
    # Mtavruli capitals
    ("ᲓᲠᲝᲘᲡ ᲑᲐᲜᲙᲘ", "ka", MTAVRULI, TIME_BANK_KA),
    ("ᲐᲡᲝᲪᲘᲠᲔᲑᲘᲡ ᲨᲔᲗᲐᲜᲮᲛᲔᲑᲐ", "ka", MTAVRULI, ASSOCIATION_KA),
    # English
    ("volunteers", "en", ENGLISH, VOLUNTEERING_EN),
    ("association agreement", "en", ENGLISH, ASSOCIATION_EN),
    ("time bank", "en", ENGLISH, TIME_BANK_EN),
    ("free trade", "en", ENGLISH, DCFTA_EN),
    ("farmers", "en", ENGLISH, DCFTA_EN[1:3] + FARMERS_UNIONS_EN + DCFTA_EVENTS_EN),
    (
        "young people",
        "en",
        ENGLISH,
        [
            "Young people in local decisions: a meeting in Sagarejo",
            "Discussion: young people and volunteering",
        ],
    ),
    (
        "training for initiative groups",
        "en",
        ENGLISH,
        ["Training for initiative groups"],
    ),
    (
        "legal consultations",
        "en",
        ENGLISH,
        ["Legal and organizational consultations for organizations in Akhmeta"],
    ),
    (
        "database of organizations",
        "en",
        ENGLISH,
        ["An updatable database of Kakheti's civil-society organizations"],
    ),
    ("ramp", "en", ENGLISH, ["Ramp access to the Kvareli community centre"]),
    (
        "advisory council",
        "en",
        ENGLISH,
        ["The advisory council reviewed citizens' initiatives"],
    ),
    ("DCFTA", "en", ENGLISH, DCFTA_EN + DCFTA_EVENTS_EN),
    # Georgian typed in Latin letters
    ("mokhaliseoba", "ka", LATIN, VOLUNTEERING_KA),
    ("drois banki", "ka", LATIN, TIME_BANK_KA),
    ("asocirebis shetankhmeba", "ka", LATIN, ASSOCIATION_KA),
    (
        "fermerebi",
        "ka",
        LATIN,
        FARMERS_KA + organizations(kind="farmers") + DCFTA_EVENTS_KA,
    ),
    ("akhalgazrdebi", "ka", LATIN, YOUTH_KA),
    (
        "sighnaghi",
        "ka",
        LATIN,
        ["სიღნაღის განათლების ფონდი", "სიღნაღის ქალთა ასოციაცია"],
    ),
    ("kvareli", "ka", LATIN, organizations("ყვარლის")),
    (
        "dedoplistskaro",
        "ka",
        LATIN,
        [
            "დისკუსია ასოცირების შეთანხმებაზე დედოფლისწყაროში",
            "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე დედოფლისწყაროში",
        ]
        + organizations("დედოფლისწყაროს")
        + impact_events_in("დედოფლისწყარო"),
    ),
    (
        "sarts'kavi ts'qali",
        "ka",
        LATIN,
        ["სარწყავი წყლის განრიგის წინასწარ გამოქვეყნება"],
    ),
    # Misspelled
    ("volunter", "en", MISSPELLED, VOLUNTEERING_EN),
    ("mokhalisoba", "ka", MISSPELLED, VOLUNTEERING_KA),
    ("ასოციაციის შეთანხმება", "ka", MISSPELLED, ASSOCIATION_KA),
    ("ტელავის ახალგაზრდული ცენტრი", "ka", MISSPELLED, ["თელავის ახალგაზრდული ცენტრი"]),
    (
        "dcfta farmrs",
        "en",
        MISSPELLED,
        DCFTA_EN[1:3] + FARMERS_UNIONS_EN + DCFTA_EVENTS_EN,
    ),
    ("asociation agreement", "en", MISSPELLED, ASSOCIATION_EN),
]
