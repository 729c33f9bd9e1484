"""Volunteering: opportunities organizations post, and the sign-ups of citizens."""

from .opportunity import Opportunity
from .signup import SignUp

__all__ = ["Opportunity", "SignUp"]
