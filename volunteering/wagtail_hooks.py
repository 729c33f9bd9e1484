"""Volunteering in the admin, for communications staff (viewsets and hooks only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from hub.admin_exports import BackgroundExportMixin
from hub.admin_views import FieldChangesView, field_changes_button

from . import admin_views
from .admin_filters import OpportunityFilterSet, SignUpFilterSet
from .models import Opportunity, SignUp


class OpportunityIndexView(BackgroundExportMixin, IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            field_changes_button(
                "volunteering_opportunity:changes", instance, priority=90
            )
        )
        if not self.request.user.has_perm("volunteering.publish_opportunity"):
            return buttons
        if instance.status != Opportunity.Status.PUBLISHED:
            buttons.append(
                Button(
                    _("Publish"),
                    url=reverse("volunteering_opportunity:publish", args=[instance.pk]),
                    icon_name="check",
                    priority=10,
                )
            )
        if instance.status == Opportunity.Status.SUBMITTED:
            buttons.append(
                Button(
                    _("Decline"),
                    url=reverse("volunteering_opportunity:decline", args=[instance.pk]),
                    icon_name="cross",
                    priority=20,
                )
            )
        return buttons


class OpportunityViewSet(ModelViewSet):
    model = Opportunity
    icon = "list-ul"
    menu_label = _("Opportunities")
    url_prefix = "volunteering/opportunities"
    name = "volunteering_opportunity"
    index_view_class = OpportunityIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = OpportunityFilterSet
    search_backend_name = None
    search_fields = ["title", "description", "place"]
    form_fields = [
        "organization",
        "language",
        "title",
        "description",
        "municipality",
        "place",
        "is_remote",
        "starts_on",
        "ends_on",
        "time_needed",
        "skills",
        "topics",
        "minimum_age",
        "for_young_people",
        "volunteers_needed",
        "deadline",
        "contact_name",
        "contact_email",
        "contact_phone",
        "staff_notes",
    ]
    list_display = [
        "title",
        Column("organization", label=_("organization")),
        Column("municipality", label=_("municipality")),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("deadline", label=_("deadline")),
    ]
    list_per_page = 50
    ordering = ["-created_at"]
    # Reports: no contact person in the export.
    list_export = [
        "pk",
        "title",
        "organization.name",
        "municipality",
        "is_remote",
        "starts_on",
        "ends_on",
        "deadline",
        "volunteers_needed",
        "get_status_display",
        "published_at",
    ]
    export_headings = {
        "pk": _("number"),
        "organization.name": _("organization"),
        "get_status_display": _("status"),
    }
    export_filename = "volunteering-opportunities"

    def get_index_view_kwargs(self, **kwargs):
        # ModelViewSet has no queryset hook: the index gets its related rows here.
        return super().get_index_view_kwargs(
            queryset=Opportunity.objects.select_related("organization", "municipality"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "publish/<int:pk>/",
                self._action(admin_views.PublishView),
                name="publish",
            ),
            path(
                "decline/<int:pk>/",
                self._action(admin_views.DeclineView),
                name="decline",
            ),
            path(
                "changes/<int:pk>/",
                self.construct_view(
                    FieldChangesView,
                    index_url_name=self.get_url_name("index"),
                    edit_url_name=self.get_url_name("edit"),
                ),
                name="changes",
            ),
        ]

    def _action(self, view_class):
        return view_class.as_view(index_url_name=self.get_url_name("index"))


class SignUpIndexView(BackgroundExportMixin, IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            field_changes_button("volunteering_signup:changes", instance, priority=90)
        )
        if self.request.user.has_perm("volunteering.change_signup"):
            buttons.append(
                Button(
                    _("Confirm hours"),
                    url=reverse("volunteering_signup:hours", args=[instance.pk]),
                    icon_name="time",
                    priority=10,
                )
            )
        return buttons


class SignUpViewSet(ModelViewSet):
    """Sign-ups come from citizens: staff read them, confirm hours, export."""

    model = SignUp
    icon = "user"
    menu_label = _("Sign-ups and hours")
    url_prefix = "volunteering/sign-ups"
    name = "volunteering_signup"
    index_view_class = SignUpIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = SignUpFilterSet
    search_backend_name = None
    search_fields = ["name", "email", "phone"]
    form_fields = ["status"]
    list_display = [
        "name",
        Column("opportunity", label=_("opportunity")),
        Column("status", label=_("status"), accessor="get_status_display"),
        Column("hours", label=_("hours")),
        DateColumn("created_at", label=_("signed up")),
    ]
    list_per_page = 50
    ordering = ["-created_at"]
    # Reports by municipality and organization: no names or contact details.
    list_export = [
        "pk",
        "opportunity.title",
        "opportunity.organization.name",
        "opportunity.municipality",
        "get_age_group_display",
        "get_status_display",
        "attended",
        "minutes",
        "credit_to_time_bank",
        "created_at",
    ]
    export_headings = {
        "pk": _("number"),
        "opportunity.title": _("opportunity"),
        "opportunity.organization.name": _("organization"),
        "opportunity.municipality": _("municipality"),
        "get_age_group_display": _("age group"),
        "get_status_display": _("status"),
        "minutes": _("confirmed minutes"),
    }
    export_filename = "volunteering-sign-ups"
    inspect_view_fields = [
        "opportunity",
        "name",
        "email",
        "phone",
        "age_group",
        "message",
        "status",
        "credit_to_time_bank",
        "consent_given_at",
        "email_confirmed_at",
        "created_at",
        "attended",
        "minutes",
        "hours_confirmed_at",
        "certificate_code",
        "time_bank_transfer",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=SignUp.objects.select_related(
                "opportunity__organization", "opportunity__municipality"
            ),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            url
            for url in super().get_urlpatterns()
            if url.name not in ("add", "delete")
        ] + [
            path(
                "hours/<int:pk>/",
                admin_views.ConfirmHoursView.as_view(
                    index_url_name=self.get_url_name("index")
                ),
                name="hours",
            ),
            path(
                "changes/<int:pk>/",
                self.construct_view(
                    FieldChangesView,
                    index_url_name=self.get_url_name("index"),
                    edit_url_name=self.get_url_name("edit"),
                ),
                name="changes",
            ),
        ]


class VolunteeringGroup(ModelViewSetGroup):
    items = (OpportunityViewSet, SignUpViewSet)
    menu_icon = "group"
    menu_label = _("Volunteering")
    menu_name = "volunteering"


@hooks.register("register_admin_viewset")
def register_volunteering():
    return VolunteeringGroup()
