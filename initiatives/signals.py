"""Wagtail's and Django's signals, handed to the journey of the initiative.

The handlers only translate a signal into a call of `initiatives.journey`,
which owns every change of stage. Connected in `InitiativesConfig.ready()`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import task_submitted, workflow_rejected

from . import journey
from .models import AdvocacyStep, Initiative, InitiativeAttachment


def _is_initiative(workflow_state):
    initiatives = ContentType.objects.get_for_model(Initiative)
    return workflow_state.base_content_type_id == initiatives.pk


def on_task_submitted(sender, instance, user=None, **kwargs):
    if _is_initiative(instance.workflow_state):
        journey.task_started(instance, user=user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    if _is_initiative(instance):
        journey.workflow_rejected(instance, user=user)


def on_step_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    journey.step_recorded(instance, created)


def on_step_deleted(sender, instance, **kwargs):
    journey.step_removed(instance)


def on_attachment_deleted(sender, instance, **kwargs):
    """The file goes with its row, once the deletion is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


def connect():
    task_submitted.connect(on_task_submitted, dispatch_uid="initiatives.task")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="initiatives.rej")
    post_save.connect(on_step_saved, sender=AdvocacyStep, dispatch_uid="initiatives.s")
    post_delete.connect(
        on_step_deleted, sender=AdvocacyStep, dispatch_uid="initiatives.d"
    )
    post_delete.connect(
        on_attachment_deleted,
        sender=InitiativeAttachment,
        dispatch_uid="initiatives.attachment",
    )
