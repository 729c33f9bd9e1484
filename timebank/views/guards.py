"""What every public form of the time bank does with spam, repeats and floods."""

from django.conf import settings
from django.core.cache import cache
from django_ratelimit.core import is_ratelimited

SUBMISSION_KEY_TIMEOUT = 24 * 60 * 60


def rate_limited(request, group, setting, key="ip"):
    """True when this client (or signed-in user) posted too often."""
    rate = getattr(settings, setting, None)
    if not rate:
        return False
    return is_ratelimited(
        request, group=group, key=key, rate=rate, method="POST", increment=True
    )


def first_submission(form, prefix):
    """True the first time a form's submission key is seen (atomic)."""
    return cache.add(
        f"{prefix}:{form.cleaned_data['submission_key']}", 1, SUBMISSION_KEY_TIMEOUT
    )
