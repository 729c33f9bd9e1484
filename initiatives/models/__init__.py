"""Citizens' initiatives: submitted publicly, moderated, reviewed by the council."""

from .advocacy import AdvocacyStep
from .initiative import Initiative, InitiativeAttachment, initials, new_tracking_token
from .review import CouncilVote, CouncilVoteTask, ModerationTask

__all__ = [
    "AdvocacyStep",
    "CouncilVote",
    "CouncilVoteTask",
    "Initiative",
    "InitiativeAttachment",
    "ModerationTask",
    "initials",
    "new_tracking_token",
]
