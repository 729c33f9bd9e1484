"""The outbox in the admin (Settings): administrators see what was sent or not.
Also the admin's two-step sign-in screens (hub/two_factor.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from hub import two_factor
from hub.models import OutgoingMail


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The outbox is a record: it may be read, never written by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


register_permission_policy(OutgoingMail, ReadOnlyPolicy(OutgoingMail))


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = ["subject", "created_at", "attempts", "sent_at", "failed"]
    list_filter = ["failed"]
    search_fields = ["subject"]
    form_fields = []  # never edited: see ReadOnlyPolicy
    inspect_view_fields = [
        "subject",
        "recipients",
        "created_at",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "failed",
        "body",
    ]


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutgoingMailViewSet("outgoing_mail")


# Before wagtail-localize's own (order=-1): the same paths, checked first.
@hooks.register("register_admin_urls", order=-1)
def register_translators_only_urls():
    from hub import translators

    return translators.urlpatterns()


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-step/", two_factor.verify, name="hub_two_factor_verify"),
        path("two-step/setup/", two_factor.setup, name="hub_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("hub_two_factor_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("Sign in with a code from your phone as well as a password."),
    }
