"""The time bank in the admin, for its coordinators (viewsets and hooks only)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from hub.admin_exports import BackgroundExportMixin

from . import admin_views, members, notifications
from .admin_filters import (
    ExchangeFilterSet,
    ListingFilterSet,
    MemberFilterSet,
    RelayedMessageFilterSet,
    TransferFilterSet,
)
from .admin_forms import MemberAdminForm, MemberRegistrationAdminForm
from .models import (
    Category,
    Exchange,
    Listing,
    Member,
    Movement,
    RelayedMessage,
    Transfer,
)
from .permissions import NeverPermissionPolicy

# Nobody, not even a superuser, edits or deletes the ledger or a member.
register_permission_policy(Transfer, NeverPermissionPolicy(Transfer))
register_permission_policy(Movement, NeverPermissionPolicy(Movement))
register_permission_policy(Member, NeverPermissionPolicy(Member, never=("delete",)))
register_permission_policy(RelayedMessage, NeverPermissionPolicy(RelayedMessage))
# Recorded exchanges are decided (DecideExchangeView), never edited or deleted;
# listings are hidden by a coordinator, not deleted.
register_permission_policy(Exchange, NeverPermissionPolicy(Exchange))
register_permission_policy(Listing, NeverPermissionPolicy(Listing, never=("delete",)))


class ListedWithRelations:
    """A viewset whose index lists `index_queryset()` (related rows fetched up
    front, annotations such as balances): ModelViewSet has no queryset hook."""

    def index_queryset(self):
        return self.model._default_manager.all()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=self.index_queryset(), **kwargs)


def _button(label, url, icon, priority):
    return Button(label, url=url, icon_name=icon, priority=priority)


class MemberIndexView(BackgroundExportMixin, IndexView):
    """Members with their balance and last exchange; the export (with contact
    details) only for those allowed to export members."""

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("export") and not request.user.has_perm(
            "timebank.export_member"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def show_export_buttons(self):
        return bool(self.list_export) and self.request.user.has_perm(
            "timebank.export_member"
        )

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        user = self.request.user
        if instance.status in (Member.Status.PENDING, Member.Status.DECLINED):
            if user.has_perm("timebank.approve_member"):
                buttons.append(
                    _button(
                        _("Approve"),
                        reverse("timebank_member:approve", args=[instance.pk]),
                        "check",
                        10,
                    )
                )
        if instance.status == Member.Status.PENDING and user.has_perm(
            "timebank.approve_member"
        ):
            buttons.append(
                _button(
                    _("Decline"),
                    reverse("timebank_member:decline", args=[instance.pk]),
                    "cross",
                    20,
                )
            )
        if instance.status == Member.Status.APPROVED:
            if user.has_perm("timebank.add_transfer"):
                buttons.append(
                    _button(
                        _("Record an exchange"),
                        reverse("timebank_transfer:add")
                        + f"?helper_number={instance.pk}",
                        "time",
                        30,
                    )
                )
            if user.has_perm("timebank.change_account"):
                buttons.append(
                    _button(
                        _("Balance limits"),
                        reverse("timebank_member:limits", args=[instance.pk]),
                        "resubmit",
                        40,
                    )
                )
        if instance.status != Member.Status.LEFT and user.has_perm(
            "timebank.change_member"
        ):
            buttons.append(
                _button(
                    _("Delete personal data"),
                    reverse("timebank_member:anonymise", args=[instance.pk]),
                    "bin",
                    90,
                )
            )
        return buttons


class MemberCreateView(CreateView):
    """Register a member from a paper form or a phone call."""

    def save_instance(self):
        data = self.form.cleaned_data
        member = members.register(
            **{
                name: data[name]
                for name in MemberRegistrationAdminForm.Meta.fields
                if name not in ("offer_categories", "need_categories")
            },
            offer_categories=data["offer_categories"],
            need_categories=data["need_categories"],
            channel=data["channel"],
            recorded_by=self.request.user,
        )
        if data.get("approve_now"):
            member = members.approve(member, self.request.user)
            notifications.approved(member)
        return member


class MemberViewSet(ListedWithRelations, ModelViewSet):
    model = Member
    icon = "group"
    menu_label = _("Members")
    url_prefix = "time-bank/members"
    name = "timebank_member"
    index_view_class = MemberIndexView
    add_view_class = MemberCreateView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = MemberFilterSet
    search_backend_name = None
    search_fields = [
        "first_name",
        "last_name",
        "chosen_name",
        "email",
        "phone",
        "village",
    ]
    list_display = [
        "__str__",
        Column("public_name", label=_("public name")),
        Column("municipality", label=_("municipality"), sort_key="municipality"),
        Column("status", label=_("status"), accessor="get_status_display"),
        Column(
            "balance",
            label=_("balance"),
            accessor="balance_display",
            sort_key="balance_minutes",
        ),
        DateColumn("last_exchange_on", label=_("last exchange")),
        DateColumn("registered_at", label=_("registered")),
    ]
    list_per_page = 50
    ordering = ["-registered_at"]
    list_export = [
        "pk",
        "first_name",
        "last_name",
        "public_name",
        "municipality",
        "village",
        "phone",
        "email",
        "email_confirmed_at",
        "status",
        "channel",
        "registered_at",
        "offer_category_names",
        "offers_text",
        "need_category_names",
        "needs_text",
        "availability",
        "balance_minutes",
        "last_exchange_on",
    ]
    export_headings = {
        "pk": _("member number"),
        "offer_category_names": _("can offer"),
        "need_category_names": _("might need"),
        "balance_minutes": _("balance (minutes)"),
        "last_exchange_on": _("last exchange"),
    }
    export_filename = "time-bank-members"
    inspect_view_fields = [
        "first_name",
        "last_name",
        "public_name",
        "municipality",
        "village",
        "phone",
        "email",
        "email_confirmed_at",
        "offer_categories",
        "offers_text",
        "need_categories",
        "needs_text",
        "availability",
        "language",
        "channel",
        "consent_given_at",
        "status",
        "registered_at",
        "decided_at",
        "decline_reason",
        "staff_notes",
    ]

    def get_form_class(self, for_update=False):
        return MemberAdminForm if for_update else MemberRegistrationAdminForm

    def index_queryset(self):
        return members.with_balance(
            members.with_last_exchange(
                Member.objects.select_related("municipality").prefetch_related(
                    "offer_categories", "need_categories"
                )
            )
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "approve/<int:pk>/",
                self._action(admin_views.ApproveView),
                name="approve",
            ),
            path(
                "decline/<int:pk>/",
                self._action(admin_views.DeclineView),
                name="decline",
            ),
            path(
                "limits/<int:pk>/", self._action(admin_views.LimitsView), name="limits"
            ),
            path(
                "anonymise/<int:pk>/",
                self._action(admin_views.AnonymiseView),
                name="anonymise",
            ),
        ]

    def _action(self, view_class):
        return view_class.as_view(index_url_name=self.get_url_name("index"))


class TransferIndexView(BackgroundExportMixin, IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if (
            instance.kind != Transfer.Kind.REVERSAL
            and not hasattr(instance, "reversal")
            and self.request.user.has_perm("timebank.reverse_transfer")
        ):
            buttons.append(
                _button(
                    _("Correct by reversal"),
                    reverse("timebank_transfer:reverse", args=[instance.pk]),
                    "undo",
                    10,
                )
            )
        return buttons


class TransferViewSet(ListedWithRelations, ModelViewSet):
    """The ledger: read, export, record and reverse; never edit or delete."""

    model = Transfer
    icon = "time"
    menu_label = _("Ledger")
    url_prefix = "time-bank/ledger"
    name = "timebank_transfer"
    index_view_class = TransferIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = TransferFilterSet
    search_backend_name = None
    search_fields = ["description"]
    list_display = [
        "__str__",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("giver", label=_("from"), accessor="giver"),
        Column("receiver", label=_("to"), accessor="receiver"),
        Column("minutes", label=_("minutes"), accessor="minutes"),
        Column("channel", label=_("recorded"), accessor="get_channel_display"),
        DateColumn("occurred_on", label=_("date")),
    ]
    list_per_page = 50
    ordering = ["-occurred_on", "-pk"]
    # Members appear by public name and number only: exports go into reports.
    list_export = [
        "pk",
        "occurred_on",
        "get_kind_display",
        "giver.number",
        "giver.public_name",
        "receiver.number",
        "receiver.public_name",
        "minutes",
        "hours",
        "description",
        "get_channel_display",
        "reverses_id",
        "recorded_at",
    ]
    export_headings = {
        "pk": _("transfer"),
        "get_kind_display": _("kind"),
        "giver.number": _("from (member number)"),
        "giver.public_name": _("from"),
        "receiver.number": _("to (member number)"),
        "receiver.public_name": _("to"),
        "minutes": _("minutes"),
        "hours": _("hours"),
        "get_channel_display": _("recorded"),
        "reverses_id": _("reverses transfer"),
    }
    export_filename = "time-bank-exchanges"
    inspect_view_fields = [
        "kind",
        "giver",
        "receiver",
        "minutes",
        "occurred_on",
        "description",
        "channel",
        "recorded_at",
        "recorded_by",
        "source_key",
        "reverses",
    ]
    # Needed by Wagtail to build the edit view, which is never routed.
    form_fields = ["description"]

    def index_queryset(self):
        return Transfer.objects.select_related("reversal").prefetch_related(
            Prefetch(
                "movements",
                queryset=Movement.objects.select_related("account__member").only(
                    "pk",
                    "amount",
                    "transfer_id",
                    "account__kind",
                    "account__member__id",
                    "account__member__public_name",
                    "account__member__first_name",
                    "account__member__last_name",
                ),
            )
        )

    @property
    def add_view(self):
        return admin_views.RecordExchangeView.as_view(
            index_url_name=self.get_url_name("index")
        )

    def get_urlpatterns(self):
        urls = [
            url
            for url in super().get_urlpatterns()
            if url.name not in ("edit", "delete")
        ]
        return urls + [
            path(
                "reverse/<int:pk>/",
                admin_views.ReverseView.as_view(
                    index_url_name=self.get_url_name("index")
                ),
                name="reverse",
            )
        ]


class ExchangeIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status == Exchange.Status.AWAITING and self.request.user.has_perm(
            "timebank.change_exchange"
        ):
            buttons.append(
                _button(
                    _("Confirm for the helper"),
                    reverse("timebank_exchange:decide", args=[instance.pk]),
                    "check",
                    10,
                )
            )
        return buttons


class ExchangeViewSet(ListedWithRelations, ModelViewSet):
    """Exchanges members recorded online, waiting for (or given) confirmation."""

    model = Exchange
    icon = "tasks"
    menu_label = _("Recorded exchanges")
    url_prefix = "time-bank/exchanges"
    name = "timebank_exchange"
    index_view_class = ExchangeIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ExchangeFilterSet
    form_fields = ["status"]  # the edit view is never routed
    list_display = [
        "__str__",
        Column("minutes", label=_("minutes")),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("occurred_on", label=_("date")),
        DateColumn("created_at", label=_("recorded at")),
    ]
    ordering = ["-created_at"]

    def index_queryset(self):
        return Exchange.objects.select_related("helper", "helped")

    def get_urlpatterns(self):
        urls = [
            url
            for url in super().get_urlpatterns()
            if url.name not in ("add", "edit", "delete")
        ]
        return urls + [
            path(
                "decide/<int:pk>/",
                admin_views.DecideExchangeView.as_view(
                    index_url_name=self.get_url_name("index")
                ),
                name="decide",
            )
        ]


class ListingViewSet(ListedWithRelations, ModelViewSet):
    """Offers and requests; a coordinator can hide an unsuitable one."""

    model = Listing
    icon = "list-ul"
    menu_label = _("Offers and requests")
    url_prefix = "time-bank/listings"
    name = "timebank_listing"
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = ListingFilterSet
    search_backend_name = None
    search_fields = ["title", "description"]
    form_fields = [
        "kind",
        "title",
        "category",
        "municipality",
        "description",
        "for_group",
        "status",
    ]
    list_display = [
        "title",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("member", label=_("member"), accessor="member"),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("published at")),
    ]
    ordering = ["-created_at"]

    def index_queryset(self):
        return Listing.objects.select_related("member", "category", "municipality")

    def get_urlpatterns(self):
        return [
            url
            for url in super().get_urlpatterns()
            if url.name not in ("add", "delete")
        ]


class RelayedMessageInspectView(InspectView):
    """Coordinators see both members' contacts, to pass a message on by phone."""

    extra_labels = {
        "sender_contact": _("sender's contact"),
        "recipient_contact": _("recipient's contact"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return self.extra_labels[field_name]
        return super().get_field_label(field_name, field)

    @staticmethod
    def _contact(member):
        return " · ".join(part for part in (member.phone, member.email) if part) or "-"

    def get_sender_contact_display_value(self):
        return self._contact(self.object.sender)

    def get_recipient_contact_display_value(self):
        return self._contact(self.object.recipient)


class RelayedMessageViewSet(ListedWithRelations, ModelViewSet):
    """Messages between members; those not e-mailed wait for a phone call."""

    model = RelayedMessage
    icon = "mail"
    menu_label = _("Messages between members")
    url_prefix = "time-bank/messages"
    name = "timebank_message"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = RelayedMessageFilterSet
    form_fields = ["body"]  # the edit view is never routed
    list_display = [
        "__str__",
        Column("sender", label=_("from"), accessor="sender"),
        Column("recipient", label=_("to"), accessor="recipient"),
        Column("delivered", label=_("e-mailed"), accessor="delivered"),
        DateColumn("sent_at", label=_("sent at")),
    ]
    inspect_view_class = RelayedMessageInspectView
    inspect_view_fields = [
        "sender",
        "sender_contact",
        "recipient",
        "recipient_contact",
        "listing",
        "body",
        "sent_at",
        "delivered",
    ]
    ordering = ["-sent_at"]

    def index_queryset(self):
        return RelayedMessage.objects.select_related(
            "sender", "response__member", "response__listing__member"
        )

    def get_urlpatterns(self):
        return [
            url
            for url in super().get_urlpatterns()
            if url.name not in ("add", "edit", "delete")
        ]


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    url_prefix = "time-bank/categories"
    name = "timebank_category"
    copy_view_enabled = False
    form_fields = ["name_ka", "name_en", "slug", "position"]
    list_display = ["name_ka", "name_en", "position"]


class TimeBankGroup(ModelViewSetGroup):
    items = (
        MemberViewSet,
        TransferViewSet,
        ExchangeViewSet,
        ListingViewSet,
        RelayedMessageViewSet,
        CategoryViewSet,
    )
    menu_icon = "time"
    menu_label = _("Time bank")
    menu_name = "time-bank"


@hooks.register("register_admin_viewset")
def register_time_bank():
    return TimeBankGroup()
