"""Forget the cached figures whenever data they count changes.

Saves and deletions of the counted models, and pages published or
unpublished, bump the cache version at once and again when the transaction
commits (so a request computing in between cannot keep a stale copy).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from . import figures


def forget(**kwargs):
    figures.forget()
    transaction.on_commit(figures.forget)


def counted_models():
    from consultations.models import Case, CaseSession
    from directory.models import Organization
    from home.models import EventPage
    from initiatives.models import AdvocacyStep, Initiative
    from timebank.models import Member, Transfer
    from volunteering.models import SignUp

    return (
        EventPage,
        Case,
        CaseSession,
        Organization,
        Initiative,
        AdvocacyStep,
        Member,
        Transfer,
        SignUp,
    )


def connect():
    for model in counted_models():
        label = model._meta.label
        post_save.connect(forget, sender=model, dispatch_uid=f"impact-save-{label}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"impact-del-{label}")
    page_published.connect(forget, dispatch_uid="impact-page-published")
    page_unpublished.connect(forget, dispatch_uid="impact-page-unpublished")
