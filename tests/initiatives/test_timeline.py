"""The public timeline reads in the order things happened, in one date style;
a citizen whose initiative was not accepted is told what to do next."""

import datetime
import re

from django.core import mail

from initiatives import factories
from initiatives.models import Initiative


def test_timeline_is_in_chronological_order(client, home_pages):
    initiative = factories.accepted()
    today = datetime.date.today()
    # Steps on one day and on the day of the acceptance: the timeline still
    # reads submitted, accepted, sent, answer, outcome.
    factories.add_step(initiative, "sent", days_ago=30)
    factories.add_step(initiative, "answer", days_ago=0, text="In this year's plan.")
    factories.add_step(initiative, "outcome", days_ago=0, outcome="implemented")
    Initiative.objects.filter(pk=initiative.pk).update(
        submitted_at=datetime.datetime.combine(
            today - datetime.timedelta(days=60), datetime.time(12), datetime.UTC
        ),
        first_published_at=datetime.datetime.combine(
            today - datetime.timedelta(days=40), datetime.time(12), datetime.UTC
        ),
    )
    html = client.get(f"/en/initiatives/{initiative.pk}/").content.decode()
    timeline = html[html.index('class="initiative-timeline"') :]
    order = re.findall(r"initiative-timeline__step--(\w+)", timeline)
    assert order == ["submitted", "accepted", "sent", "answer", "outcome"]
    dates = re.findall(r'<time datetime="([\d-]+)"', timeline)
    assert dates == sorted(dates)
    assert re.search(
        r"<time datetime=\"[\d-]+\">\d{1,2} [A-Z][a-z]+ \d{4}</time>", timeline
    )


def test_tracking_page_gives_a_next_step_after_a_refusal(client, home_pages):
    initiative = factories.rejected(
        author_name="ნინო ტაბიძე", public_name=Initiative.PublicName.INITIALS
    )
    html = client.get(
        f"/initiatives/track/{initiative.tracking_token}/"
    ).content.decode()
    assert "რისი გაკეთება შეგიძლიათ ახლა" in html
    assert 'href="/initiatives/submit/"' in html
    assert "ნ. ტ." in html and "ნ. ტ.." not in html
    english = client.get(
        f"/en/initiatives/track/{initiative.tracking_token}/"
    ).content.decode()
    assert "You may submit it again as a new initiative" in english


def test_refusal_email_says_what_to_do_next(home_pages):
    mail.outbox.clear()
    initiative = factories.rejected()
    [message] = [m for m in mail.outbox if m.to == [initiative.author_email]][-1:]
    assert "What you can do now:" in message.body
    assert "You may submit it again as a new initiative" in message.body
