"""Staff accounts start in Georgian.

Wagtail shows the admin in the user's preferred language, or, when none is
set, in the browser's. Staff work in Georgian, so a new account's preference
is the site's language; each person can still choose English in their
account settings.
"""

from django.conf import settings


def georgian_admin_for_new_users(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])
