"""Consultation cases and what consultants record on them."""

from .case import Case, CaseQuerySet, Mode
from .records import CaseDocument, CaseNote, CaseSession

__all__ = ["Case", "CaseDocument", "CaseNote", "CaseQuerySet", "CaseSession", "Mode"]
