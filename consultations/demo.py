"""Demo cases of the consultation desk: about 40 over the last year, in every state.

Most come from the directory's sample organizations, a few from initiative
groups not in the directory. The questions are the kind the hub's report
describes (legal, organizational and informational consultations); the
people and the stories are made up. No e-mail is sent while building them.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from directory.models import Organization
from taxonomy.models import Municipality

from .models import Case

LEGAL = Case.Kind.LEGAL
ORGANIZATIONAL = Case.Kind.ORGANIZATIONAL
INFORMATIONAL = Case.Kind.INFORMATIONAL
OTHER = Case.Kind.OTHER

#: (kind, question, a session summary, a private note)
QUESTIONS = [
    (
        LEGAL,
        "გვინდა ორგანიზაცია არასამეწარმეო (არაკომერციულ) იურიდიულ პირად "
        "დავარეგისტრიროთ. რა დოკუმენტები გვჭირდება საჯარო რეესტრისთვის და რა "
        "უნდა ეწეროს წესდებაში?",
        "განვიხილეთ წესდების ნიმუში, დამფუძნებელთა კრების ოქმი და რეესტრში "
        "წარსადგენი დოკუმენტების სია.",
        "წესდების პროექტი ორგანიზაციამ მეილით უნდა გამოგზავნოს.",
    ),
    (
        ORGANIZATIONAL,
        "დონორისთვის საგრანტო პროექტის ფინალური ანგარიში გვაქვს ჩასაბარებელი. "
        "როგორ მოვამზადოთ ნარატიული და ფინანსური ანგარიში, რომ ხარჯები "
        "ბიუჯეტის მუხლებს დაემთხვეს?",
        "გავიარეთ ანგარიშის სტრუქტურა, ინდიკატორები და ხარჯების დამადასტურებელი "
        "დოკუმენტები.",
        "ბიუჯეტის ცხრილში ორი მუხლი ერთმანეთშია არეული.",
    ),
    (
        LEGAL,
        "მოხალისეებთან ხელშეკრულებას ვაფორმებთ. რა უნდა ჩავწეროთ მასში "
        "(ვალდებულებები, დაზღვევა, ხარჯების ანაზღაურება) და როგორ ვაწარმოოთ "
        "ნამუშევარი საათების აღრიცხვა?",
        "შევადგინეთ ხელშეკრულების ნიმუში და მოხალისის საათების აღრიცხვის ფორმა.",
        "ორგანიზაციას უკვე ჰყავს 12 მოხალისე ხელშეკრულების გარეშე.",
    ),
    (
        INFORMATIONAL,
        "რა საგრანტო შესაძლებლობებია ახლა კახეთის მცირე ორგანიზაციებისთვის "
        "ახალგაზრდული პროექტებისთვის და როდის იწურება განაცხადების ვადები?",
        "მიმოვიხილეთ მიმდინარე საგრანტო კონკურსები და განაცხადების ვადები.",
        "",
    ),
    (
        LEGAL,
        "გამგეობის შემადგენლობა შეიცვალა და თავმჯდომარეც ახალია. როგორ "
        "შევიტანოთ ცვლილებები წესდებაში და რეესტრში?",
        "მოვამზადეთ საერთო კრების ოქმის პროექტი და ცვლილებების რეგისტრაციის "
        "განცხადება.",
        "",
    ),
    (
        ORGANIZATIONAL,
        "მომდევნო სამი წლის სტრატეგიული გეგმა გვინდა შევადგინოთ. საიდან "
        "დავიწყოთ და როგორ ჩავრთოთ პროცესში წევრები და სოფლის მცხოვრებლები?",
        "შევთანხმდით სამუშაო შეხვედრების გეგმაზე და საჭიროებების კვლევის კითხვარზე.",
        "შემდეგ შეხვედრაზე გამგეობის ყველა წევრი უნდა დაესწროს.",
    ),
    (
        INFORMATIONAL,
        "ფერმერებისთვის ვგეგმავთ შეხვედრას ევროკავშირთან ასოცირების "
        "შეთანხმებასა და DCFTA-ზე. რა მასალები გამოვიყენოთ და ვინ შეიძლება "
        "მოვიწვიოთ მომხსენებლად?",
        "გადავეცით საინფორმაციო მასალები DCFTA-ზე და შეხვედრის დღის წესრიგის ნიმუში.",
        "",
    ),
    (
        LEGAL,
        "საინიციატივო ჯგუფი ვართ და გვინდა იურიდიულ პირად ჩამოვყალიბდეთ. "
        "რამდენი დამფუძნებელი გვჭირდება და რა ჯობია: ააიპ თუ კავშირი?",
        "განვიხილეთ ორგანიზაციული ფორმები და დამფუძნებელთა უფლება-მოვალეობები.",
        "",
    ),
    (
        ORGANIZATIONAL,
        "პირველ საგრანტო განაცხადს ვწერთ. როგორ შევადგინოთ ბიუჯეტი და "
        "როგორ გამოვთვალოთ ადმინისტრაციული ხარჯები?",
        "ერთად შევადგინეთ ბიუჯეტის ცხრილი და ხარჯების დასაბუთება.",
        "",
    ),
    (
        INFORMATIONAL,
        "როგორ მივიღოთ მონაწილეობა მუნიციპალიტეტის ბიუჯეტის საჯარო "
        "განხილვაში და როგორ წარვადგინოთ ინიციატივა საკრებულოში?",
        "ავუხსენით საჯარო განხილვის წესი და ინიციატივის წარდგენის ვადები.",
        "",
    ),
    (
        LEGAL,
        "ბიზნესკომპანია შემოწირულობას გვთავაზობს. როგორ გავაფორმოთ და რა "
        "საგადასახადო ვალდებულებები წარმოგვექმნება?",
        "განვიხილეთ შემოწირულობის ხელშეკრულება და ბუღალტრული აღრიცხვა.",
        "საჭიროა ბუღალტრის კონსულტაციაც.",
    ),
    (
        ORGANIZATIONAL,
        "შიდა ფინანსური პროცედურები გვჭირდება: ვინ ამტკიცებს ხარჯებს, "
        "როგორ ვინახავთ ქვითრებს და როგორ ვუყურებთ ანგარიშვალდებულებას წევრების "
        "წინაშე?",
        "შევადგინეთ ხარჯების დამტკიცების მარტივი წესი და დოკუმენტების შენახვის ფორმა.",
        "",
    ),
    (
        INFORMATIONAL,
        "გვსურს დროის ბანკში ჩართვა. როგორ დავარეგისტრიროთ ჩვენი წევრები და "
        "როგორ აღირიცხება გაცვლილი საათები?",
        "ავუხსენით დროის ბანკის წესები და რეგისტრაცია საიტზე.",
        "",
    ),
    (
        OTHER,
        "ტრენინგისთვის შეხვედრის ოთახი და პროექტორი გვჭირდება ჰაბის ოფისში, "
        "თელავში. შესაძლებელია?",
        "შევთანხმდით ოთახის დაჯავშნის თარიღზე.",
        "",
    ),
    (
        OTHER,
        "ორგანიზაციის ვებგვერდისა და სოციალური ქსელის გვერდის მოწყობაში "
        "დახმარება გვჭირდება; ვის მივმართოთ?",
        "მივეცით რჩევები საკომუნიკაციო გეგმაზე და გადავამისამართეთ "
        "მედიაცენტრის ტრენინგზე.",
        "",
    ),
]

#: (status, outcome): the lifecycle of the 40 cases, oldest first.
STATES = (
    [(Case.Status.CLOSED, Case.Outcome.RESOLVED)] * 15
    + [(Case.Status.CLOSED, Case.Outcome.REFERRED)] * 4
    + [(Case.Status.CLOSED, Case.Outcome.NOT_NEEDED)] * 2
    + [(Case.Status.WAITING, "")] * 4
    + [(Case.Status.IN_PROGRESS, "")] * 5
    + [(Case.Status.ASSIGNED, "")] * 4
    + [(Case.Status.NEW, "")] * 4
    + [(Case.Status.UNCONFIRMED, "")] * 2
)

#: Initiative groups not (yet) in the directory: (name, municipality slug).
GROUPS = [
    ("ნაფარეულის ახალგაზრდა მევენახეები", "telavi"),
    ("ჭერემის სათემო ჯგუფი", "gurjaani"),
    ("ბოდბის ქალთა საინიციატივო ჯგუფი", "sighnaghi"),
    ("სამთაწყაროს მშობელთა ჯგუფი", "dedoplistskaro"),
    ("ლაფანყურის ეკოკლუბი", "lagodekhi"),
]

CONTACTS = [
    "ნინო ბერიძე",
    "გიორგი მაისურაძე",
    "თამარ ლომიძე",
    "ლევან ციკლაური",
    "ეკა კაპანაძე",
    "დავით ჯანიაშვილი",
    "მაკა ხუციშვილი",
    "ირაკლი ღვინიაშვილი",
]

FEEDBACK = [
    (5, "ძალიან დაგვეხმარა, ანგარიში დროულად ჩავაბარეთ."),
    (5, "კონსულტანტმა ყველაფერი დეტალურად აგვიხსნა."),
    (4, "სასარგებლო იყო, თუმცა მეორე შეხვედრა უფრო ადრე გვჭირდებოდა."),
    (5, ""),
    (3, "რჩევები კარგი იყო, მაგრამ რეესტრში მაინც მოგვიწია მეორედ მისვლა."),
    (4, "მადლობა დახმარებისთვის."),
    (5, "ხელშეკრულების ნიმუში უკვე ყველა მოხალისესთან გამოვიყენეთ."),
    (4, ""),
    (2, "პასუხს დიდხანს ველოდით."),
    (5, "ძალიან კარგი და გულისხმიერი კონსულტაცია."),
    (4, "DCFTA-ს მასალები ფერმერებს ძალიან მოეწონათ."),
]

COUNT = len(STATES)
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def days_ago(i):
    """When case i was asked for: the closed ones over the last year, the
    open ones in the last months, the new ones this week."""
    if i < 21:
        return 360 - i * 14
    if i < 34:
        return 75 - (i - 21) * 5
    return COUNT - i + 1


def build():
    from . import factories

    if Case.objects.exists():
        return
    user = factories.consultant("consultant")  # hub.demo's login
    organizations = list(
        Organization.objects.filter(
            is_sample=True, live=True, locale=Locale.get_default()
        ).order_by("pk")
    )
    now = timezone.now()
    today = timezone.localdate()
    feedback = iter(FEEDBACK)
    groups = iter(GROUPS)
    for i, (status, outcome) in enumerate(STATES):
        kind, question, summary, note = QUESTIONS[i % len(QUESTIONS)]
        age = days_ago(i)
        requested = now - datetime.timedelta(days=age, hours=i % 7)
        if i % 8 == 3 or not organizations:
            name, slug = next(groups, GROUPS[0])
            who = {
                "organization": None,
                "group_name": name,
                "municipality": Municipality.objects.get(slug=slug),
            }
        else:
            who = {"organization": organizations[(i * 5) % len(organizations)]}
        urgency = (Case.Urgency.URGENT, Case.Urgency.NORMAL, Case.Urgency.LOW)[i % 3]
        case = factories.CaseFactory(
            **who,
            contact_name=CONTACTS[i % len(CONTACTS)],
            contact_email=f"contact{i + 1}@demo.example.org",
            contact_phone=f"+995 555 {10 + i:02d} {30 + i:02d} {50 + i:02d}",
            kind=kind,
            question=question,
            urgency=urgency,
            preferred_mode=(Case.Mode.OFFICE, Case.Mode.PHONE, Case.Mode.ONLINE)[i % 3],
            requested_at=requested,
            consent_given_at=requested,
            status=Case.Status.UNCONFIRMED
            if status == Case.Status.UNCONFIRMED
            else Case.Status.NEW,
        )
        if status in (Case.Status.UNCONFIRMED, Case.Status.NEW):
            if status == Case.Status.NEW and i % 2:
                # A new case not yet picked up past its due date: overdue.
                case.due_date = today - datetime.timedelta(days=2)
                case.save()
            continue
        case.assignee = user
        case.status = status
        started = timezone.localtime(requested).date() + datetime.timedelta(days=2)
        sessions = 0 if status == Case.Status.ASSIGNED else 1 + i % 3
        if outcome == Case.Outcome.NOT_NEEDED:
            sessions = 0
        for n in range(sessions):
            factories.session(
                case,
                days_ago=max(0, (today - started).days - 7 * n),
                minutes=(30, 60, 90)[(i + n) % 3],
                mode=(Case.Mode.OFFICE, Case.Mode.PHONE, Case.Mode.ONLINE)[(i + n) % 3],
                summary=summary if n == 0 else "",
                by=user,
            )
        if note and i % 2 == 0:
            factories.note(case, note, by=user)
        if i in (1, 9, 27):
            factories.document(
                case,
                name="წესდების-პროექტი.pdf"
                if kind == LEGAL
                else "ანგარიშის-შაბლონი.pdf",
                content=MINIMAL_PDF,
                title="წესდების პროექტი" if kind == LEGAL else "ანგარიშის შაბლონი",
                by=user,
            )
        if status == Case.Status.CLOSED:
            closed = requested + datetime.timedelta(days=10 + i % 20)
            case.outcome = outcome
            case.closed_at = closed
            case.feedback_requested_at = closed
            answer = next(feedback, None) if i % 2 == 0 or i < 6 else None
            if answer:
                case.satisfaction, case.feedback_comment = answer
                case.feedback_received_at = closed + datetime.timedelta(days=2)
        else:
            # Open cases: some past their due date, some with a follow-up.
            case.due_date = today + datetime.timedelta(days=(i % 5) * 4 - 5)
            if status == Case.Status.WAITING:
                case.follow_up_date = today + datetime.timedelta(days=i % 4)
        case.save()
