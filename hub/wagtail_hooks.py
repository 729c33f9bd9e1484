"""The outbox in the admin (Settings): administrators see what was sent or not.
Also the admin's two-step sign-in screens (hub/two_factor.py) and each user's
exports (hub/admin_exports.py)."""

from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from hub import admin_exports, two_factor
from hub.models import AdminExport, OutgoingMail


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


@hooks.register("register_admin_urls")
def admin_export_urls():
    return [
        path(
            "exports/", admin_exports.MyExportsView.as_view(), name="hub_admin_exports"
        ),
        path(
            "exports/<int:pk>/",
            admin_exports.download,
            name="hub_admin_export_download",
        ),
    ]


class MyExportsMenuItem(MenuItem):
    """Shown to those who have exports (most staff never export)."""

    def is_shown(self, request):
        return AdminExport.objects.filter(user=request.user).exists()


@hooks.register("register_admin_menu_item")
def my_exports_menu_item():
    return MyExportsMenuItem(
        _("My exports"),
        reverse_lazy("hub_admin_exports"),
        name="my-exports",
        icon_name="download",
        order=9000,
    )
