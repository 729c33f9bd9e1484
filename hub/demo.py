"""Demo logins, one per role; printed by `load_demo_data`, only outside production."""

from django.contrib.auth import get_user_model

from hub.roles import (
    ADVISORY_COUNCIL,
    COMMUNICATIONS_STAFF,
    CONSULTANTS,
    MODERATORS,
    TIME_BANK_COORDINATORS,
)

DEMO_PASSWORD = "kakheti-demo-2026"

DEMO_ACCOUNTS = [
    # username, role (group) or None for the superuser, description
    ("admin", None, "administrator (everything)"),
    ("comms", COMMUNICATIONS_STAFF, "communications staff (publish pages)"),
    ("moderator", MODERATORS, "moderator (screens initiatives)"),
    ("council1", ADVISORY_COUNCIL, "advisory council member"),
    ("council2", ADVISORY_COUNCIL, "advisory council member"),
    ("council3", ADVISORY_COUNCIL, "advisory council member"),
    ("coordinator", TIME_BANK_COORDINATORS, "time-bank coordinator"),
    ("consultant", CONSULTANTS, "consultant (the hub's advice desk)"),
]


def build():
    from hub.factories import SuperuserFactory, UserFactory

    for username, role, _ in DEMO_ACCOUNTS:
        if role is None:
            user = SuperuserFactory(username=username, password=DEMO_PASSWORD)
        else:
            user = UserFactory(username=username, role=role, password=DEMO_PASSWORD)
        user.email = f"{username}@demo.kakheti-hub.ge"
        user.save()


def already_built():
    return get_user_model().objects.filter(username="admin").exists()
