"""The consultants' admin beyond Wagtail's generic views: the case list's
status column, the case page's follow-ups, the full history, the document
download, the directory profile update, and the dashboard's counts."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from directory.proposals import propose_changes
from hub.admin_exports import BackgroundExportMixin
from hub.admin_views import FieldChangesView, field_changes_button

from . import casework, documents, statistics
from .admin_forms import ProfileUpdateForm
from .history import case_changes
from .models import Case, CaseDocument, CaseNote


class StatusColumn(Column):
    """The case's status, marked when the case is past its due date."""

    cell_template_name = "consultations/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = instance.get_status_display()
        context["overdue"] = instance.is_overdue
        return context


class CaseIndexView(BackgroundExportMixin, IndexView):
    changes_url_name = None

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("organization", "municipality", "assignee")
        )

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            field_changes_button(self.changes_url_name, instance, priority=40),
        ]


class CaseEditView(EditView):
    """The case page. After a save: the newly assigned consultant is told,
    and a case just closed asks the organization for its feedback."""

    changes_url_name = None
    profile_url_name = None

    def get_object(self, queryset=None):
        case = super().get_object(queryset)
        self.before = {"status": case.status, "assignee_id": case.assignee_id}
        return case

    def save_instance(self):
        case = super().save_instance()
        casework.after_staff_change(
            case,
            previous_status=self.before["status"],
            previous_assignee_id=self.before["assignee_id"],
            user=self.request.user,
        )
        return case

    @property
    def header_more_buttons(self):
        buttons = [
            *super().header_more_buttons,
            field_changes_button(self.changes_url_name, self.object, priority=40),
        ]
        if self.object.organization_id:
            buttons.append(
                Button(
                    _("Update the organization's directory profile"),
                    url=reverse(self.profile_url_name, args=[self.object.pk]),
                    icon_name="group",
                    priority=50,
                )
            )
        return buttons


class CaseCreateView(CreateView):
    """A request received by phone, in person or by e-mail, entered by a
    consultant (see `admin_forms.StaffRequestForm`)."""

    def save_instance(self):
        case = super().save_instance()
        casework.after_staff_change(
            case,
            previous_status=None,
            previous_assignee_id=None,
            user=self.request.user,
        )
        return case

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])


class CaseChangesView(FieldChangesView):
    """The case's field changes, with its sessions, notes and documents."""

    def get_entries(self):
        return case_changes(self.object)


class DocumentDownloadView(PermissionCheckedMixin, View):
    """The only way to a case document: for those who may view cases."""

    model = Case
    permission_required = "view"

    def get(self, request, pk):
        document = get_object_or_404(CaseDocument, pk=pk)
        return documents.download_response(document)


class ProfileUpdateView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView
):
    """Propose changes to the case's organization in the directory.

    They become a draft revision for the directory's editors to review
    (`directory.proposals.propose_changes`), never a published change. The
    draft names the consultant, not the case: directory editors do not learn
    what the consultation was about.
    """

    model = Case
    permission_required = "change"
    template_name = "consultations/admin/profile_update.html"
    header_icon = "group"
    edit_url_name = None
    index_url_name = None

    def get_object(self):
        case = super().get_object()
        if case.organization is None:
            raise Http404(
                _("This case does not concern an organization of the directory.")
            )
        return case

    def get_page_title(self):
        return _("Update the directory profile of %(name)s") % {
            "name": self.object.organization.name
        }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": Case._meta.verbose_name_plural,
            },
            {
                "url": reverse(self.edit_url_name, args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": _("Directory profile")},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.object.organization}

    def get_form_class(self):
        return ProfileUpdateForm

    def form_valid(self, form):
        changes = form.changes()
        user = self.request.user
        propose_changes(
            self.object.organization,
            changes,
            note=_("Update proposed by %(user)s (hub staff).")
            % {"user": user.get_full_name() or user.get_username()},
            user=user,
        )
        labels = [
            str(form.fields[name].label) if name in form.fields else name
            for name in changes
            if name != "data_confirmed_on"
        ]
        if "data_confirmed_on" in changes:
            labels.append(str(form.fields["data_confirmed"].label))
        CaseNote.objects.create(
            case=self.object,
            text=_("Proposed an update of the directory profile: %(fields)s.")
            % {"fields": "; ".join(labels)},
            written_by=user,
        )
        messages.success(
            self.request,
            _(
                "The update was sent to the directory's editors as a draft; "
                "it is published once they review it."
            ),
        )
        return redirect(self.edit_url_name, self.object.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            case=self.object,
            action_url=self.request.path,
            submit_button_label=_("Send for review"),
            **kwargs,
        )


class CaseCountsPanel(Component):
    """The desk's workload in numbers, for every staff member: counts only,
    never a case (consultants also get the link to their list)."""

    name = "consultation_counts"
    template_name = "consultations/admin/counts_panel.html"
    order = 150
    label = gettext_lazy("Consultations")

    def __init__(self, can_open_cases):
        self.can_open_cases = can_open_cases

    def get_context_data(self, parent_context):
        counts = statistics.desk_counts()
        return {
            "counts": [
                (label, counts[status])
                for status, label in Case.Status.choices
                if status in counts
            ],
            "overdue": counts["overdue"],
            "cases_url": reverse("consultations_case:index")
            if self.can_open_cases
            else None,
        }
