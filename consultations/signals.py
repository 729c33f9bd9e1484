"""A deleted document takes its file with it (once the deletion is committed).

Connected in `ConsultationsConfig.ready()`.
"""

from django.db import transaction
from django.db.models.signals import post_delete

from .models import CaseDocument


def on_document_deleted(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def connect():
    post_delete.connect(
        on_document_deleted, sender=CaseDocument, dispatch_uid="consultations.doc"
    )
